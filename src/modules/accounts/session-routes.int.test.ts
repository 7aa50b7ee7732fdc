import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/databases.js';
import { signInAs, signInExisting, TEST_PASSWORD } from '../../../test/sign-in.js';
import { buildApp } from '../../server/app.js';
import { withTrailTables } from '../access-trail/trail-tables.js';
import { importDivisionTree } from '../orgs/division-import.js';

describeEachDialect('log-in, sessions and route access', (t) => {
  let app: FastifyInstance;
  let clock = new Date('2026-12-01T08:00:00Z');
  beforeAll(async () => {
    await importDivisionTree(t.db, '620881');
    app = await buildApp({ db: t.db, backgroundJobs: false, sessions: { now: () => clock } });
  });
  afterAll(async () => app?.close());

  it('refuses an anonymous caller with 401 on everything but public routes', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
    const res = await app.inject({ method: 'GET', url: '/api/orgs/620881' });
    expect(res.statusCode).toBe(401);
    expect(res.json().error).toBe('unauthorized');
  });

  it('signs in, answers who is signed in, and refuses what the role lacks with 403', async () => {
    const viewer = await signInAs(app, t.db, 'viewer', '620881');
    const me = await viewer.inject({ method: 'GET', url: '/api/session' });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ role: 'viewer', orgCode: '620881', permissions: ['aggregates.read'] });
    expect((await viewer.inject({ method: 'GET', url: '/api/orgs/620881' })).statusCode).toBe(200);
    const people = await viewer.inject({ method: 'GET', url: '/api/residents/X1' });
    expect(people.statusCode).toBe(403);
  });

  it('refuses a state change without the CSRF header', async () => {
    const bureau = await signInAs(app, t.db, 'bureau', '620881');
    const res = await app.inject({
      method: 'PATCH',
      url: '/api/orgs/620881',
      headers: { cookie: bureau.headers.cookie! },
      payload: { responsibleInstitution: '华亭市卫生健康局' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().field).toBe('x-csrf-token');
    const ok = await bureau.inject({
      method: 'PATCH',
      url: '/api/orgs/620881',
      payload: { responsibleInstitution: '华亭市卫生健康局' },
    });
    expect(ok.statusCode).toBe(200);
  });

  it('locks an account after 5 wrong passwords, for 15 minutes', async () => {
    const centre = await signInAs(app, t.db, 'centre', '620881100');
    for (let i = 0; i < 5; i++) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/session',
        payload: { username: centre.username, password: 'wrong-Passw0rd' },
      });
      expect(res.statusCode).toBe(401);
    }
    await expect(signInExisting(app, centre.username, TEST_PASSWORD)).rejects.toThrow(/locked/);
    clock = new Date(clock.getTime() + 16 * 60_000);
    await expect(signInExisting(app, centre.username, TEST_PASSWORD)).resolves.toBeDefined();
  });

  it('ends a session after 30 minutes idle', async () => {
    const team = await signInAs(app, t.db, 'team', '620881100');
    expect((await team.inject({ method: 'GET', url: '/api/session' })).statusCode).toBe(200);
    clock = new Date(clock.getTime() + 31 * 60_000);
    expect((await team.inject({ method: 'GET', url: '/api/session' })).statusCode).toBe(401);
  });

  it('writes log-ins, refusals and writes to the access trail', async () => {
    const rows = await withTrailTables(t.db.kysely)
      .selectFrom('access_trail')
      .selectAll()
      .orderBy('id')
      .execute();
    expect(rows.some((r) => r.action === 'session.create' && r.outcome === 'allowed')).toBe(true);
    expect(rows.some((r) => r.action === 'session.create' && r.outcome === 'refused')).toBe(true);
    expect(rows.some((r) => r.action === 'PATCH /api/orgs/:code' && r.outcome === 'refused')).toBe(true);
    expect(rows.some((r) => r.action === 'PATCH /api/orgs/:code' && r.outcome === 'allowed')).toBe(true);
    expect(
      rows.some(
        (r) => r.action === 'GET /api/orgs/:code' && r.outcome === 'refused' && r.actor === 'anonymous',
      ),
    ).toBe(true);
  });
});
