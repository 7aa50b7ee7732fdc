import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../test/databases.js';
import { signInAs, signInExisting, TEST_PASSWORD } from '../../test/sign-in.js';
import { withTrailTables } from '../modules/access-trail/trail-tables.js';
import { importDivisionTree } from '../modules/orgs/division-import.js';
import { buildApp } from './app.js';
import { DEFAULT_RATE_LIMITS } from './rate-limits.js';

describeEachDialect('rate limits', (t) => {
  let app: FastifyInstance;
  let tight: FastifyInstance;
  beforeAll(async () => {
    await importDivisionTree(t.db, '620881');
    app = await buildApp({ db: t.db, backgroundJobs: false });
    tight = await buildApp({
      db: t.db,
      backgroundJobs: false,
      rateLimits: { api: { max: 3, windowMs: 60_000 } },
    });
  });
  afterAll(async () => {
    await app?.close();
    await tight?.close();
  });

  const logIn = (username: string, password: string, address = '127.0.0.1') =>
    app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { username, password },
      remoteAddress: address,
    });

  it('answers the 11th log-in of a minute with 429, Retry-After and the one error model', async () => {
    expect(DEFAULT_RATE_LIMITS.logIn).toEqual({ max: 10, windowMs: 60_000 });
    for (let i = 1; i <= 10; i++)
      expect((await logIn('nobody.here', 'Wrong-pass-2026')).statusCode).toBe(401);
    const refused = await logIn('nobody.here', 'Wrong-pass-2026');
    expect(refused.statusCode).toBe(429);
    expect(refused.json()).toMatchObject({ error: 'too_many_requests' });
    expect(refused.json().en).toMatch(/too many requests/);
    const retryAfter = Number(refused.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    // Another username, or the same from another address, is counted apart.
    expect((await logIn('someone.else', 'Wrong-pass-2026')).statusCode).toBe(401);
    expect((await logIn('nobody.here', 'Wrong-pass-2026', '10.0.0.9')).statusCode).toBe(401);
  });

  it('writes the refused log-in to the access trail', async () => {
    const rows = await withTrailTables(t.db.kysely)
      .selectFrom('access_trail')
      .select(['actor', 'action', 'outcome', 'detail', 'client_address'])
      .where('detail', 'like', '429%')
      .execute();
    expect(rows).toContainEqual({
      actor: 'anonymous',
      action: 'POST /api/session',
      outcome: 'refused',
      detail: expect.stringMatching(/^429 too_many_requests/),
      client_address: '127.0.0.1',
    });
  });

  it('does not let a locked-out guesser in even with the right password', async () => {
    const viewer = await signInAs(app, t.db, 'viewer', '620881');
    // signInAs made the first log-in of the minute; 8 wrong ones follow (the 5th locks).
    for (let i = 1; i <= 8; i++) await logIn(viewer.username, 'Wrong-pass-2026');
    // The 10th attempt of the minute is the right password, refused by the lock-out.
    expect((await logIn(viewer.username, TEST_PASSWORD)).statusCode).toBe(401);
    expect((await logIn(viewer.username, TEST_PASSWORD)).statusCode).toBe(429);
  });

  it('limits the rest of the API per caller, never the health check', async () => {
    const first = await signInExisting(
      tight,
      (await signInAs(tight, t.db, 'viewer', '620881')).username,
      TEST_PASSWORD,
    );
    const second = await signInAs(tight, t.db, 'viewer', '620881');
    for (let i = 1; i <= 3; i++)
      expect((await first.inject({ method: 'GET', url: '/api/orgs/620881' })).statusCode).toBe(200);
    const refused = await first.inject({ method: 'GET', url: '/api/orgs/620881' });
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['retry-after']).toBeDefined();
    expect(refused.json().error).toBe('too_many_requests');
    // Another caller has its own count.
    expect((await second.inject({ method: 'GET', url: '/api/orgs/620881' })).statusCode).toBe(200);
    for (let i = 1; i <= 10; i++)
      expect((await tight.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
  });
});
