import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/databases.js';
import { signInAs, type SignedInClient } from '../../../test/sign-in.js';
import type { TrailEntry } from '../../domain/access/trail-chain.js';
import { buildApp } from '../../server/app.js';
import { importDivisionTree } from '../orgs/division-import.js';
import { appendTrail } from './trail-repository.js';
import { withTrailTables } from './trail-tables.js';

interface Row {
  id: number;
  actor: string;
  action: string;
  orgCode: string | null;
  countyCode: string | null;
  outcome: string;
  objectId: string | null;
}

function entry(objectId: string, orgCode: string | null, overrides: Partial<TrailEntry> = {}): TrailEntry {
  return {
    at: '2020-06-15T04:00:00.000Z',
    actor: 'seeded',
    role: 'team',
    clientAddress: '10.0.0.1',
    requestId: objectId,
    action: 'resident.read',
    objectType: 'resident',
    objectId,
    orgCode,
    countyCode: orgCode === null ? null : orgCode.slice(0, 6),
    outcome: 'allowed',
    rowCount: null,
    detail: null,
    ...overrides,
  };
}

describeEachDialect('GET /api/access-log', (t) => {
  let app: FastifyInstance;
  let kongtong: SignedInClient;
  let huating: SignedInClient;
  let city: SignedInClient;
  beforeAll(async () => {
    await importDivisionTree(t.db, '620800');
    await appendTrail(t.db, [
      entry('kt-village', '620802001001'),
      entry('kt-township', '620802001', { outcome: 'refused', at: '2020-06-16T04:00:00.000Z' }),
      entry('ht-village', '620881100001', { actor: 'huating-user' }),
      entry('city-own', '620800'),
      entry('no-org', null, { actor: 'anonymous' }),
      entry('kt-later', '620802', {
        at: '2020-07-02T04:00:00.000Z',
        action: 'resident.export',
        rowCount: 40,
      }),
    ]);
    app = await buildApp({ db: t.db, backgroundJobs: false });
    kongtong = await signInAs(app, t.db, 'bureau', '620802');
    huating = await signInAs(app, t.db, 'bureau', '620881');
    city = await signInAs(app, t.db, 'admin', '620800');
  });
  afterAll(async () => app?.close());

  const seeded = async (client: SignedInClient, query = ''): Promise<Row[]> => {
    const res = await client.inject({ method: 'GET', url: `/api/access-log?actor=seeded${query}` });
    expect(res.statusCode, res.body).toBe(200);
    return (res.json() as { entries: Row[] }).entries;
  };

  it('answers a county bureau its county only, never another county, the city or rows without an org', async () => {
    expect((await seeded(kongtong)).map((r) => r.objectId)).toEqual([
      'kt-later',
      'kt-township',
      'kt-village',
    ]);
    const res = await huating.inject({ method: 'GET', url: '/api/access-log?actor=huating-user' });
    expect((res.json() as { entries: Row[] }).entries.map((r) => r.objectId)).toEqual(['ht-village']);
    const everything = await kongtong.inject({ method: 'GET', url: '/api/access-log?limit=500' });
    const rows = (everything.json() as { entries: Row[] }).entries;
    expect(rows.length).toBeGreaterThan(3);
    expect(rows.every((r) => r.countyCode === '620802')).toBe(true);
  });

  it('answers a city its counties and its own rows, still not rows without an org', async () => {
    expect((await seeded(city)).map((r) => r.objectId)).toEqual([
      'kt-later',
      'city-own',
      'kt-township',
      'kt-village',
    ]);
    const other = await city.inject({ method: 'GET', url: '/api/access-log?actor=huating-user' });
    expect((other.json() as { entries: Row[] }).entries.map((r) => r.objectId)).toEqual(['ht-village']);
    const anonymous = await city.inject({ method: 'GET', url: '/api/access-log?actor=anonymous' });
    expect((anonymous.json() as { entries: Row[] }).entries.map((r) => r.objectId)).not.toContain('no-org');
  });

  it('narrows to an org in scope and refuses one beside it (and records the refusal)', async () => {
    expect((await seeded(city, '&org=620802001')).map((r) => r.objectId)).toEqual([
      'kt-township',
      'kt-village',
    ]);
    expect((await seeded(kongtong, '&org=620802001001')).map((r) => r.objectId)).toEqual(['kt-village']);
    const beside = await kongtong.inject({ method: 'GET', url: '/api/access-log?org=620881' });
    expect(beside.statusCode).toBe(403);
    expect(beside.json()).toMatchObject({ error: 'forbidden', field: 'org' });
    const refusal = await withTrailTables(t.db.kysely)
      .selectFrom('access_trail')
      .selectAll()
      .where('actor', '=', kongtong.username)
      .where('outcome', '=', 'refused')
      .execute();
    expect(refusal.map((r) => [r.action, r.detail])).toEqual([['GET /api/access-log', '403 forbidden org']]);
  });

  it('filters by time, action and outcome', async () => {
    expect((await seeded(kongtong, '&from=2020-07-01T00:00:00Z')).map((r) => r.objectId)).toEqual([
      'kt-later',
    ]);
    expect((await seeded(kongtong, '&to=2020-06-30T23:59:59Z')).map((r) => r.objectId)).toEqual([
      'kt-township',
      'kt-village',
    ]);
    expect((await seeded(kongtong, '&outcome=refused')).map((r) => r.objectId)).toEqual(['kt-township']);
    expect((await seeded(kongtong, '&action=resident.export')).map((r) => r.objectId)).toEqual(['kt-later']);
    const bad = await kongtong.inject({ method: 'GET', url: '/api/access-log?from=yesterday' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ field: 'from' });
  });

  it('pages newest first by id, at most 500 a page', async () => {
    const first = await city.inject({ method: 'GET', url: '/api/access-log?actor=seeded&limit=2' });
    const page1 = first.json() as { entries: Row[]; nextBefore: number | null };
    expect(page1.entries.map((r) => r.objectId)).toEqual(['kt-later', 'city-own']);
    const second = await city.inject({
      method: 'GET',
      url: `/api/access-log?actor=seeded&limit=2&before=${page1.nextBefore}`,
    });
    const page2 = second.json() as { entries: Row[]; nextBefore: number | null };
    expect(page2.entries.map((r) => r.objectId)).toEqual(['kt-township', 'kt-village']);
    const third = await city.inject({
      method: 'GET',
      url: `/api/access-log?actor=seeded&limit=2&before=${page2.nextBefore}`,
    });
    expect(third.json()).toEqual({ entries: [], nextBefore: null });
    expect((await city.inject({ method: 'GET', url: '/api/access-log?limit=501' })).statusCode).toBe(400);
    expect((await city.inject({ method: 'GET', url: '/api/access-log?limit=0' })).statusCode).toBe(400);
  });

  it('is for admin and bureau roles only, and records its own reading', async () => {
    for (const role of ['centre', 'team', 'viewer'] as const) {
      const client = await signInAs(app, t.db, role, '620802001');
      expect((await client.inject({ method: 'GET', url: '/api/access-log' })).statusCode, role).toBe(403);
    }
    expect((await app.inject({ method: 'GET', url: '/api/access-log' })).statusCode).toBe(401);
    const reader = await signInAs(app, t.db, 'bureau', '620802');
    const res = await reader.inject({ method: 'GET', url: '/api/access-log?limit=4' });
    expect(res.statusCode).toBe(200);
    const reads = await withTrailTables(t.db.kysely)
      .selectFrom('access_trail')
      .selectAll()
      .where('actor', '=', reader.username)
      .where('action', '=', 'access-log.read')
      .execute();
    expect(reads).toEqual([
      expect.objectContaining({
        outcome: 'allowed',
        row_count: 4,
        org_code: '620802',
        county_code: '620802',
      }),
    ]);
  });
});
