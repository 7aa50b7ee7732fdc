import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/databases.js';
import { signInAs, type SignedInClient } from '../../../test/sign-in.js';
import { readYumenFixture, yumenPlanTable } from '../../domain/targets/yumen-decomposition.fixture.js';
import { buildApp } from '../../server/app.js';
import { withTrailTables } from '../access-trail/trail-tables.js';
import { updateOrgResponsible, upsertOrgs } from '../orgs/org-repository.js';
import { upsertPopulation } from '../orgs/population-repository.js';
import { WHOLE_TREE } from '../orgs/org-scope.js';
import { CITY_AND_OTHER_COUNTY, COUNTY_AND_TOWNSHIPS, population2020 } from './targets.fixture.js';

/** An 11-digit mobile number anywhere in a text. */
const MOBILE = /(?<!\d)1[3-9]\d{9}(?!\d)/;

describeEachDialect('targets REST', (t) => {
  let app: FastifyInstance;
  /** The bureau of 泾川县 (620881), the bureau of 崆峒区 (620802) beside it, a viewer at 620881. */
  let bureau: SignedInClient;
  let otherCounty: SignedInClient;
  let viewer: SignedInClient;
  beforeAll(async () => {
    app = await buildApp({ db: t.db, backgroundJobs: false });
    await t.db.kysely.transaction().execute(async (trx) => {
      await upsertOrgs(trx, [...CITY_AND_OTHER_COUNTY, ...COUNTY_AND_TOWNSHIPS], { keepUrbanRural: false });
      // No villages here: each org's own row is its population (the county's is the sum).
      await upsertPopulation(trx, WHOLE_TREE, [
        population2020('620881', { total: 5000, age65plus: 500 }),
        population2020('620881100', { total: 3000, age65plus: 301 }),
        population2020('620881101', { total: 2000, age65plus: 199 }),
        population2020('620802', { total: 4000, age65plus: 400 }),
      ]);
    });
    await updateOrgResponsible(t.db, WHOLE_TREE, '620881100', {
      responsiblePerson: '王五',
      contactPhone: '13809331234',
    });
    bureau = await signInAs(app, t.db, 'bureau', '620881');
    otherCounty = await signInAs(app, t.db, 'bureau', '620802');
    viewer = await signInAs(app, t.db, 'viewer', '620881');
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
    const put = res.json().paths['/api/targets'].put;
    expect(JSON.stringify(put.requestBody)).not.toContain('setBy');
    expect(put.description).toContain('never a name from the body');
  });

  it('answers 401 without a session', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/targets?org=620881' })).statusCode).toBe(401);
    const put = await app.inject({
      method: 'PUT',
      url: '/api/targets',
      payload: { targets: [{ orgCode: '620881', indicator: 'elderly.management_rate', year: 2020 }] },
    });
    expect(put.statusCode).toBe(401);
  });

  it('decomposes the Yumen fixture and checks its paper table, for a viewer too (nothing is stored)', async () => {
    const fixture = readYumenFixture();
    const decomposed = await viewer.inject({
      method: 'POST',
      url: '/api/targets/decompose',
      payload: fixture,
    });
    expect(decomposed.statusCode).toBe(200);
    expect(decomposed.json().areas[1].indicators.elderly.cumulative).toEqual(
      fixture.areas[1]!.expected.elderly!.cumulative,
    );
    const table = yumenPlanTable(fixture);
    const checked = await viewer.inject({
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
    const res = await bureau.inject({
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
    const res = await viewer.inject({ method: 'POST', url: '/api/plans/push', payload });
    expect(res.statusCode).toBe(200);
    expect(res.json().rows[0]).toMatchObject({ target: 9600, remaining: 600, daysLeft: 3, perDay: 200 });
    const xlsx = await bureau.inject({ method: 'POST', url: '/api/plans/push?format=xlsx', payload });
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const docx = await bureau.inject({ method: 'POST', url: '/api/plans/push?format=docx', payload });
    expect(docx.headers['content-type']).toContain('wordprocessingml');
    const passed = await bureau.inject({
      method: 'POST',
      url: '/api/plans/push',
      payload: { ...payload, asOf: '2020-03-02' },
    });
    expect(passed.statusCode).toBe(400);
    expect(passed.json().message).toContain('has passed');
  });

  it('sets, splits, lists targets and keeps push-plan snapshots, as set by the signed-in user', async () => {
    const set = await bureau.inject({
      method: 'PUT',
      url: '/api/targets',
      payload: {
        // Ignored: the history keeps who is signed in.
        setBy: '县卫健局',
        targets: [{ orgCode: '620881', indicator: 'elderly.management_rate', year: 2020 }],
      },
    });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json().targets[0]).toMatchObject({
      baseValue: 500,
      rate: 0.5,
      target: 250,
      setBy: bureau.username,
    });
    const split = await bureau.inject({
      method: 'POST',
      url: '/api/targets/split',
      payload: { org: '620881', indicator: 'elderly.management_rate', year: 2020, setBy: '县卫健局' },
    });
    expect(split.statusCode, split.body).toBe(200);
    // 250 over 301 and 199: exact 150.5 and 99.5; the tie goes to the larger base.
    expect(split.json().map((x: { target: number }) => x.target)).toEqual([151, 99]);
    expect(split.json().map((x: { setBy: string }) => x.setBy)).toEqual([bureau.username, bureau.username]);
    const list = await bureau.inject({ method: 'GET', url: '/api/targets?org=620881&depth=1&year=2020' });
    expect(list.json()).toHaveLength(3);
    const history = await bureau.inject({ method: 'GET', url: '/api/targets/history?org=620881100' });
    expect(history.json()[0]).toMatchObject({ action: 'insert', target: 151, changedBy: bureau.username });
    const progress = await bureau.inject({
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
    const push = await bureau.inject({
      method: 'GET',
      url: '/api/plans/push?org=620881&period=2020H1&asOf=2020-06-20&days=working',
    });
    expect(push.statusCode, push.body).toBe(200);
    // 22–26, 29 and 30 June 2020.
    expect(push.json()).toMatchObject({ doneAsOf: '2020-06-20', daysLeft: 7 });
    const saved = await bureau.inject({
      method: 'POST',
      url: '/api/plans/push/snapshots',
      payload: { org: '620881', period: '2020H1', asOf: '2020-06-20', createdBy: 'checkpoint' },
    });
    expect(saved.statusCode).toBe(200);
    const id = saved.json().snapshotId as number;
    const snapshots = await bureau.inject({ method: 'GET', url: '/api/plans/push/snapshots?org=620881' });
    expect(snapshots.json().map((s: { id: number; createdBy: string }) => [s.id, s.createdBy])).toEqual([
      [id, bureau.username],
    ]);
    const one = await bureau.inject({ method: 'GET', url: `/api/plans/push/snapshots/${id}` });
    expect(one.json().rows.at(-1)).toMatchObject({ unit: '合计', total: true, target: 126 });
    expect((await bureau.inject({ method: 'GET', url: '/api/plans/push/snapshots/99999' })).statusCode).toBe(
      404,
    );
  });

  it('refuses every org of another county with 403 naming the field or row, and stores nothing', async () => {
    const refusals = [
      { method: 'GET', url: '/api/targets?org=620881&depth=1' },
      { method: 'GET', url: '/api/targets/history?org=620881100' },
      { method: 'GET', url: '/api/targets/progress?org=620881&period=2020H1' },
      { method: 'GET', url: '/api/plans/push?org=620881&period=2020H1&asOf=2020-06-20' },
      { method: 'GET', url: '/api/plans/push/snapshots?org=620881' },
      { method: 'GET', url: '/api/push-plan-schedules?org=620881' },
      {
        method: 'PUT',
        url: '/api/targets/parameters',
        payload: { org: '620881', year: 2020, name: 'hypertensionPrevalence', value: 0.3 },
      },
      {
        method: 'POST',
        url: '/api/targets/split',
        payload: { org: '620881', indicator: 'elderly.management_rate', year: 2020 },
      },
      {
        method: 'POST',
        url: '/api/plans/push/snapshots',
        payload: { org: '620881', period: '2020H1', asOf: '2020-06-20' },
      },
      {
        method: 'POST',
        url: '/api/push-plan-schedules',
        payload: { org: '620881', period: '2099H1', deadline: '2099-06-30' },
      },
    ] as const;
    for (const request of refusals) {
      const res = await otherCounty.inject(request);
      expect(res.statusCode, `${request.method} ${request.url}`).toBe(403);
      expect(res.json()).toMatchObject({ error: 'forbidden', field: 'org' });
      expect(res.json().message).toContain('620881');
    }
    // A table naming an org outside the scope is refused as a whole, naming its row; the
    // county's own row before it is not written either.
    const table = await otherCounty.inject({
      method: 'PUT',
      url: '/api/targets',
      payload: {
        targets: [
          { orgCode: '620802', indicator: 'elderly.management_rate', year: 2020, rate: 0.5 },
          { orgCode: '620881100', indicator: 'elderly.management_rate', year: 2020, rate: 0.9 },
          { orgCode: '620800', indicator: 'elderly.management_rate', year: 2020, rate: 0.9 },
        ],
      },
    });
    expect(table.statusCode).toBe(403);
    expect(table.json()).toMatchObject({ error: 'forbidden', field: '第2行「org」列' });
    expect(table.json().message).toContain('row 2, column org: org 620881100 is outside your scope');
    // A county's bureau does not set its city's targets either.
    const above = await bureau.inject({
      method: 'PUT',
      url: '/api/targets',
      payload: { targets: [{ orgCode: '620800', indicator: 'elderly.management_rate', year: 2020 }] },
    });
    expect(above.statusCode).toBe(403);
    const mine = await otherCounty.inject({ method: 'GET', url: '/api/targets?org=620802&year=2020' });
    expect(mine.json()).toEqual([]);
    const kept = await bureau.inject({ method: 'GET', url: '/api/targets?org=620881&depth=1&year=2020' });
    expect(kept.json().map((x: { target: number }) => x.target)).toEqual([250, 151, 99]);
    const refused = await withTrailTables(t.db.kysely)
      .selectFrom('access_trail')
      .select(({ fn }) => fn.countAll<number>().as('n'))
      .where('actor', '=', otherCounty.username)
      .where('outcome', '=', 'refused')
      .executeTakeFirstOrThrow();
    expect(Number(refused.n)).toBe(refusals.length + 1);
  });

  it('lists for another county only its own rows, even below the city above both', async () => {
    const own = await otherCounty.inject({
      method: 'PUT',
      url: '/api/targets',
      payload: { targets: [{ orgCode: '620802', indicator: 'elderly.management_rate', year: 2020 }] },
    });
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json().targets[0]).toMatchObject({ orgCode: '620802', setBy: otherCounty.username });
    const schedule = await bureau.inject({
      method: 'POST',
      url: '/api/push-plan-schedules',
      payload: { org: '620881', period: '2099H1', deadline: '2099-06-30' },
    });
    expect(schedule.statusCode).toBe(201);
    const snapshotOf620881 = (
      await bureau.inject({ method: 'GET', url: '/api/plans/push/snapshots?org=620881' })
    ).json()[0].id as number;

    const lists = {
      targets: await otherCounty.inject({ method: 'GET', url: '/api/targets?org=620800&depth=3&year=2020' }),
      progress: await otherCounty.inject({
        method: 'GET',
        url: '/api/targets/progress?org=620800&period=2020H1',
      }),
      schedules: await otherCounty.inject({ method: 'GET', url: '/api/push-plan-schedules' }),
      citySchedules: await otherCounty.inject({ method: 'GET', url: '/api/push-plan-schedules?org=620800' }),
    };
    for (const [name, res] of Object.entries(lists)) {
      expect(res.statusCode, name).toBe(200);
      expect(res.body, name).not.toContain('620881');
    }
    expect(lists.targets.json().map((x: { orgCode: string }) => x.orgCode)).toEqual(['620802']);
    expect(lists.progress.json().map((x: { org: string }) => x.org)).toEqual(['620802']);
    expect(
      (await bureau.inject({ method: 'GET', url: '/api/push-plan-schedules' }))
        .json()
        .map((s: { orgCode: string }) => s.orgCode),
    ).toEqual(['620881']);
    expect(
      (await otherCounty.inject({ method: 'GET', url: `/api/plans/push/snapshots/${snapshotOf620881}` }))
        .statusCode,
    ).toBe(404);
    expect(
      (await otherCounty.inject({ method: 'DELETE', url: `/api/push-plan-schedules/${schedule.json().id}` }))
        .statusCode,
    ).toBe(404);
  });

  it('lets a viewer read targets and progress, refuses its writes, and never shows it a mobile number', async () => {
    const targets = await viewer.inject({ method: 'GET', url: '/api/targets?org=620881&depth=1&year=2020' });
    expect(targets.statusCode).toBe(200);
    expect(targets.json()).toHaveLength(3);
    const progress = await viewer.inject({
      method: 'GET',
      url: '/api/targets/progress?org=620881&period=2020H1',
    });
    expect(progress.statusCode).toBe(200);
    expect(progress.json()).toHaveLength(2);
    for (const request of [
      {
        method: 'PUT',
        url: '/api/targets',
        payload: { targets: [{ orgCode: '620881', indicator: 'elderly.management_rate', year: 2020 }] },
      },
      {
        method: 'PUT',
        url: '/api/targets/parameters',
        payload: { org: '620881', year: 2020, name: 'hypertensionPrevalence', value: 0.3 },
      },
      {
        method: 'POST',
        url: '/api/plans/push/snapshots',
        payload: { org: '620881', period: '2020H1', asOf: '2020-06-20' },
      },
    ] as const) {
      const res = await viewer.inject(request);
      expect(res.statusCode, request.url).toBe(403);
    }
    const pushUrl = '/api/plans/push?org=620881&period=2020H1&asOf=2020-06-20';
    for (const format of ['json', 'csv']) {
      const res = await viewer.inject({ method: 'GET', url: `${pushUrl}&format=${format}` });
      expect(res.statusCode, format).toBe(200);
      expect(res.body, format).not.toMatch(MOBILE);
      expect(res.body, format).toContain('138****1234');
    }
    const snapshotId = (
      await viewer.inject({ method: 'GET', url: '/api/plans/push/snapshots?org=620881' })
    ).json()[0].id as number;
    const snapshot = await viewer.inject({ method: 'GET', url: `/api/plans/push/snapshots/${snapshotId}` });
    expect(snapshot.statusCode).toBe(200);
    expect(snapshot.body).not.toMatch(MOBILE);
  });

  it('shows the phones of a push plan in full only in an export for a role with personal.export, and notes it', async () => {
    const pushUrl = '/api/plans/push?org=620881&period=2020H1&asOf=2020-06-20';
    const json = await bureau.inject({ method: 'GET', url: pushUrl });
    expect(json.body).not.toMatch(MOBILE);
    const csv = await bureau.inject({ method: 'GET', url: `${pushUrl}&format=csv` });
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain('13809331234');
    const noted = await withTrailTables(t.db.kysely)
      .selectFrom('access_trail')
      .select(['actor', 'object_id', 'row_count'])
      .where('action', '=', 'push-plan.export')
      .where('object_id', '=', '620881')
      .execute();
    expect(noted).toEqual([{ actor: bureau.username, object_id: '620881', row_count: expect.any(Number) }]);
    expect(Number(noted[0]!.row_count)).toBeGreaterThan(1);
  });

  it('answers bad queries with 400', async () => {
    expect((await bureau.inject({ method: 'GET', url: '/api/targets?org=12' })).statusCode).toBe(400);
    const unknown = await bureau.inject({
      method: 'PUT',
      url: '/api/targets',
      payload: { targets: [{ orgCode: '620881', indicator: 'nope', year: 2020, rate: 0.5 }] },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().message).toContain('unknown indicator');
    expect(
      (await bureau.inject({ method: 'GET', url: '/api/targets/progress?org=620881&period=2020X' }))
        .statusCode,
    ).toBe(400);
    expect((await bureau.inject({ method: 'GET', url: '/api/targets?org=629999' })).json()).toEqual([]);
  });
});
