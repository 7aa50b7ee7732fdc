import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/databases.js';
import { signInAs, type SignedInClient } from '../../../test/sign-in.js';
import { buildApp } from '../../server/app.js';
import { withTrailTables } from '../access-trail/trail-tables.js';
import { buildHandData, TOWNSHIP, V1 } from './indicators.fixture.js';
import { PEOPLE_COLUMNS } from './people-export.js';

async function sheetRows(body: Buffer): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  const rows: unknown[][] = [];
  workbook.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

describeEachDialect('indicator drill-down export to Excel', (t) => {
  let app: FastifyInstance;
  let bureau: SignedInClient;
  beforeAll(async () => {
    await buildHandData(t.db);
    app = await buildApp({ db: t.db, backgroundJobs: false });
    bureau = await signInAs(app, t.db, 'bureau', '620881');
  });
  afterAll(async () => app?.close());

  it('exports every person of the list in full for a role with personal.export, and trails it', async () => {
    const list = await bureau.inject({
      url: `/api/indicators/records.total/people?org=${TOWNSHIP}&period=2020&pageSize=100`,
    });
    const listed = list.json() as { total: number; people: { recordNo: string }[] };
    const res = await bureau.inject({
      url: `/api/indicators/records.total/people/export?org=${TOWNSHIP}&period=2020`,
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(decodeURIComponent(String(res.headers['content-disposition']))).toContain(
      '城关镇-建档人数-2020年',
    );
    const rows = await sheetRows(res.rawPayload);
    expect(rows[0]![0]).toBe('城关镇 建档人数 2020年 名单');
    expect(rows[1]).toEqual(PEOPLE_COLUMNS);
    const people = rows.slice(2);
    expect(people).toHaveLength(listed.total);
    expect(people.map((r) => r[1])).toEqual(listed.people.map((p) => p.recordNo));
    // Unmasked: the duplicate's ID number in full, beside its masked form in the list.
    expect(people.map((r) => r[5])).toContain('620881195501010011');
    const trail = await withTrailTables(t.db.kysely)
      .selectFrom('access_trail')
      .select(['actor', 'action', 'object_id', 'org_code', 'row_count', 'outcome'])
      .where('action', '=', 'indicator-people.export')
      .execute();
    expect(trail).toContainEqual({
      actor: bureau.username,
      action: 'indicator-people.export',
      object_id: 'records.total',
      org_code: TOWNSHIP,
      row_count: listed.total,
      outcome: 'allowed',
    });
  });

  it('refuses the roles without personal.export, and a wrong list', async () => {
    for (const role of ['team', 'viewer'] as const) {
      const client = await signInAs(app, t.db, role, V1);
      const res = await client.inject({
        url: `/api/indicators/records.total/people/export?org=${V1}&period=2020`,
      });
      expect(res.statusCode, role).toBe(403);
    }
    const gap = await bureau.inject({
      url: `/api/indicators/records.coverage/people/export?org=${TOWNSHIP}&period=2020&set=gap`,
    });
    expect(gap.statusCode).toBe(400);
    expect(gap.body).toMatch(/population/);
  });
});
