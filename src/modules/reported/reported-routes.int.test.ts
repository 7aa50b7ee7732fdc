import type { FastifyInstance } from 'fastify';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/databases.js';
import { signInAs, type SignedInClient } from '../../../test/sign-in.js';
import { buildApp } from '../../server/app.js';
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
      serving: t.target.file ? { sqliteFile: t.target.file, threads: 1 } : {},
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
