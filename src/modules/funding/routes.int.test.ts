import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/databases.js';
import { signInAs, type SignedInClient } from '../../../test/sign-in.js';
import { buildApp } from '../../server/app.js';
import { insertFundingWorld } from './funding.fixture.js';

const CSV = [
  '拨付日期,付款单位,收款单位编码,金额（元）,用途',
  '2020-07-15,崆峒区卫生健康局,620802100,"1,234.50",预拨',
  '2020年8月1日,泾川县卫生健康局,620821100,500,预拨',
].join('\n');

describeEachDialect('funds REST: the payments list and the file upload', (t) => {
  let app: FastifyInstance;
  let city: SignedInClient;
  let county: SignedInClient;
  let viewer: SignedInClient;
  beforeAll(async () => {
    app = await buildApp({ db: t.db, backgroundJobs: false });
    await insertFundingWorld(t.db);
    city = await signInAs(app, t.db, 'bureau', '620800');
    county = await signInAs(app, t.db, 'bureau', '620821');
    viewer = await signInAs(app, t.db, 'viewer', '620800');
    const made = await city.inject({
      method: 'POST',
      url: '/api/funds/allocations',
      payload: { orgCode: '620800', year: 2020, allocatedOn: '2020-06-01' },
    });
    expect(made.statusCode).toBe(201);
  });
  afterAll(async () => app?.close());

  const upload = (client: SignedInClient, body: string, file = 'bofu.csv') =>
    client.inject({
      method: 'POST',
      url: `/api/funds/disbursements/file?org=620800&year=2020&file=${encodeURIComponent(file)}`,
      headers: { 'content-type': 'application/octet-stream' },
      payload: Buffer.from(body, 'utf8'),
    });

  it('records a CSV with Chinese headers, exactly in fen, and lists it by date', async () => {
    expect((await upload(viewer, CSV)).statusCode).toBe(403);
    const r = await upload(city, CSV);
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json()).toEqual({ recorded: 2 });
    const list = await viewer.inject({ method: 'GET', url: '/api/funds/disbursements?org=620800&year=2020' });
    expect(list.statusCode).toBe(200);
    expect(
      list
        .json<{ unitCode: string; paidOn: string; amountFen: number }[]>()
        .map((d) => [d.unitCode, d.paidOn, d.amountFen]),
    ).toEqual([
      ['620802100', '2020-07-15', 123_450],
      ['620821100', '2020-08-01', 50_000],
    ]);
  });

  it("lists a county bureau its own centres' payments only, and 404 for a year without allocation", async () => {
    const list = await county.inject({ method: 'GET', url: '/api/funds/disbursements?org=620800&year=2020' });
    expect(list.json<{ unitCode: string }[]>().map((d) => d.unitCode)).toEqual(['620821100']);
    expect(
      (await viewer.inject({ method: 'GET', url: '/api/funds/disbursements?org=620800&year=2021' }))
        .statusCode,
    ).toBe(404);
  });

  it('refuses a file with one bad row whole, naming row and column, and a file that is no CSV or xlsx', async () => {
    const bad = await upload(city, `${CSV}\n2020-09-01,崆峒区卫生健康局,620802999,1.001,预拨`);
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json())).toContain('第4行「收款单位编码」');
    expect((await upload(city, CSV, 'bofu.pdf')).statusCode).toBe(400);
    const list = await city.inject({ method: 'GET', url: '/api/funds/disbursements?org=620800&year=2020' });
    expect(list.json()).toHaveLength(2);
  });
});
