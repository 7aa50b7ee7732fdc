import Fastify, { type FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../test/databases.js';
import { signInAs, type SignedInClient } from '../../test/sign-in.js';
import type { Db } from '../db/database.js';
import { GongweiError } from '../domain/gongwei-error.js';
import { withTrailTables } from '../modules/access-trail/trail-tables.js';
import { verifyTrail } from '../modules/access-trail/verify-trail.js';
import { importDivisionTree } from '../modules/orgs/division-import.js';
import { installAccessTrail } from './access-notes.js';
import { buildApp } from './app.js';
import { installErrorReplies } from './error-reply.js';

async function trailAfter(db: Db, id: number) {
  return withTrailTables(db.kysely)
    .selectFrom('access_trail')
    .selectAll()
    .where('id', '>', id)
    .orderBy('id')
    .execute();
}

async function lastId(db: Db): Promise<number> {
  const row = await withTrailTables(db.kysely)
    .selectFrom('access_trail')
    .select('id')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? Number(row.id) : 0;
}

/** Makes every insert into the trail fail, as a full disk or a revoked grant would. */
async function breakTrailWrites(db: Db): Promise<void> {
  if (db.dialect.name === 'sqlite')
    await sql`create trigger access_trail_no_insert before insert on access_trail
      begin select raise(abort, 'no room'); end`.execute(db.kysely);
  else {
    await sql`create function access_trail_no_room() returns trigger language plpgsql as $$
      begin raise exception 'no room'; end $$`.execute(db.kysely);
    await sql`create trigger access_trail_no_insert before insert on access_trail
      for each statement execute function access_trail_no_room()`.execute(db.kysely);
  }
}

async function mendTrailWrites(db: Db): Promise<void> {
  if (db.dialect.name === 'sqlite') await sql`drop trigger access_trail_no_insert`.execute(db.kysely);
  else await sql`drop trigger access_trail_no_insert on access_trail`.execute(db.kysely);
}

describeEachDialect('the access-trail hook', (t) => {
  let app: FastifyInstance;
  let bureau: SignedInClient;
  let viewer: SignedInClient;
  beforeAll(async () => {
    await importDivisionTree(t.db, '620802');
    app = await buildApp({ db: t.db, backgroundJobs: false });
    bureau = await signInAs(app, t.db, 'bureau', '620802');
    viewer = await signInAs(app, t.db, 'viewer', '620802001');
  });
  afterAll(async () => app?.close());

  it('records an anonymous refusal with the route, the client address and the request id', async () => {
    const from = await lastId(t.db);
    const res = await app.inject({ method: 'GET', url: '/api/orgs/620802', remoteAddress: '10.1.2.3' });
    expect(res.statusCode).toBe(401);
    const rows = await trailAfter(t.db, from);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      actor: 'anonymous',
      role: null,
      action: 'GET /api/orgs/:code',
      outcome: 'refused',
      client_address: '10.1.2.3',
      org_code: null,
      county_code: null,
      detail: '401 unauthorized',
    });
    expect(rows[0]!.request_id).toMatch(/\S/);
  });

  it('records a refusal for a missing permission and for a missing CSRF header, with the caller', async () => {
    const from = await lastId(t.db);
    expect((await viewer.inject({ method: 'GET', url: '/api/access-log' })).statusCode).toBe(403);
    const noCsrf = await app.inject({
      method: 'PATCH',
      url: '/api/orgs/620802001',
      headers: { cookie: bureau.headers.cookie! },
      payload: { responsibleInstitution: '某卫生院' },
    });
    expect(noCsrf.statusCode).toBe(403);
    const rows = await trailAfter(t.db, from);
    expect(
      rows.map((r) => [r.actor, r.role, r.action, r.outcome, r.org_code, r.county_code, r.detail]),
    ).toEqual([
      [viewer.username, 'viewer', 'GET /api/access-log', 'refused', '620802001', '620802', '403 forbidden'],
      [
        bureau.username,
        'bureau',
        'PATCH /api/orgs/:code',
        'refused',
        '620802',
        '620802',
        '403 forbidden x-csrf-token',
      ],
    ]);
  });

  it('records every write, allowed or failed, and no read of aggregates', async () => {
    const from = await lastId(t.db);
    const ok = await bureau.inject({
      method: 'PATCH',
      url: '/api/orgs/620802001',
      payload: { responsibleInstitution: '某卫生院' },
    });
    expect(ok.statusCode).toBe(200);
    const bad = await bureau.inject({
      method: 'PATCH',
      url: '/api/orgs/620802001',
      payload: { urbanRural: 'x' },
    });
    expect(bad.statusCode).toBe(400);
    expect((await bureau.inject({ method: 'GET', url: '/api/orgs/620802' })).statusCode).toBe(200);
    const rows = await trailAfter(t.db, from);
    expect(rows.map((r) => [r.action, r.outcome, r.detail])).toEqual([
      ['PATCH /api/orgs/:code', 'allowed', null],
      ['PATCH /api/orgs/:code', 'failed', '400 validation'],
    ]);
  });

  it('records a noted read with its row count, the route in detail, the county from the org', async () => {
    const from = await lastId(t.db);
    const res = await bureau.inject({ method: 'GET', url: '/api/access-log?limit=3' });
    expect(res.statusCode).toBe(200);
    const rows = await trailAfter(t.db, from);
    expect(rows).toEqual([
      expect.objectContaining({
        actor: bureau.username,
        action: 'access-log.read',
        object_type: 'access_trail',
        org_code: '620802',
        county_code: '620802',
        outcome: 'allowed',
        row_count: 3,
        detail: 'GET /api/access-log',
      }),
    ]);
  });

  it('leaves out routes that do not exist, and never stores the path itself', async () => {
    const from = await lastId(t.db);
    expect((await app.inject({ method: 'GET', url: '/api/nothing/620802199001010011' })).statusCode).toBe(
      404,
    );
    expect((await app.inject({ method: 'POST', url: '/api/nothing', payload: {} })).statusCode).toBe(404);
    expect(await trailAfter(t.db, from)).toEqual([]);
    expect(
      (await viewer.inject({ method: 'GET', url: '/api/residents/62080219900101001X' })).statusCode,
    ).toBe(403);
    const rows = await trailAfter(t.db, from);
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain('19900101');
  });

  it('masks what looks like an ID number in a noted object id (a log-in with one as username)', async () => {
    const from = await lastId(t.db);
    const res = await app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { username: '620802199001010011', password: 'Wrong-Passw0rd' },
    });
    expect(res.statusCode).toBe(401);
    const rows = await trailAfter(t.db, from);
    expect(rows.map((r) => [r.action, r.outcome, r.object_id])).toEqual([
      ['session.create', 'refused', '620802************'],
    ]);
  });

  it('withholds the answer with 503 when the trail cannot be written, and the chain stays whole', async () => {
    const from = await lastId(t.db);
    await breakTrailWrites(t.db);
    try {
      const read = await bureau.inject({ method: 'GET', url: '/api/access-log' });
      expect(read.statusCode).toBe(503);
      expect(read.json()).toMatchObject({ error: 'unavailable' });
      expect(read.body).not.toContain('entries');
      const write = await bureau.inject({
        method: 'PATCH',
        url: '/api/orgs/620802001',
        payload: { responsibleInstitution: '另一卫生院' },
      });
      expect(write.statusCode).toBe(503);
      expect(write.body).not.toContain('另一卫生院');
    } finally {
      await mendTrailWrites(t.db);
    }
    expect(await trailAfter(t.db, from)).toEqual([]);
    expect((await verifyTrail(t.db)).broken).toBeNull();
    expect((await bureau.inject({ method: 'GET', url: '/api/access-log' })).statusCode).toBe(200);
  });
});

describeEachDialect('the access-trail hook and refusals of hooks before the route', (t) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    // A rate limiter refuses in onRequest, before any handler: the same path as the 429 of
    // @fastify/rate-limit, here without its timing.
    app = Fastify();
    installErrorReplies(app, 1024);
    installAccessTrail(app, t.db);
    app.addHook('onRequest', async (request) => {
      if (request.headers['x-flood'] !== undefined)
        throw new GongweiError('too_many_requests', { zh: '请求过于频繁', en: 'too many requests' });
    });
    app.get('/api/ping', async () => ({ ok: true }));
    await app.ready();
  });
  afterAll(async () => app?.close());

  it('records a 429 as a refusal', async () => {
    const from = await lastId(t.db);
    expect((await app.inject({ method: 'GET', url: '/api/ping' })).statusCode).toBe(200);
    expect(
      (await app.inject({ method: 'GET', url: '/api/ping', headers: { 'x-flood': '1' } })).statusCode,
    ).toBe(429);
    const rows = await trailAfter(t.db, from);
    expect(rows.map((r) => [r.action, r.outcome, r.detail])).toEqual([
      ['GET /api/ping', 'refused', '429 too_many_requests'],
    ]);
  });
});
