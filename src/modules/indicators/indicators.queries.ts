import {
  SAMPLE_ORGS as O,
  SAMPLE_SCOPE as S,
  insertSampleWorld,
  repositorySamples,
  type ModuleQueries,
} from '../../../test/query-samples.js';
import { INDICATORS, termsOf } from '../../domain/indicators/catalogue.js';
import type { MembershipRow } from '../../domain/indicators/fact-changes.js';
import { DEFAULT_PARAMETERS } from '../../domain/indicators/parameters.js';
import { PERSON_SERVICE_READS } from '../../domain/indicators/terms.js';
import { parsePeriod } from '../../domain/periods/period.js';
import * as baseline from './baseline-repository.js';
import * as facts from './facts-repository.js';
import * as rawRows from './raw-rows-repository.js';
import * as tallyStore from './tally-store-repository.js';
import * as values from './values-repository.js';

const membership: MembershipRow = {
  residentId: 1,
  year: 2020,
  countyCode: O.county,
  orgCode: O.village,
  terms: '|records.total=1|',
};

const ACTIVITY = 'health_education';

/** Example calls of the indicator repositories, written to queries/indicators.*.sql by `npm run queries`. */
export const QUERY_SAMPLES: ModuleQueries = {
  prepare: insertSampleWorld,
  repositories: [
    repositorySamples('indicators/facts-repository.ts', facts, {
      factTables: { noQuery: 'adds the indicator tables to a handle' },
      addFactYears: (db) => facts.addFactYears(db.kysely, [2020]),
      loadFactYears: (db) => facts.loadFactYears(db.kysely),
      loadYearsInPreparation: (db) => facts.loadYearsInPreparation(db.kysely),
      startPreparingYears: (db) => facts.startPreparingYears(db.kysely, [2021]),
      advancePreparation: (db) => facts.advancePreparation(db.kysely, 2021, 2000),
      finishPreparation: (db) => facts.finishPreparation(db.kysely, 2021),
      loadFactFingerprint: (db) => facts.loadFactFingerprint(db.kysely),
      saveFactFingerprint: (db) => facts.saveFactFingerprint(db.kysely, 'r1-0123abcd'),
      prepareYearsAgain: (db) => facts.prepareYearsAgain(db.kysely, [2020]),
      replaceIdKeys: (db) =>
        facts.replaceIdKeys(
          db.kysely,
          [1],
          [{ residentId: 1, countyCode: O.county, idKey: '620881195501010011' }],
        ),
      loadIdKeys: (db) => facts.loadIdKeys(db.kysely, [1, 2]),
      insertMemberships: (db) => facts.insertMemberships(db.kysely, [membership]),
      updateMembershipTerms: (db) =>
        facts.updateMembershipTerms(db.kysely, [{ ...membership, terms: '|records.total=3|' }]),
      loadMemberships: async (db) => {
        await facts.loadMemberships(db.kysely, [1, 2]);
        // A batch changed only by this year's services reads this year's rows alone.
        await facts.loadMemberships(db.kysely, [1, 2], 2020);
      },
      deleteMemberships: (db) => facts.deleteMemberships(db.kysely, new Map([[2020, [1]]])),
      addToTallies: (db) =>
        facts.addToTallies(db.kysely, [
          { year: 2020, node: 3, orgCode: O.village, term: 'records.total', countyCode: O.county, n: 1 },
        ]),
      deleteTallies: (db) => facts.deleteTallies(db.kysely, [O.village], ['records.total'], [2020]),
      clearFacts: (db) => facts.clearFacts(db.kysely),
    }),
    repositorySamples('indicators/raw-rows-repository.ts', rawRows, {
      loadResidentRecords: (db) => rawRows.loadResidentRecords(db.kysely, [1, 2]),
      residentIdsAfter: (db) => rawRows.residentIdsAfter(db.kysely, S, 0, 1000),
      loadEnrollments: (db) => rawRows.loadEnrollments(db.kysely, [1, 2]),
      loadContracts: (db) => rawRows.loadContracts(db.kysely, [1, 2]),
      loadServices: (db) => rawRows.loadServices(db.kysely, [1, 2], PERSON_SERVICE_READS),
      loadKeyHolders: (db) => rawRows.loadKeyHolders(db.kysely, ['620881195501010011']),
      loadActivities: (db) => rawRows.loadActivities(db.kysely, ACTIVITY, [O.village]),
      activitiesInScope: (db) => rawRows.activitiesInScope(db.kysely, S, ACTIVITY, 2020),
      activityOrgs: (db) => rawRows.activityOrgs(db.kysely, ACTIVITY),
      serviceYears: (db) => rawRows.serviceYears(db.kysely),
    }),
    repositorySamples('indicators/tally-store-repository.ts', tallyStore, {
      orgTallyVersions: (db) => tallyStore.orgTallyVersions(db.kysely, O.county, 2020),
      countyTallyNodes: (db) => tallyStore.countyTallyNodes(db.kysely, O.county, 2020),
    }),
    repositorySamples('indicators/values-repository.ts', values, {
      listOrgsInScope: (db) => values.listOrgsInScope(db.kysely, S),
      tallyNodesInScope: (db) => values.tallyNodesInScope(db.kysely, S, 2020, [5, 11]),
      villagePopulationInScope: (db) => values.villagePopulationInScope(db.kysely, S, 2020),
      membershipsInScope: (db) => values.membershipsInScope(db.kysely, S, 2020, 'records.total'),
      loadPeople: (db) => values.loadPeople(db.kysely, S, [1, 2]),
      latestServiceDateInScope: (db) =>
        values.latestServiceDateInScope(db.kysely, S, '2020-01-01', '2020-12-31'),
    }),
    repositorySamples('indicators/baseline-repository.ts', baseline, {
      baselineTermCounts: (db) =>
        baseline.baselineTermCounts(
          db,
          S,
          parsePeriod('2020Q2'),
          [...new Set(INDICATORS.flatMap(termsOf))],
          DEFAULT_PARAMETERS,
        ),
    }),
  ],
};
