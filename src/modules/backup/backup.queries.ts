import { insertSampleWorld, repositorySamples, type ModuleQueries } from '../../../test/query-samples.js';
import { MAIN_TABLES } from '../../domain/backup/restore-rules.js';
import * as counts from './table-counts-repository.js';

/** Example calls of the backup module's repository, written to queries/backup.*.sql by `npm run queries`. */
export const QUERY_SAMPLES: ModuleQueries = {
  prepare: insertSampleWorld,
  repositories: [
    repositorySamples('backup/table-counts-repository.ts', counts, {
      countRows: (db) => counts.countRows(db, MAIN_TABLES),
    }),
  ],
};
