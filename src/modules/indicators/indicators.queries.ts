import {
  SAMPLE_ORGS as O,
  insertSampleWorld,
  repositorySamples,
  type ModuleQueries,
} from '../../../test/query-samples.js';
import { INDICATORS, termsOf } from '../../domain/indicators/catalogue.js';
import { DEFAULT_PARAMETERS } from '../../domain/indicators/parameters.js';
import { parsePeriod } from '../../domain/periods/period.js';
import * as baseline from './baseline-repository.js';
import * as facts from './indicator-repository.js';

const COUNTY: facts.OrgRow = {
  code: O.county,
  name: '泾川县',
  level: 3,
  province_code: O.province,
  city_code: O.city,
  county_code: O.county,
  township_code: null,
};

const membership: facts.MembershipRow = {
  resident_id: 1,
  year: 2020,
  county_code: O.county,
  org_code: O.village,
  terms: '|records.total=1|',
};

/** Example calls of the indicator repositories, written to src/queries/indicators.*.sql by `npm run queries`. */
export const QUERY_SAMPLES: ModuleQueries = {
  prepare: insertSampleWorld,
  repositories: [
    repositorySamples('indicators/indicator-repository.ts', facts, {
      addFactYears: (db) => facts.addFactYears(db.kysely, [2020]),
      loadFactYears: (db) => facts.loadFactYears(db.kysely),
      loadResidents: (db) => facts.loadResidents(db.kysely, [1, 2]),
      residentIdsAfter: (db) => facts.residentIdsAfter(db.kysely, 0, 1000),
      loadEnrollments: (db) => facts.loadEnrollments(db.kysely, [1, 2]),
      loadServices: (db) => facts.loadServices(db.kysely, [1, 2]),
      replaceIdKeys: (db) =>
        facts.replaceIdKeys(
          db.kysely,
          [1],
          [{ resident_id: 1, county_code: O.county, id_key: '620881195501010011' }],
        ),
      loadIdKeys: (db) => facts.loadIdKeys(db.kysely, [1, 2]),
      residentsWithKeys: (db) => facts.residentsWithKeys(db.kysely, ['620881195501010011']),
      replaceMemberships: (db) => facts.replaceMemberships(db.kysely, [1], [2020], [membership]),
      loadMemberships: (db) => facts.loadMemberships(db.kysely, [1, 2]),
      addToTallies: (db) =>
        facts.addToTallies(db.kysely, [
          { year: 2020, node: 3, org_code: O.village, term: 'records.total', county_code: O.county, n: 1 },
        ]),
      loadActivities: (db) => facts.loadActivities(db.kysely, [O.village]),
      activityOrgs: (db) => facts.activityOrgs(db.kysely),
      deleteTallies: (db) => facts.deleteTallies(db.kysely, [O.village], ['records.total'], [2020]),
      serviceYears: (db) => facts.serviceYears(db.kysely),
      findOrg: (db) => facts.findOrg(db.kysely, O.county),
      listSubtreeOrgs: (db) => facts.listSubtreeOrgs(db.kysely, COUNTY, 5),
      subtreeTallies: async (db) => {
        await facts.subtreeTallies(db.kysely, { countyCodes: [O.county] }, 2020, [5, 11]);
        await facts.subtreeTallies(db.kysely, { orgCodes: [O.village, O.otherVillage] }, 2020, [5, 11]);
      },
      subtreePopulation: (db) => facts.subtreePopulation(db.kysely, COUNTY, 2020),
      subtreeMemberships: (db) => facts.subtreeMemberships(db.kysely, COUNTY, 2020, 'records.total'),
      loadPeople: (db) => facts.loadPeople(db.kysely, [1, 2]),
      clearFacts: (db) => facts.clearFacts(db.kysely),
    }),
    repositorySamples('indicators/baseline-repository.ts', baseline, {
      baselineTermCounts: (db) =>
        baseline.baselineTermCounts(
          db,
          COUNTY,
          parsePeriod('2020Q2'),
          [...new Set(INDICATORS.flatMap(termsOf))],
          DEFAULT_PARAMETERS,
        ),
    }),
  ],
};
