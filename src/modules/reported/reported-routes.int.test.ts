import type { FastifyInstance } from 'fastify';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/databases.js';
import { signInAs, type SignedInClient } from '../../../test/sign-in.js';
import { buildApp } from '../../server/app.js';
import { computeIndicatorValuesBaseline } from '../indicators/indicator-baseline.js';
import { computeIndicatorValues } from '../indicators/indicator-values.js';
import { buildHandData, TOWNSHIP, V1, V2 } from '../indicators/indicators.fixture.js';
import { WHOLE_TREE } from '../orgs/org-scope.js';
import { listReportedChanges, listReportedValues } from './reported-repository.js';

const RATE = 'infectious_disease.report_rate';
const SOURCE = '传染病报告信息管理系统';
const HEADER = '单位编码,时期,指标,分子,分母,数值,来源';

describeEachDialect('reported values: removal and file upload through the API', (t) => {
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

  const upload = (client: SignedInClient, body: Buffer | string, file = 'shangbao.csv') =>
    client.inject({
      method: 'POST',
      url: `/api/reported-values/import?file=${encodeURIComponent(file)}`,
      headers: { 'content-type': 'application/octet-stream' },
      payload: typeof body === 'string' ? Buffer.from(body, 'utf8') : body,
    });

  it('refuses a file with bad rows as a whole, naming every bad row and field', async () => {
    const res = await upload(
      centre,
      [
        HEADER,
        `${V1},2020Q2,传染病疫情报告率,19,20,,${SOURCE}`,
        `${V2},2020Q2,传染病疫情报告率,21,20,,${SOURCE}`,
        `${V2},2020Q3,传染病疫情报告率,1,2,,`,
      ].join('\n'),
    );
    expect(res.statusCode, res.body).toBe(400);
    const fields = (res.json() as { issues: { field: string }[] }).issues.map((i) => i.field);
    expect(fields).toEqual(['第3行「分子」', '第4行「来源」']);
    expect(await listReportedValues(t.db.kysely, WHOLE_TREE)).toEqual([]);
    // Not a .csv or .xlsx: refused before it is read.
    expect((await upload(centre, 'x', 'shangbao.doc')).statusCode).toBe(400);
  });

  it('stores an uploaded .xlsx within the scope; a caller without targets.write or an org outside is refused', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('上报');
    sheet.addRow(HEADER.split(','));
    sheet.addRow([V1, '2020Q2', RATE, 19, 20, null, SOURCE]);
    sheet.addRow([V2, '2020Q2', '传染病疫情报告率', 29, 30, null, SOURCE]);
    const xlsx = Buffer.from(await book.xlsx.writeBuffer());
    expect((await upload(team, xlsx, 'a.xlsx')).statusCode).toBe(403);
    const ok = await upload(centre, xlsx, 'a.xlsx');
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toEqual({ rows: 2, inserted: 2, updated: 0, unchanged: 0 });
    const outside = await upload(centre, `${HEADER}\n620881,2020,传染病疫情报告率,1,1,,${SOURCE}\n`);
    expect(outside.statusCode).toBe(403);
  });

  it('removes a report within the scope, keeps a delete entry and empties the cached township figure', async () => {
    const url = `/api/indicators?org=${TOWNSHIP}&period=2020Q2&depth=1&ids=${RATE}`;
    const township = async () => {
      const res = await centre.inject({ method: 'GET', url });
      expect(res.statusCode).toBe(200);
      return (res.json() as { org: string; numerator: number; denominator: number }[]).find(
        (r) => r.org === TOWNSHIP,
      )!;
    };
    expect(await township()).toMatchObject({ numerator: 48, denominator: 50 });
    const del = (client: SignedInClient, org: string, period = '2020Q2') =>
      client.inject({
        method: 'DELETE',
        url: `/api/reported-values?org=${org}&period=${period}&indicator=${RATE}`,
      });
    expect((await del(team, V1)).statusCode).toBe(403);
    expect((await del(centre, '620881')).statusCode).toBe(403);
    expect((await del(centre, V1, '2020H3')).statusCode).toBe(400);
    const gone = await del(centre, V1, '2020q2');
    expect(gone.statusCode, gone.body).toBe(204);
    expect((await del(centre, V1)).statusCode).toBe(404);
    expect(await township()).toMatchObject({ numerator: 29, denominator: 30 });
    const history = await listReportedChanges(t.db.kysely, {
      orgCode: V1,
      period: '2020Q2',
      indicator: RATE,
    });
    expect(history.map((h) => h.action)).toEqual(['insert', 'delete']);
    expect(history[1]!.changedBy).toBe(centre.username);
    const rest = await listReportedValues(t.db.kysely, WHOLE_TREE, { period: '2020Q2' });
    expect(rest.map((r) => r.orgCode)).toEqual([V2]);
  });
});

describeEachDialect('reported values: a period derived from the reports of its parts', (t) => {
  let app: FastifyInstance;
  let centre: SignedInClient;
  const INSPECTIONS = 'health_supervision.inspections';
  const LEVEL = 'health_literacy.level';

  beforeAll(async () => {
    await buildHandData(t.db);
    app = await buildApp({
      db: t.db,
      backgroundJobs: false,
      serving: { readers: t.target, threads: 1 },
    });
    centre = await signInAs(app, t.db, 'centre', TOWNSHIP);
    const items = [
      ...['2020Q1', '2020Q2', '2020Q3', '2020Q4'].map((period, i) => ({
        orgCode: V1,
        period,
        indicator: INSPECTIONS,
        numerator: i + 1,
        source: '巡查登记',
      })),
      { orgCode: V2, period: '2020Q1', indicator: INSPECTIONS, numerator: 7, source: '巡查登记' },
      { orgCode: V2, period: '2020Q3', indicator: INSPECTIONS, numerator: 8, source: '巡查登记' },
      { orgCode: V1, period: '2020H1', indicator: LEVEL, percent: 20, source: '上半年监测' },
      { orgCode: V1, period: '2020H2', indicator: LEVEL, percent: 26, source: '下半年监测' },
    ];
    const res = await centre.inject({ method: 'POST', url: '/api/reported-values', payload: { items } });
    expect(res.statusCode, res.body).toBe(200);
  });
  afterAll(async () => app?.close());

  type Cell = {
    org: string;
    indicator: string;
    numerator: number;
    value: number | null;
    source?: string;
    remark?: { zh: string; en: string };
  };
  const table = async (period: string, ids: string): Promise<Cell[]> => {
    const res = await centre.inject({
      url: `/api/indicators?org=${TOWNSHIP}&period=${period}&depth=1&ids=${ids}`,
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  it('a year of counts is the sum of four reported quarters; with quarters missing, no figure and a remark', async () => {
    const cells = await table('2020', INSPECTIONS);
    const cell = (org: string) => cells.find((c) => c.org === org)!;
    expect(cell(V1)).toMatchObject({ numerator: 10, value: 10, source: 'reported' });
    expect(cell(V1).remark?.zh).toBe('2020年第1季度、2020年第2季度、2020年第3季度、2020年第4季度上报之和');
    expect(cell(V2)).toMatchObject({
      value: null,
      remark: { zh: '缺少2020年第2季度、2020年第4季度的上报，无2020年合计' },
    });
    expect(cell(V2)).not.toHaveProperty('source');
    // The township sums the villages that have a figure for the year, and says one is left out.
    expect(cell(TOWNSHIP)).toMatchObject({
      numerator: 10,
      source: 'summed',
      remark: { zh: '1个下级单位本期上报不全，未计入合计' },
    });
    // For 2020Q1 both villages reported: the township's sum leaves none out.
    const q1 = await table('2020Q1', INSPECTIONS);
    expect(q1.find((c) => c.org === TOWNSHIP)).toMatchObject({ numerator: 8, source: 'summed' });
    expect(q1.find((c) => c.org === TOWNSHIP)).not.toHaveProperty('remark');
    // The plain recomputation agrees.
    expect(
      await computeIndicatorValuesBaseline(t.db, WHOLE_TREE, {
        orgCode: TOWNSHIP,
        period: '2020',
        depth: 1,
        ids: [INSPECTIONS],
      }),
    ).toEqual(
      await computeIndicatorValues(t.db, WHOLE_TREE, {
        orgCode: TOWNSHIP,
        period: '2020',
        depth: 1,
        ids: [INSPECTIONS],
      }),
    );
  });

  it('lists the reports of every period of a year, or of one period', async () => {
    const list = async (query: string) => {
      const res = await centre.inject({ url: `/api/reported-values?org=${TOWNSHIP}&${query}` });
      expect(res.statusCode, res.body).toBe(200);
      return (res.json() as { orgCode: string; period: string }[]).map((r) => `${r.orgCode} ${r.period}`);
    };
    expect(await list('year=2020')).toHaveLength(8);
    expect(await list('year=2021')).toEqual([]);
    expect(await list('period=2020Q3')).toEqual([`${V1} 2020Q3`, `${V2} 2020Q3`]);
  });

  it('a month inside a reported quarter has a remark, no figure; a survey year shows its latest survey', async () => {
    const may = await table('2020-05', INSPECTIONS);
    expect(may.find((c) => c.org === V1)).toMatchObject({
      value: null,
      remark: { zh: '按2020年第2季度上报，本期无单独数值' },
    });
    const survey = await table('2020', LEVEL);
    expect(survey.find((c) => c.org === V1)).toMatchObject({
      value: 0.26,
      source: 'reported',
      reportSource: '下半年监测',
      remark: { zh: '取2020年下半年的调查结果', en: 'the survey of 2020 H2' },
    });
  });
});
