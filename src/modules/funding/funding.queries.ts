import {
  SAMPLE_ORGS as O,
  SAMPLE_SCOPE as SCOPE,
  insertSampleWorld,
  repositorySamples,
  type ModuleQueries,
} from '../../../test/query-samples.js';
import { findOrgLineage } from '../orgs/org-scope.js';
import * as funding from './funding-repository.js';

const AT = '2020-07-01T08:00:00.000Z';

/** Example calls of the funding repository, written to queries/funding.*.sql by `npm run queries`. */
export const QUERY_SAMPLES: ModuleQueries = {
  prepare: insertSampleWorld,
  repositories: [
    repositorySamples('funding/funding-repository.ts', funding, {
      listUnitPopulations: async (db) =>
        funding.listUnitPopulations(db, SCOPE, (await findOrgLineage(db.kysely, O.county))!, 2020),
      insertAllocation: (db) =>
        db.kysely.transaction().execute((trx) =>
          funding.insertAllocation(trx, {
            orgCode: O.county,
            countyCode: O.county,
            year: 2020,
            perCapitaFen: 7400,
            earmarkFen: 500,
            villageShareBp: 4000,
            advanceShareBp: 7000,
            countyShareBp: 600,
            population: 2,
            totalFen: 14800,
            allocatedOn: '2020-07-01',
            idleAfter: '2020-09-30',
            idleThresholdBp: 3000,
            lateAfterDays: 30,
            source: '国卫基层发〔2020〕9号',
            createdBy: 'bureau',
            createdAt: AT,
            units: [
              {
                unitCode: O.township,
                countyCode: O.county,
                unitName: '城关镇',
                population: 2,
                amountFen: 14800,
                earmarkFen: 1000,
                villageFen: 6520,
                advanceFen: 10360,
              },
            ],
          }),
        ),
      findAllocation: (db) => funding.findAllocation(db, SCOPE, O.county, 2020),
      listAllocations: (db) => funding.listAllocations(db, SCOPE),
      listAllocationUnits: (db) => funding.listAllocationUnits(db, SCOPE, 1),
      insertDisbursements: (db) =>
        db.kysely.transaction().execute((trx) =>
          funding.insertDisbursements(
            trx,
            1,
            [
              {
                unitCode: O.township,
                countyCode: O.county,
                paidOn: '2020-07-15',
                payer: '泾川县财政局',
                amountFen: 10360,
                purpose: '预拨',
              },
            ],
            { by: 'bureau', at: AT },
          ),
        ),
      listDisbursements: (db) => funding.listDisbursements(db, SCOPE, 1, '2020-12-31'),
      listUnitScores: (db) => funding.listUnitScores(db, SCOPE, [O.township], 2020),
    }),
  ],
};
