import {
  SAMPLE_ORGS as O,
  SAMPLE_SCOPE as SCOPE,
  insertSampleWorld,
  repositorySamples,
  type ModuleQueries,
} from '../../../test/query-samples.js';
import * as reported from './reported-repository.js';

const AT = '2020-07-05T08:00:00.000Z';
const KEY = { orgCode: O.village, period: '2020Q2', indicator: 'infectious_disease.report_rate' };

/** Example calls of the reported-values repository, written to queries/reported.*.sql by `npm run queries`. */
export const QUERY_SAMPLES: ModuleQueries = {
  prepare: insertSampleWorld,
  repositories: [
    repositorySamples('reported/reported-repository.ts', reported, {
      reportCounty: { noQuery: 'the county column of a report, computed from its org code' },
      // Twice: the first call inserts, the second updates.
      writeReportedValue: async (db) => {
        const row = {
          ...KEY,
          year: 2020,
          numerator: 98,
          denominator: 100,
          percent: null,
          source: '传染病报告信息管理系统',
        };
        await reported.writeReportedValue(db.kysely, row, 'operator', AT);
        await reported.writeReportedValue(db.kysely, { ...row, numerator: 97 }, 'operator', AT);
      },
      listReportedValues: (db) => reported.listReportedValues(db.kysely, SCOPE, { period: '2020Q2' }),
      reportedFiguresInScope: (db) =>
        reported.reportedFiguresInScope(db.kysely, SCOPE, 2020, ['infectious_disease.report_rate']),
      listReportedChanges: (db) => reported.listReportedChanges(db.kysely, KEY),
      deleteReportedValue: (db) => reported.deleteReportedValue(db.kysely, KEY, 'operator', AT),
    }),
  ],
};
