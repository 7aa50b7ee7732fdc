import {
  SAMPLE_ORGS as O,
  SAMPLE_SCOPE as SCOPE,
  insertSampleWorld,
  repositorySamples,
  type ModuleQueries,
} from '../../../test/query-samples.js';
import * as due from './due-repository.js';

/** Example calls of the due-list repository, written to queries/due.*.sql by `npm run queries`. */
export const QUERY_SAMPLES: ModuleQueries = {
  prepare: insertSampleWorld,
  repositories: [
    repositorySamples('due/due-repository.ts', due, {
      dueCandidates: (db) =>
        due.dueCandidates(db.kysely, SCOPE, {
          asOf: '2020-06-30',
          elderlyBornBy: '1955-06-30',
          childBornAfter: '2013-06-30',
          servicesFrom: '2013-06-29',
        }),
      orgNameOf: (db) => due.orgNameOf(db.kysely, O.village),
    }),
  ],
};
