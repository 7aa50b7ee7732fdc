import {
  SAMPLE_ORGS,
  SAMPLE_SCOPE as SCOPE,
  insertSampleWorld,
  repositorySamples,
  type ModuleQueries,
} from '../../../test/query-samples.js';
import * as tokens from './api-tokens-repository.js';
import { secretHash } from './session-tokens.js';
import * as sessions from './sessions-repository.js';
import * as users from './users-repository.js';

// A PHC string of the right shape: hashing is not what these samples show.
const HASH = '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g';
const AT = new Date('2026-12-01T08:00:00Z');
// Ten minutes on: the session and the token are still live, and old enough to be touched.
const LATER = new Date('2026-12-01T08:10:00Z');
const LIFETIME = sessions.DEFAULT_SESSION_LIFETIME;
const API_SECRET = 'gwt_sample-secret';

/** The cookie token of the sample session (random; values are not written, only statements). */
let sessionToken = '';

/** Example calls of the account repositories, written to queries/accounts.*.sql by `npm run queries`. */
export const QUERY_SAMPLES: ModuleQueries = {
  prepare: insertSampleWorld,
  repositories: [
    repositorySamples('accounts/users-repository.ts', users, {
      insertUser: (db) =>
        users.insertUser(db.kysely, {
          username: 'sample.centre',
          displayName: '东华镇卫生院',
          orgCode: SAMPLE_ORGS.township,
          role: 'centre',
          passwordHash: HASH,
          mustChangePassword: true,
          createdBy: 'operator:sample',
          now: AT.toISOString(),
        }),
      findUserByUsername: (db) => users.findUserByUsername(db.kysely, 'sample.centre'),
      findUserById: (db) => users.findUserById(db.kysely, 1),
      listUsers: (db) => users.listUsers(db.kysely, SCOPE),
      findUserInScope: (db) => users.findUserInScope(db.kysely, SCOPE, 'sample.centre'),
      holdsUsers: (db) => users.holdsUsers(db.kysely, SCOPE),
      setUserActive: (db) => users.setUserActive(db.kysely, 1, true),
      setUserPassword: (db) =>
        users.setUserPassword(db.kysely, 1, { hash: HASH, mustChange: false, now: AT.toISOString() }),
      updateUserProfile: (db) =>
        users.updateUserProfile(db.kysely, 1, { role: 'team', orgCode: SAMPLE_ORGS.village }),
      withoutHash: { noQuery: 'drops the hash from a user read' },
    }),
    repositorySamples('accounts/sessions-repository.ts', sessions, {
      createSession: async (db) => {
        const created = await sessions.createSession(db.kysely, 1, {
          now: AT,
          clientAddress: '127.0.0.1',
          lifetime: LIFETIME,
        });
        sessionToken = created.token;
      },
      findLiveSession: (db) => sessions.findLiveSession(db.kysely, sessionToken, LATER, LIFETIME),
      touchSession: async (db) => {
        const live = await sessions.findLiveSession(db.kysely, sessionToken, LATER, LIFETIME);
        if (!live) throw new Error('the sample session is not live');
        await sessions.touchSession(db.kysely, live, LATER);
      },
      endSession: (db) => sessions.endSession(db.kysely, secretHash(sessionToken), LATER),
      endSessionsOfUser: (db) => sessions.endSessionsOfUser(db.kysely, 1, LATER, secretHash(sessionToken)),
    }),
    repositorySamples('accounts/api-tokens-repository.ts', tokens, {
      insertApiToken: (db) =>
        tokens.insertApiToken(db.kysely, {
          name: 'his-push',
          secretHash: secretHash(API_SECRET),
          orgCode: SAMPLE_ORGS.township,
          role: 'centre',
          createdByUserId: 1,
          createdBy: 'sample.admin',
          now: AT.toISOString(),
          expiresAt: '2027-03-01T08:00:00.000Z',
        }),
      findLiveApiToken: (db) => tokens.findLiveApiToken(db.kysely, API_SECRET, LATER),
      touchApiToken: async (db) => {
        const live = await tokens.findLiveApiToken(db.kysely, API_SECRET, LATER);
        if (!live) throw new Error('the sample token is not live');
        await tokens.touchApiToken(db.kysely, live, LATER);
      },
      listApiTokens: (db) => tokens.listApiTokens(db.kysely, SCOPE),
      findApiTokenInScope: (db) => tokens.findApiTokenInScope(db.kysely, SCOPE, 1),
      revokeApiToken: (db) => tokens.revokeApiToken(db.kysely, 1, LATER.toISOString()),
    }),
  ],
};
