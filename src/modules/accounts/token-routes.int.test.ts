import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/databases.js';
import { signInAs, type SignedInClient } from '../../../test/sign-in.js';
import { buildApp } from '../../server/app.js';
import { withTrailTables } from '../access-trail/trail-tables.js';
import { importDivisionTree } from '../orgs/division-import.js';
import { fixtureResident } from '../records/records.fixture.js';
import { withAccountTables } from './account-tables.js';

const TOWNSHIP = '620881100';
const VILLAGE = '620881100202';
const DAY = 86_400_000;

describeEachDialect('API tokens', (t) => {
  let app: FastifyInstance;
  let admin: SignedInClient;
  // The server's clock runs ahead of the real one by this much, to expire tokens.
  let ahead = 0;
  beforeAll(async () => {
    await importDivisionTree(t.db, '620800');
    app = await buildApp({
      db: t.db,
      backgroundJobs: false,
      sessions: { now: () => new Date(Date.now() + ahead) },
    });
    admin = await signInAs(app, t.db, 'admin', '620881');
  });
  afterAll(async () => app?.close());

  const newToken = async (body: Record<string, unknown>): Promise<{ id: number; secret: string }> => {
    const res = await admin.inject({ method: 'POST', url: '/api/tokens', payload: body });
    expect(res.statusCode).toBe(201);
    return res.json();
  };
  const bearer = (secret: string) => ({ authorization: `Bearer ${secret}` });
  const resident = fixtureResident(1, { orgCode: VILLAGE, recordNo: `${VILLAGE}00001` });

  it('creates a token, answers its secret once and stores only its SHA-256', async () => {
    const res = await admin.inject({
      method: 'POST',
      url: '/api/tokens',
      payload: { name: 'his-push', role: 'centre', orgCode: TOWNSHIP, expiresInDays: 30 },
    });
    expect(res.statusCode).toBe(201);
    const created = res.json();
    expect(created).toMatchObject({
      name: 'his-push',
      role: 'centre',
      orgCode: TOWNSHIP,
      createdBy: admin.username,
    });
    expect(created.secret).toMatch(/^gwt_[A-Za-z0-9_-]{43}$/);
    expect(Date.parse(created.expiresAt) - Date.parse(created.createdAt)).toBe(30 * DAY);
    const stored = await withAccountTables(t.db.kysely)
      .selectFrom('api_tokens')
      .selectAll()
      .where('id', '=', created.id)
      .executeTakeFirstOrThrow();
    expect(stored.token_hash).toBe(createHash('sha256').update(created.secret).digest('hex'));
    expect(JSON.stringify(stored)).not.toContain(created.secret);
    const list = await admin.inject({ method: 'GET', url: '/api/tokens' });
    expect(list.statusCode).toBe(200);
    expect((list.json() as { id: number }[]).map((x) => x.id)).toContain(created.id);
    expect(list.body).not.toContain(created.secret);
    expect(list.body).not.toContain(stored.token_hash);
  });

  it('defaults to 90 days and refuses more than 366, an org beyond the scope, a bad name', async () => {
    const made = await admin.inject({
      method: 'POST',
      url: '/api/tokens',
      payload: { name: 'lab', role: 'team', orgCode: VILLAGE },
    });
    expect(Date.parse(made.json().expiresAt) - Date.parse(made.json().createdAt)).toBe(90 * DAY);
    const post = (payload: Record<string, unknown>) =>
      admin.inject({ method: 'POST', url: '/api/tokens', payload });
    const long = await post({ name: 'long', role: 'team', orgCode: VILLAGE, expiresInDays: 367 });
    expect(long.statusCode).toBe(400);
    expect(JSON.stringify(long.json())).toContain('expiresInDays');
    const beside = await post({ name: 'beside', role: 'team', orgCode: '620802' });
    expect(beside.statusCode).toBe(403);
    expect(beside.json().field).toBe('orgCode');
    expect((await post({ name: 'bad name', role: 'team', orgCode: VILLAGE })).statusCode).toBe(400);
  });

  it('lets a bearer write without a CSRF header, in its scope, recorded as token:<name>', async () => {
    const { secret } = await newToken({ name: 'push-1', role: 'centre', orgCode: TOWNSHIP });
    const res = await app.inject({
      method: 'POST',
      url: '/api/residents',
      headers: bearer(secret),
      payload: [resident],
    });
    expect(res.statusCode).toBe(200);
    const read = await app.inject({
      method: 'GET',
      url: `/api/residents/${resident.recordNo}`,
      headers: bearer(secret),
    });
    expect(read.statusCode).toBe(200);
    // Its role lacks users.manage; a token never manages accounts anyway.
    expect((await app.inject({ method: 'GET', url: '/api/users', headers: bearer(secret) })).statusCode).toBe(
      403,
    );
    const outside = await app.inject({
      method: 'GET',
      url: '/api/orgs/620802/children',
      headers: bearer(secret),
    });
    expect(outside.statusCode).toBe(403);
    const rows = await withTrailTables(t.db.kysely)
      .selectFrom('access_trail')
      .select(['actor', 'action', 'outcome'])
      .where('actor', '=', 'token:push-1')
      .execute();
    expect(rows).toContainEqual({ actor: 'token:push-1', action: 'POST /api/residents', outcome: 'allowed' });
  });

  it('refuses a token with the users.manage role from managing accounts', async () => {
    const { secret } = await newToken({ name: 'too-strong', role: 'admin', orgCode: TOWNSHIP });
    const res = await app.inject({
      method: 'POST',
      url: '/api/tokens',
      headers: bearer(secret),
      payload: { name: 'child', role: 'viewer', orgCode: TOWNSHIP },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().en).toMatch(/API token cannot manage/);
  });

  it('answers 401 to a revoked, an expired or an unknown token', async () => {
    const { id, secret } = await newToken({ name: 'revoked', role: 'centre', orgCode: TOWNSHIP });
    expect(
      (await app.inject({ method: 'GET', url: `/api/orgs/${TOWNSHIP}`, headers: bearer(secret) })).statusCode,
    ).toBe(200);
    const revoked = await admin.inject({ method: 'DELETE', url: `/api/tokens/${id}` });
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json().revokedAt).not.toBeNull();
    expect(
      (await app.inject({ method: 'GET', url: `/api/orgs/${TOWNSHIP}`, headers: bearer(secret) })).statusCode,
    ).toBe(401);
    expect((await admin.inject({ method: 'DELETE', url: '/api/tokens/999999' })).statusCode).toBe(404);

    const short = await newToken({ name: 'short', role: 'centre', orgCode: TOWNSHIP, expiresInDays: 1 });
    const get = () =>
      app.inject({ method: 'GET', url: `/api/orgs/${TOWNSHIP}`, headers: bearer(short.secret) });
    expect((await get()).statusCode).toBe(200);
    ahead = DAY + 60_000;
    try {
      expect((await get()).statusCode).toBe(401);
    } finally {
      ahead = 0;
    }
    const unknown = await app.inject({
      method: 'GET',
      url: `/api/orgs/${TOWNSHIP}`,
      headers: bearer('gwt_nope'),
    });
    expect(unknown.statusCode).toBe(401);
  });
});
