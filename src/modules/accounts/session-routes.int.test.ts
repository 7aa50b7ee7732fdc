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

  it('ends a session 12 hours after log-in however active it is', async () => {
    const start = clock;
    const bureau = await signInAs(app, t.db, 'bureau', '620881');
    // A request every 20 minutes keeps it from idling out, up to the absolute limit.
    for (let minutes = 20; minutes < 12 * 60; minutes += 20) {
      clock = new Date(start.getTime() + minutes * 60_000);
      expect((await bureau.inject({ method: 'GET', url: '/api/session' })).statusCode).toBe(200);
    }
    clock = new Date(start.getTime() + 12 * 3_600_000 - 1_000);
    expect((await bureau.inject({ method: 'GET', url: '/api/session' })).statusCode).toBe(200);
    clock = new Date(start.getTime() + 12 * 3_600_000);
    expect((await bureau.inject({ method: 'GET', url: '/api/session' })).statusCode).toBe(401);
  });

  it('ends the session at log-out: the cookie no longer opens anything', async () => {
    const viewer = await signInAs(app, t.db, 'viewer', '620881');
    const out = await viewer.inject({ method: 'DELETE', url: '/api/session' });
    expect(out.statusCode).toBe(204);
    expect(out.cookies.find((c) => c.name === 'gongwei_session')?.value).toBe('');
    expect((await viewer.inject({ method: 'GET', url: '/api/session' })).statusCode).toBe(401);
    expect((await viewer.inject({ method: 'GET', url: '/api/orgs/620881' })).statusCode).toBe(401);
  });

  it('ends the other sessions of a user who changes the password, keeping this one', async () => {
    const first = await signInAs(app, t.db, 'centre', '620881100');
    const second = await signInExisting(app, first.username, TEST_PASSWORD);
    const changed = await first.inject({
      method: 'POST',
      url: '/api/session/password',
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'Changed-pass-2026' },
    });
    expect(changed.statusCode).toBe(204);
    expect((await first.inject({ method: 'GET', url: '/api/session' })).statusCode).toBe(200);
    expect((await second.inject({ method: 'GET', url: '/api/session' })).statusCode).toBe(401);
    await expect(signInExisting(app, first.username, TEST_PASSWORD)).rejects.toThrow(/401/);
    await expect(signInExisting(app, first.username, 'Changed-pass-2026')).resolves.toBeDefined();
  });

  it('refuses a new password that breaks the rules, or a wrong current one, naming the field', async () => {
    const team = await signInAs(app, t.db, 'team', '620881100');
    const change = (currentPassword: string, newPassword: string) =>
      team.inject({
        method: 'POST',
        url: '/api/session/password',
        payload: { currentPassword, newPassword },
      });
    const weak = await change(TEST_PASSWORD, 'alllowercase');
    expect(weak.statusCode).toBe(400);
    expect(weak.json().field).toBe('newPassword');
    const same = await change(TEST_PASSWORD, TEST_PASSWORD);
    expect(same.statusCode).toBe(400);
    const wrong = await change('Not-the-pass-1', 'Changed-pass-2026');
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json().field).toBe('currentPassword');
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
