import {
  SAMPLE_ORGS as O,
  SAMPLE_SCOPE as SCOPE,
  insertSampleWorld,
  repositorySamples,
  type ModuleQueries,
} from '../../../test/query-samples.js';
import * as manual from './manual-repository.js';
import * as runs from './run-repository.js';
import * as schemes from './scheme-repository.js';

const AT = '2020-07-10T08:00:00.000Z';

/** Example calls of the assessment repositories, written to queries/assessment.*.sql by `npm run queries`. */
export const QUERY_SAMPLES: ModuleQueries = {
  prepare: insertSampleWorld,
  repositories: [
    repositorySamples('assessment/scheme-repository.ts', schemes, {
      insertSchemeVersion: (db) =>
        schemes.insertSchemeVersion(db, {
          code: 'national-basic',
          version: 1,
          name: { zh: '默认方案', en: 'default' },
          definition: {},
          maxCenti: 10000,
          createdBy: 'system',
          createdAt: AT,
        }),
      selectScheme: (db) => schemes.selectScheme(db, 'national-basic', 1),
      selectSchemeById: (db) => schemes.selectSchemeById(db, 1),
      listSchemeVersions: (db) => schemes.listSchemeVersions(db),
    }),
    repositorySamples('assessment/run-repository.ts', runs, {
      insertRun: (db) =>
        db.kysely.transaction().execute((trx) =>
          runs.insertRun(trx, {
            schemeId: 1,
            orgCode: O.county,
            countyCode: O.county,
            period: '2020H1',
            dataCutoff: '2020-06-30',
            createdBy: 'bureau1',
            createdAt: AT,
            units: [
              {
                unitCode: O.township,
                unitName: '城关镇',
                countyCode: O.county,
                totalCenti: 8000,
                maxCenti: 10000,
                applicableCenti: 9000,
                convertedCenti: 8889,
                missing: 0,
                rank: 1,
                items: [
                  {
                    sectionId: 'execution',
                    itemId: 'exe.child',
                    kind: 'indicator',
                    indicator: 'child.health_management_rate',
                    value: 0.8,
                    numerator: 80,
                    denominator: 100,
                    target: 0.85,
                    targetSource: 'fixed',
                    scoring: { rule: 'pro_rata' },
                    pointsCenti: 400,
                    centi: 376,
                    status: 'scored',
                    explanation: { zh: '4 × 0.8 ÷ 0.85 = 3.76', en: '4 × 0.8 ÷ 0.85 = 3.76' },
                    inputs: {},
                  },
                ],
              },
            ],
          }),
        ),
      listRuns: (db) =>
        runs.listRuns(db, SCOPE, {
          orgCode: O.county,
          period: '2020H1',
          schemeCode: 'national-basic',
          limit: 50,
        }),
      selectRun: (db) => runs.selectRun(db, SCOPE, 1),
      selectPreviousRun: (db) =>
        runs.selectPreviousRun(db, SCOPE, { id: 2, orgCode: O.county, schemeCode: 'national-basic' }),
      selectRunUnits: (db) => runs.selectRunUnits(db, SCOPE, 1),
      selectRunItems: (db) => runs.selectRunItems(db, SCOPE, 1, O.township),
    }),
    repositorySamples('assessment/manual-repository.ts', manual, {
      insertManualEntry: (db) =>
        manual.insertManualEntry(db, {
          schemeCode: 'national-basic',
          itemId: 'eff.satisfaction',
          unitCode: O.township,
          countyCode: O.county,
          period: '2020H1',
          scoreCenti: 550,
          evidence: '问卷120份',
          assessor: 'bureau1',
          enteredAt: AT,
        }),
      selectManualEntries: (db) =>
        manual.selectManualEntries(db, SCOPE, {
          schemeCode: 'national-basic',
          period: '2020H1',
          unitCodes: [O.township],
        }),
    }),
  ],
};
