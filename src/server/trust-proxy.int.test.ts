import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../test/databases.js';
import { TEST_PASSWORD } from '../../test/sign-in.js';
import { insertOrgTree } from '../modules/indicators/indicators.fixture.js';
import { hashPassword } from '../modules/accounts/password-hashing.js';
import { insertUser } from '../modules/accounts/users-repository.js';
import { withTrailTables } from '../modules/access-trail/trail-tables.js';
import { buildApp } from './app.js';
import type { TrustProxy } from './exposure-warning.js';

const FORWARDED = { 'x-forwarded-for': '203.0.113.7', 'x-forwarded-proto': 'https' };

describeEachDialect('serve --trust-proxy', (t) => {
  beforeAll(async () => {
    await insertOrgTree(t.db.kysely);
    await insertUser(t.db.kysely, {
      username: 'proxied',
      displayName: '代理测试',
      orgCode: '620881',
      role: 'bureau',
      passwordHash: await hashPassword(TEST_PASSWORD),
      mustChangePassword: false,
      createdBy: 'test',
      now: new Date().toISOString(),
    });
  });

  /** Signs in through `trustProxy` from 127.0.0.1 (inject's peer): the cookie and the trail's address. */
  async function signIn(trustProxy: TrustProxy | undefined) {
    const app = await buildApp({ db: t.db, backgroundJobs: false, ...(trustProxy ? { trustProxy } : {}) });
    try {
      const res = await app.inject({
        method: 'POST',
        url: '/api/session',
        headers: FORWARDED,
        payload: { username: 'proxied', password: TEST_PASSWORD },
      });
      expect(res.statusCode).toBe(200);
      const cookie = res.cookies.find((c) => c.name === 'gongwei_session')!;
      const trail = await withTrailTables(t.db.kysely)
        .selectFrom('access_trail')
        .select('client_address')
        .where('action', '=', 'session.create')
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow();
      return { secure: cookie.secure === true, address: trail.client_address };
    } finally {
      await app.close();
    }
  }

  it('believes X-Forwarded-* from a trusted proxy: Secure cookie over HTTPS, the client address in the trail', async () => {
    expect(await signIn(['127.0.0.1'])).toEqual({ secure: true, address: '203.0.113.7' });
    expect(await signIn(['loopback'])).toEqual({ secure: true, address: '203.0.113.7' });
  });

  it('ignores X-Forwarded-* without --trust-proxy, or from a peer that is not the named proxy', async () => {
    expect(await signIn(undefined)).toEqual({ secure: false, address: '127.0.0.1' });
    expect(await signIn(['10.0.0.1'])).toEqual({ secure: false, address: '127.0.0.1' });
  });
});
