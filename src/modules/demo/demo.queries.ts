import {
  SAMPLE_SCOPE as SCOPE,
  insertSampleWorld,
  repositorySamples,
  type ModuleQueries,
} from '../../../test/query-samples.js';
import * as demo from './demo-repository.js';

/** Example calls of the demo repository, written to queries/demo.*.sql by `npm run queries`. */
export const QUERY_SAMPLES: ModuleQueries = {
  prepare: insertSampleWorld,
  repositories: [
    repositorySamples('demo/demo-repository.ts', demo, {
      countResidents: (db) => demo.countResidents(db.kysely, SCOPE),
      holdsResidents: (db) => demo.holdsResidents(db.kysely, SCOPE),
    }),
  ],
};
