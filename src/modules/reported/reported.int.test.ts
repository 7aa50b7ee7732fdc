import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/databases.js';
import { signInAs, type SignedInClient } from '../../../test/sign-in.js';
import { buildApp } from '../../server/app.js';
import { computeIndicatorValuesBaseline } from '../indicators/indicator-baseline.js';
import { computeIndicatorValues } from '../indicators/indicator-values.js';
import { buildHandData, TOWNSHIP, V1, V2 } from '../indicators/indicators.fixture.js';
import { WHOLE_TREE } from '../orgs/org-scope.js';
import { enterReportedValues } from './enter-reported-values.js';
import { listReportedChanges, listReportedValues } from './reported-repository.js';

const RATE = 'infectious_disease.report_rate';
const SOURCE = '传染病报告信息管理系统';
const at = '2020-07-05T08:00:00.000Z';

describeEachDialect('reported values: store, history, indicator table and cache', (t) => {
  let app: FastifyInstance;
  let centre: SignedInClient;
  let team: SignedInClient;

  beforeAll(async () => {
    await buildHandData(t.db);
    app = await buildApp({
      db: t.db,
      backgroundJobs: false,
      serving: { readers: t.target, threads: 1 },
    });
    centre = await signInAs(app, t.db, 'centre', TOWNSHIP);
    team = await signInAs(app, t.db, 'team', V1);
  });
  afterAll(async () => app?.close());

  it('stores reports, keeps the earlier value in the history, writes nothing for an unchanged one', async () => {
    const first = await enterReportedValues(
      t.db,
      WHOLE_TREE,
      [
        { orgCode: V1, period: '2020Q2', indicator: RATE, numerator: 19, denominator: 20, source: SOURCE },
        { orgCode: V2, period: '2020Q2', indicator: RATE, numerator: 30, denominator: 30, source: SOURCE },
      ],
      { by: 'a', at },
    );
    expect(first).toEqual({ inserted: 2, updated: 0, unchanged: 0 });
    const again = await enterReportedValues(
      t.db,
      WHOLE_TREE,
      [
        { orgCode: V1, period: '2020Q2', indicator: RATE, numerator: 18, denominator: 20, source: SOURCE },
        { orgCode: V2, period: '2020Q2', indicator: RATE, numerator: 30, denominator: 30, source: SOURCE },
      ],
      { by: 'b', at: '2020-07-06T08:00:00.000Z' },
    );
    expect(again).toEqual({ inserted: 0, updated: 1, unchanged: 1 });
    const history = await listReportedChanges(t.db.kysely, {
      orgCode: V1,
      period: '2020Q2',
      indicator: RATE,
    });
    expect(history.map((h) => [h.action, h.numerator, h.changedBy])).toEqual([
      ['insert', 19, 'a'],
      ['update', 18, 'b'],
    ]);
    const rows = await listReportedValues(t.db.kysely, WHOLE_TREE, { period: '2020Q2' });
    expect(rows.map((r) => [r.orgCode, r.numerator, r.denominator, r.enteredBy])).toEqual([
      [V1, 18, 20, 'b'],
      [V2, 30, 30, 'a'],
    ]);
  });

  it('refuses a batch with one bad item as a whole, naming every bad field', async () => {
    await expect(
      enterReportedValues(
        t.db,
        WHOLE_TREE,
        [
          { orgCode: V1, period: '2020Q3', indicator: RATE, numerator: 5, denominator: 5, source: SOURCE },
          { orgCode: V2, period: '2020Q3', indicator: RATE, numerator: 6, denominator: 5, source: '' },
          {
            orgCode: '620881100299',
            period: '2020Q3',
            indicator: RATE,
            numerator: 1,
            denominator: 1,
            source: SOURCE,
          },
        ],
        { by: 'a', at },
      ),
    ).rejects.toMatchObject({
      code: 'bad_request',
      field: 'items.1.source',
      issues: [{ field: 'items.1.source' }, { field: 'items.1.numerator' }, { field: 'items.2.orgCode' }].map(
        (i) => expect.objectContaining(i),
      ) as unknown,
    });
    expect(await listReportedValues(t.db.kysely, WHOLE_TREE, { period: '2020Q3' })).toEqual([]);
  });

  it('shows a village its own report and the township the sum of its villages, marked', async () => {
    const rows = await computeIndicatorValues(t.db, WHOLE_TREE, {
      orgCode: TOWNSHIP,
      period: '2020Q2',
      depth: 1,
      ids: [RATE, 'records.total'],
    });
    // A report has no people behind it: the drill-down says so instead of an empty list.
    const people = await centre.inject({
      url: `/api/indicators/${RATE}/people?org=${TOWNSHIP}&period=2020Q2`,
    });
    expect(people.statusCode).toBe(400);
    expect(people.json()).toMatchObject({ field: 'id' });
    const cell = (org: string, id = RATE) => rows.find((r) => r.org === org && r.indicator === id);
    expect(cell(TOWNSHIP)).toMatchObject({
      numerator: 48,
      denominator: 50,
      value: 0.96,
      source: 'summed',
      reportSource: SOURCE,
    });
    expect(cell(V1)).toMatchObject({ numerator: 18, denominator: 20, value: 0.9, source: 'reported' });
    expect(cell(V1, 'records.total')).not.toHaveProperty('source');
    // The plain recomputation (the bench's baseline, the property test's oracle) agrees.
    expect(
      await computeIndicatorValuesBaseline(t.db, WHOLE_TREE, {
        orgCode: TOWNSHIP,
        period: '2020Q2',
        depth: 1,
        ids: [RATE, 'records.total'],
      }),
    ).toEqual(rows);
    // Another period has no report: the cell is empty, not zero per cent.
    const q1 = await computeIndicatorValues(t.db, WHOLE_TREE, {
      orgCode: TOWNSHIP,
      period: '2020Q1',
      ids: [RATE],
    });
    expect(q1[0]).toMatchObject({ value: null });
    expect(q1[0]).not.toHaveProperty('source');
  });

  it('enters through the API within the scope, refuses an org outside it and a caller without targets.write', async () => {
    const ok = await centre.inject({
      method: 'POST',
      url: '/api/reported-values',
      payload: {
        items: [
          {
            orgCode: TOWNSHIP,
            period: '2020',
            indicator: 'health_literacy.level',
            percent: 21.4,
            source: '2020年健康素养监测',
          },
        ],
      },
    });
    expect(ok.statusCode).toBe(200);
    const outside = await centre.inject({
      method: 'POST',
      url: '/api/reported-values',
      payload: {
        items: [
          { orgCode: '620881', period: '2020', indicator: 'health_literacy.level', percent: 20, source: 's' },
        ],
      },
    });
    expect(outside.statusCode).toBe(403);
    expect(outside.json()).toMatchObject({ field: 'items.0.orgCode' });
    const teamTry = await team.inject({
      method: 'POST',
      url: '/api/reported-values',
      payload: {
        items: [
          { orgCode: V1, period: '2020', indicator: 'health_literacy.level', percent: 20, source: 's' },
        ],
      },
    });
    expect(teamTry.statusCode).toBe(403);
    const list = await team.inject({ method: 'GET', url: `/api/reported-values?org=${V1}` });
    expect(list.statusCode).toBe(200);
    expect((list.json() as { orgCode: string }[]).map((r) => r.orgCode)).toEqual([V1]);
    // A bare survey percentage is shown where reported and never summed to a parent.
    const values = await centre.inject({
      url: `/api/indicators?org=${TOWNSHIP}&period=2020&depth=1&ids=health_literacy.level`,
    });
    const cells = values.json() as { org: string; value: number | null; source?: string }[];
    expect(cells.find((c) => c.org === TOWNSHIP)).toMatchObject({ value: 0.214, source: 'reported' });
    expect(cells.find((c) => c.org === V1)).toMatchObject({ value: null });
  });

  it('never serves a cached indicator answer from before a report changed', async () => {
    const url = `/api/indicators?org=${TOWNSHIP}&period=2020Q2&depth=1&ids=${RATE}`;
    const township = async (): Promise<{ numerator: number; etag: string }> => {
      const res = await centre.inject({ method: 'GET', url });
      expect(res.statusCode).toBe(200);
      const rows = res.json() as { org: string; numerator: number }[];
      return { numerator: rows.find((r) => r.org === TOWNSHIP)!.numerator, etag: String(res.headers.etag) };
    };
    const before = await township();
    expect(await township()).toEqual(before);
    const write = await centre.inject({
      method: 'POST',
      url: '/api/reported-values',
      payload: {
        items: [
          { orgCode: V1, period: '2020Q2', indicator: RATE, numerator: 20, denominator: 20, source: SOURCE },
        ],
      },
    });
    expect(write.statusCode).toBe(200);
    const after = await township();
    expect(after.numerator).toBe(before.numerator + 2);
    expect(after.etag).not.toBe(before.etag);
  });
});
