import { insertSampleWorld, repositorySamples, type ModuleQueries } from '../../../test/query-samples.js';
import * as versions from './data-versions-repository.js';

/** Example calls of the serving repositories, written to queries/serving.*.sql by `npm run queries`. */
export const QUERY_SAMPLES: ModuleQueries = {
  prepare: insertSampleWorld,
  repositories: [
    repositorySamples('serving/data-versions-repository.ts', versions, {
      loadDataVersions: (db) => versions.loadDataVersions(db.kysely),
    }),
  ],
};
