import { gunzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../test/databases.js';
import { signInAs, type SignedInClient } from '../../test/sign-in.js';
import { buildHandData, recordNo, TOWNSHIP, V1 } from '../modules/indicators/indicators.fixture.js';
import { WHOLE_TREE } from '../modules/orgs/org-scope.js';
import { upsertResidents } from '../modules/records/residents-repository.js';
import { buildApp } from './app.js';

const PERIODS = ['2020', '2020H1', '2020H2', '2020Q1', '2020Q2', '2020Q3', '2020Q4', '2020-06', '2020-06-2'];

function residentBody(seq: number): Record<string, unknown> {
  return { recordNo: recordNo(seq), name: `新居民${seq}`, orgCode: V1, recordCreated: '2020-01-15' };
}

describeEachDialect('serving under load: cache, read pool, bounded queue', (t) => {
  let app: FastifyInstance;
  let centre: SignedInClient;
  let seq = 500;

  /** The township's and V1's records.total for 2020, and the answer's entity tag. */
  async function totals(
    client: SignedInClient = centre,
  ): Promise<{ township: number; v1: number; etag: string }> {
    const res = await client.inject({
      method: 'GET',
      url: `/api/indicators?org=${TOWNSHIP}&period=2020&depth=1&ids=records.total`,
    });
    expect(res.statusCode).toBe(200);
    const rows = res.json() as { org: string; numerator: number }[];
    return {
      township: rows.find((r) => r.org === TOWNSHIP)!.numerator,
      v1: rows.find((r) => r.org === V1)!.numerator,
      etag: String(res.headers.etag),
    };
  }

  beforeAll(async () => {
    await buildHandData(t.db);
    // On SQLite the reads run in worker threads with their own read-only connections, as
    // `gongwei serve` runs them.
    app = await buildApp({
      db: t.db,
      backgroundJobs: false,
      serving: { readers: t.target, threads: 2 },
    });
    centre = await signInAs(app, t.db, 'centre', TOWNSHIP);
  });
  afterAll(async () => app?.close());

  it('never answers from before a write: the next read after each write shows it', async () => {
    let before = await totals();
    for (let i = 0; i < 4; i++) {
      // Read twice: the second is a cached answer, the same entity tag.
      const again = await totals();
      expect(again).toEqual(before);
      const write = await centre.inject({
        method: 'POST',
        url: '/api/residents',
        payload: [residentBody(seq++)],
      });
      expect(write.statusCode).toBe(200);
      const after = await totals();
      expect(after.township).toBe(before.township + 1);
      expect(after.v1).toBe(before.v1 + 1);
      expect(after.etag).not.toBe(before.etag);
      before = after;
    }
  });

  it('sees a write made beside the server (another connection, as a CLI import) at the next read', async () => {
    const before = await totals();
    await t.db.kysely.transaction().execute((trx) =>
      upsertResidents(trx, WHOLE_TREE, [
        {
          recordNo: recordNo(seq++),
          idNumber: null,
          name: '旁路居民',
          sex: null,
          birthDate: null,
          ethnicity: null,
          orgCode: V1,
          phone: null,
          contactName: null,
          contactPhone: null,
          electronic: true,
          recordCreated: '2020-02-01',
          recordUpdated: null,
          deathDate: null,
          movedOutDate: null,
        },
      ]),
    );
    expect((await totals()).township).toBe(before.township + 1);
  });

  it('answers 304 to the entity tag of the current answer, and 200 once a write changed it', async () => {
    const url = `/api/indicators?org=${TOWNSHIP}&period=2020&depth=1&ids=records.total`;
    const first = await centre.inject({ method: 'GET', url });
    const etag = String(first.headers.etag);
    const same = await centre.inject({ method: 'GET', url, headers: { 'if-none-match': etag } });
    expect(same.statusCode).toBe(304);
    expect(same.body).toBe('');
    await centre.inject({ method: 'POST', url: '/api/residents', payload: [residentBody(seq++)] });
    const changed = await centre.inject({ method: 'GET', url, headers: { 'if-none-match': etag } });
    expect(changed.statusCode).toBe(200);
    expect(changed.headers.etag).not.toBe(etag);
  });

  it('shares one kept answer between callers who see the org whole, never with one who sees a part', async () => {
    const county = TOWNSHIP.slice(0, 6);
    const bureau = await signInAs(app, t.db, 'bureau', county);
    const url = (org: string): string => `/api/indicators?org=${org}&period=2020Q4&depth=1&ids=records.total`;
    // The township, seen whole by its centre and by the county's bureau: one answer, one tag.
    const byCentre = await centre.inject({ method: 'GET', url: url(TOWNSHIP) });
    const byBureau = await bureau.inject({ method: 'GET', url: url(TOWNSHIP) });
    expect(byBureau.statusCode).toBe(200);
    expect(byBureau.headers.etag).toBe(byCentre.headers.etag);
    expect(byBureau.json()).toEqual(byCentre.json());
    // The county: the centre sees only its township of it, so its answer is its own.
    const countyByBureau = await bureau.inject({ method: 'GET', url: url(county) });
    const countyByCentre = await centre.inject({ method: 'GET', url: url(county) });
    expect(countyByCentre.statusCode).toBe(200);
    expect(countyByCentre.headers.etag).not.toBe(countyByBureau.headers.etag);
    const orgsOf = (res: { json: () => unknown }): string[] =>
      (res.json() as { org: string }[]).map((r) => r.org).sort();
    expect(orgsOf(countyByBureau)).toContain(county);
    expect(orgsOf(countyByCentre)).not.toContain(county);
    expect(orgsOf(countyByCentre).every((org) => org.startsWith(TOWNSHIP))).toBe(true);
  });

  it('sends the same answer gzipped to a client that accepts gzip, and plain to one that does not', async () => {
    const url = `/api/indicators?org=${TOWNSHIP}&period=2020Q3&depth=1`;
    const plain = await centre.inject({ method: 'GET', url });
    for (let i = 0; i < 2; i++) {
      const zipped = await centre.inject({
        method: 'GET',
        url,
        headers: { 'accept-encoding': 'br;q=0, gzip' },
      });
      expect(zipped.statusCode).toBe(200);
      expect(zipped.headers['content-encoding']).toBe('gzip');
      expect(JSON.parse(gunzipSync(zipped.rawPayload).toString('utf8'))).toEqual(plain.json());
    }
    const refused = await centre.inject({ method: 'GET', url, headers: { 'accept-encoding': 'gzip;q=0' } });
    expect(refused.headers['content-encoding']).toBeUndefined();
    expect(refused.json()).toEqual(plain.json());
  });

  it('answers every concurrent read while writes go on, each read at least as fresh as the writes before it', async () => {
    const start = (await totals()).township;
    let committed = 0;
    const writes = (async () => {
      for (let i = 0; i < 5; i++) {
        const res = await centre.inject({
          method: 'POST',
          url: '/api/residents',
          payload: [residentBody(seq++)],
        });
        expect(res.statusCode).toBe(200);
        committed++;
      }
    })();
    const reads = Array.from({ length: 40 }, async (_, i) => {
      const seen = committed;
      const period = i % 3 === 0 ? '2020' : PERIODS[i % PERIODS.length]!;
      const res = await centre.inject({
        method: 'GET',
        url: `/api/indicators?org=${TOWNSHIP}&period=${period}&depth=1&ids=records.total`,
      });
      expect(res.statusCode).toBe(200);
      const township = (res.json() as { org: string; numerator: number }[]).find((r) => r.org === TOWNSHIP)!;
      if (period === '2020') expect(township.numerator).toBeGreaterThanOrEqual(start + seen);
    });
    const people = Array.from({ length: 10 }, async (_, i) => {
      const res = await centre.inject({
        method: 'GET',
        url: `/api/indicators/records.total/people?org=${TOWNSHIP}&period=${PERIODS[i % PERIODS.length]}`,
      });
      expect(res.statusCode).toBe(200);
    });
    await Promise.all([writes, ...reads, ...people]);
    expect((await totals()).township).toBe(start + 5);
  });

  it('reads the latest year ahead in every connection, and answers after it as before', async () => {
    const expected = await totals();
    const threads = t.target.file ? 2 : 1;
    const warmed = await buildApp({
      db: t.db,
      backgroundJobs: false,
      serving: { readers: t.target, threads, preload: true },
    });
    try {
      const answers = await warmed.serving!.pool.preloaded;
      expect(answers).toHaveLength(threads);
      for (const answer of answers) {
        expect(answer.year).toBe(2020);
        expect(answer.counties).toBeGreaterThan(0);
      }
      const bureau = await signInAs(warmed, t.db, 'bureau', TOWNSHIP.slice(0, 6));
      const res = await bureau.inject({
        method: 'GET',
        url: `/api/indicators?org=${TOWNSHIP}&period=2020&depth=1&ids=records.total`,
      });
      expect(res.statusCode).toBe(200);
      const rows = res.json() as { org: string; numerator: number }[];
      expect(rows.find((r) => r.org === TOWNSHIP)!.numerator).toBe(expected.township);
      expect(rows.find((r) => r.org === V1)!.numerator).toBe(expected.v1);
    } finally {
      await warmed.close();
    }
  });

  it('refuses reads beyond the queue with 503 and Retry-After, and answers the others', async () => {
    const small = await buildApp({
      db: t.db,
      backgroundJobs: false,
      serving: {
        ...{ readers: t.target, threads: 1 },
        concurrency: 1,
        maxQueued: 1,
      },
    });
    try {
      const bureau = await signInAs(small, t.db, 'bureau', TOWNSHIP.slice(0, 6));
      // Distinct questions, so that none is answered from the cache.
      const answers = await Promise.all(
        PERIODS.map((period) =>
          bureau.inject({ method: 'GET', url: `/api/indicators?org=${TOWNSHIP}&period=${period}&depth=1` }),
        ),
      );
      const refused = answers.filter((r) => r.statusCode === 503);
      expect(refused.length).toBeGreaterThan(0);
      expect(answers.filter((r) => r.statusCode === 200).length).toBeGreaterThanOrEqual(2);
      expect(answers.every((r) => r.statusCode === 200 || r.statusCode === 503)).toBe(true);
      for (const r of refused) {
        expect(r.headers['retry-after']).toBe('1');
        expect(r.json()).toMatchObject({ error: 'unavailable' });
      }
      // The queue drains: the same questions are all answered afterwards.
      for (const period of PERIODS) {
        const res = await bureau.inject({
          method: 'GET',
          url: `/api/indicators?org=${TOWNSHIP}&period=${period}&depth=1`,
        });
        expect(res.statusCode).toBe(200);
      }
    } finally {
      await small.close();
    }
  });
});
