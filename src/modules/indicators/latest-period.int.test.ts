import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/databases.js';
import { signInAs } from '../../../test/sign-in.js';
import { buildApp } from '../../server/app.js';
import { WHOLE_TREE } from '../orgs/org-scope.js';
import { buildHandData, TOWNSHIP, V1, V2 } from './indicators.fixture.js';
import { latestPeriod, quarterOfDate } from './latest-period.js';

it('names the quarter holding a date', () => {
  expect(quarterOfDate('2020-01-01')).toBe('2020Q1');
  expect(quarterOfDate('2020-06-30')).toBe('2020Q2');
  expect(quarterOfDate('2020-07-01')).toBe('2020Q3');
  expect(quarterOfDate('2020-12-31')).toBe('2020Q4');
});

describeEachDialect('the latest period with data', (t) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    await buildHandData(t.db);
    app = await buildApp({ db: t.db, backgroundJobs: false });
  });
  afterAll(async () => app?.close());

  it('lands on the quarter of the latest service of the org, never after today', async () => {
    // The township's last service is a follow-up on 31 December; the second village's, a visit in August.
    expect(await latestPeriod(t.db, WHOLE_TREE, TOWNSHIP, '2026-12-05')).toEqual({
      year: 2020,
      lastDate: '2020-12-31',
      period: '2020Q4',
    });
    expect(await latestPeriod(t.db, WHOLE_TREE, V2, '2026-12-05')).toEqual({
      year: 2020,
      lastDate: '2020-08-15',
      period: '2020Q3',
    });
    expect(await latestPeriod(t.db, WHOLE_TREE, V2, '2020-07-01')).toEqual({
      year: 2020,
      lastDate: '2020-06-05',
      period: '2020Q2',
    });
    expect(await latestPeriod(t.db, WHOLE_TREE, TOWNSHIP, '2019-06-30')).toEqual({
      year: null,
      lastDate: null,
      period: null,
    });
  });

  it('answers over HTTP within the caller’s scope and refuses an org beside it', async () => {
    const centre = await signInAs(app, t.db, 'centre', TOWNSHIP);
    const own = await centre.inject({ url: `/api/indicators/latest-period?org=${TOWNSHIP}` });
    expect(own.statusCode).toBe(200);
    expect(own.json()).toMatchObject({ year: 2020, period: '2020Q4' });
    const viewer = await signInAs(app, t.db, 'viewer', V2);
    const beside = await viewer.inject({ url: `/api/indicators/latest-period?org=${V1}` });
    expect(beside.statusCode).toBe(403);
    // The county named, the viewer's own village answered: an org above narrows to the caller's part.
    const above = await viewer.inject({ url: '/api/indicators/latest-period?org=620881' });
    expect(above.statusCode).toBe(200);
    expect(above.json()).toMatchObject({ lastDate: '2020-08-15' });
  });
});
