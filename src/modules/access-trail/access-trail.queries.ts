import {
  SAMPLE_SCOPE as S,
  insertSampleWorld,
  repositorySamples,
  type ModuleQueries,
} from '../../../test/query-samples.js';
import * as trail from './trail-repository.js';

/** Example calls of the access-trail repository, written to queries/access-trail.*.sql by `npm run queries`. */
export const QUERY_SAMPLES: ModuleQueries = {
  prepare: insertSampleWorld,
  repositories: [
    repositorySamples('access-trail/trail-repository.ts', trail, {
      appendTrail: (db) =>
        trail.appendTrail(db, [
          {
            at: '2020-06-15T04:00:00.000Z',
            actor: 'zhang',
            role: 'bureau',
            clientAddress: '10.0.0.1',
            requestId: 'req-1',
            action: 'resident.read',
            objectType: 'resident',
            objectId: '62088110020100001',
            orgCode: '620881100201',
            countyCode: '620881',
            outcome: 'allowed',
            rowCount: null,
            detail: 'GET /api/residents/:recordNo',
          },
        ]),
      toStoredTrailRow: { noQuery: 'maps a stored row' },
      readChainPage: (db) => trail.readChainPage(db.kysely, 0, 10_000),
      readChainRecords: (db) => trail.readChainRecords(db.kysely, 0, 10_000),
      trailHashOf: (db) => trail.trailHashOf(db.kysely, 1),
      listTrail: (db) =>
        trail.listTrail(
          db.kysely,
          S,
          {
            fromAt: '2020-06-01T00:00:00.000Z',
            beforeAt: '2020-07-01T00:00:00.000Z',
            outcome: 'refused',
          },
          { order: 'newest-first', beforeId: null, limit: 100 },
        ),
    }),
  ],
};
