import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/databases.js';
import { readYumenFixture, yumenPlanTable } from '../../domain/targets/yumen-decomposition.fixture.js';
import { buildApp } from '../../server/app.js';
import { upsertOrgs } from '../orgs/org-repository.js';
import { upsertPopulation } from '../orgs/population-repository.js';
import { WHOLE_TREE } from '../orgs/org-scope.js';
import { COUNTY_AND_TOWNSHIPS, population2020 } from './targets.fixture.js';

describeEachDialect('targets REST', (t) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildApp({ db: t.db });
    await t.db.kysely.transaction().execute(async (trx) => {
      await upsertOrgs(trx, COUNTY_AND_TOWNSHIPS, { keepUrbanRural: false });
      // No villages here: each org's own row is its population (the county's is the sum).
      await upsertPopulation(trx, WHOLE_TREE, [
        population2020('620881', { total: 5000, age65plus: 500 }),
        population2020('620881100', { total: 3000, age65plus: 301 }),
        population2020('620881101', { total: 2000, age65plus: 199 }),
      ]);
    });
  });
  afterAll(async () => app?.close());

  it('documents every targets route in OpenAPI', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    const paths = Object.keys(res.json().paths);
    for (const p of [
      '/api/targets',
      '/api/targets/decompose',
      '/api/targets/progress',
      '/api/plans/check',
      '/api/plans/push',
      '/api/plans/push/snapshots',
    ]) {
      expect(paths).toContain(p);
    }
  });

  it('decomposes the Yumen fixture and checks its paper table', async () => {
    const fixture = readYumenFixture();
    const decomposed = await app.inject({ method: 'POST', url: '/api/targets/decompose', payload: fixture });
    expect(decomposed.statusCode).toBe(200);
    expect(decomposed.json().areas[1].indicators.elderly.cumulative).toEqual(
      fixture.areas[1]!.expected.elderly!.cumulative,
    );
    const table = yumenPlanTable(fixture);
    const checked = await app.inject({
      method: 'POST',
      url: '/api/plans/check',
      payload: { headers: table.headers, rows: table.rows.map((r) => r.cells) },
    });
    expect(checked.statusCode).toBe(200);
    expect(
      checked.json().findings.map((f: { stated: number; computed: number }) => [f.stated, f.computed]),
    ).toEqual(fixture.expectedFindings.map((f) => [f.stated, f.computed]));
  });

  it('answers a bad plan with 400 naming the row and column', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/plans/check',
      payload: { headers: ['区域', 'x:全年'], rows: [['甲', 'abc']] },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('row 2, column x:全年: must be a number');
  });

  it('computes a push plan from rows, as JSON and as Excel and Word', async () => {
    const payload = {
      asOf: '2020-02-27',
      deadline: '2020-03-01',
      rows: [
        { unit: '北坪', task: '建档', base: 24000, rate: 0.4, done: 9000, leader: '杨洁', phone: '0937' },
      ],
    };
    const res = await app.inject({ method: 'POST', url: '/api/plans/push', payload });
    expect(res.statusCode).toBe(200);
    expect(res.json().rows[0]).toMatchObject({ target: 9600, remaining: 600, daysLeft: 3, perDay: 200 });
    const xlsx = await app.inject({ method: 'POST', url: '/api/plans/push?format=xlsx', payload });
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const docx = await app.inject({ method: 'POST', url: '/api/plans/push?format=docx', payload });
    expect(docx.headers['content-type']).toContain('wordprocessingml');
    const passed = await app.inject({
      method: 'POST',
      url: '/api/plans/push',
      payload: { ...payload, asOf: '2020-03-02' },
    });
    expect(passed.statusCode).toBe(400);
    expect(passed.json().message).toContain('has passed');
  });

  it('sets, splits, lists targets and keeps push-plan snapshots', async () => {
    const set = await app.inject({
      method: 'PUT',
      url: '/api/targets',
      payload: {
        setBy: '县卫健局',
        targets: [{ orgCode: '620881', indicator: 'elderly.management_rate', year: 2020 }],
      },
    });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json().targets[0]).toMatchObject({
      baseValue: 500,
      rate: 0.5,
      target: 250,
      setBy: '县卫健局',
    });
    const split = await app.inject({
      method: 'POST',
      url: '/api/targets/split',
      payload: { org: '620881', indicator: 'elderly.management_rate', year: 2020, setBy: '县卫健局' },
    });
    expect(split.statusCode, split.body).toBe(200);
    // 250 over 301 and 199: exact 150.5 and 99.5; the tie goes to the larger base.
    expect(split.json().map((x: { target: number }) => x.target)).toEqual([151, 99]);
    const list = await app.inject({ method: 'GET', url: '/api/targets?org=620881&depth=1&year=2020' });
    expect(list.json()).toHaveLength(3);
    const history = await app.inject({ method: 'GET', url: '/api/targets/history?org=620881100' });
    expect(history.json()[0]).toMatchObject({ action: 'insert', target: 151 });
    const progress = await app.inject({
      method: 'GET',
      url: '/api/targets/progress?org=620881&period=2020H1',
    });
    expect(progress.statusCode, progress.body).toBe(200);
    // The children follow the county's monthly increments (21 a month, 19 in December):
    // 151 × 21/250 = 12.68 → 13 a month, 6 months = 78; 99 × 21/250 = 8.32 → 8, 48.
    expect(progress.json().map((r: { org: string; milestone: number }) => [r.org, r.milestone])).toEqual([
      ['620881100', 78],
      ['620881101', 48],
    ]);
    const push = await app.inject({
      method: 'GET',
      url: '/api/plans/push?org=620881&period=2020H1&asOf=2020-06-20&days=working',
    });
    expect(push.statusCode, push.body).toBe(200);
    // 22–26, 29 and 30 June 2020.
    expect(push.json()).toMatchObject({ doneAsOf: '2020-06-20', daysLeft: 7 });
    const saved = await app.inject({
      method: 'POST',
      url: '/api/plans/push/snapshots',
      payload: { org: '620881', period: '2020H1', asOf: '2020-06-20', createdBy: 'checkpoint' },
    });
    expect(saved.statusCode).toBe(200);
    const id = saved.json().snapshotId as number;
    const snapshots = await app.inject({ method: 'GET', url: '/api/plans/push/snapshots?org=620881' });
    expect(snapshots.json().map((s: { id: number }) => s.id)).toEqual([id]);
    const one = await app.inject({ method: 'GET', url: `/api/plans/push/snapshots/${id}` });
    expect(one.json().rows.at(-1)).toMatchObject({ unit: '合计', total: true, target: 126 });
    expect((await app.inject({ method: 'GET', url: '/api/plans/push/snapshots/99999' })).statusCode).toBe(
      404,
    );
  });

  it('answers bad queries with 400', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/targets?org=12' })).statusCode).toBe(400);
    const unknown = await app.inject({
      method: 'PUT',
      url: '/api/targets',
      payload: { setBy: 'x', targets: [{ orgCode: '620881', indicator: 'nope', year: 2020, rate: 0.5 }] },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().message).toContain('unknown indicator');
    expect(
      (await app.inject({ method: 'GET', url: '/api/targets/progress?org=620881&period=2020X' })).statusCode,
    ).toBe(400);
  });
});
