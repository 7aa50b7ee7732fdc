import {
  SAMPLE_ORGS as O,
  SAMPLE_SCOPE as S,
  insertSampleWorld,
  repositorySamples,
  type ModuleQueries,
} from '../../../test/query-samples.js';
import * as orgs from './org-repository.js';
import * as population from './population-repository.js';

/** Example calls of the orgs repositories, written to queries/orgs.*.sql by `npm run queries`. */
export const QUERY_SAMPLES: ModuleQueries = {
  prepare: insertSampleWorld,
  repositories: [
    repositorySamples('orgs/org-repository.ts', orgs, {
      upsertOrgs: (db) =>
        orgs.upsertOrgs(db.kysely, [
          {
            code: '620881100203',
            name: '三村',
            level: 5,
            parentCode: O.township,
            provinceCode: O.province,
            cityCode: O.city,
            countyCode: O.county,
            townshipCode: O.township,
            urbanRural: 'rural',
          },
        ]),
      getOrg: (db) => orgs.getOrg(db, S, O.village),
      listChildren: (db) => orgs.listChildren(db, S, O.township),
      listRoots: (db) => orgs.listRoots(db, S),
      listSubtree: (db) => orgs.listSubtree(db, S, O.county, 1),
      updateOrgResponsible: (db) =>
        orgs.updateOrgResponsible(db, S, O.village, { responsiblePerson: '张医生', contactPhone: null }),
    }),
    repositorySamples('orgs/population-repository.ts', population, {
      upsertPopulation: (db) =>
        population.upsertPopulation(db.kysely, S, [
          {
            orgCode: O.village,
            year: 2020,
            total: 1200,
            age0to6: 90,
            age65plus: 150,
            age15plus: 1000,
            age18plus: 950,
            women15to49: 300,
            liveBirths: 12,
          },
        ]),
      populationOf: (db) => population.populationOf(db, S, O.village, 2020),
    }),
  ],
};
