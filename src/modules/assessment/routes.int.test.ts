import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/databases.js';
import { signInAs, type SignedInClient } from '../../../test/sign-in.js';
import { DEFAULT_SCHEME_JSON } from '../../domain/assessment/default-scheme.js';
import { buildApp } from '../../server/app.js';
import { upsertOrgs } from '../orgs/org-repository.js';
import { CITY_AND_OTHER_COUNTY, COUNTY_AND_TOWNSHIPS } from '../targets/targets.fixture.js';

describeEachDialect('assessment REST', (t) => {
  let app: FastifyInstance;
  let bureau: SignedInClient;
  let otherCounty: SignedInClient;
  let viewer: SignedInClient;
  beforeAll(async () => {
    app = await buildApp({ db: t.db, backgroundJobs: false });
    await t.db.kysely.transaction().execute(async (trx) => {
      await upsertOrgs(trx, [...CITY_AND_OTHER_COUNTY, ...COUNTY_AND_TOWNSHIPS], { keepUrbanRural: false });
    });
    bureau = await signInAs(app, t.db, 'bureau', '620881');
    otherCounty = await signInAs(app, t.db, 'bureau', '620802');
    viewer = await signInAs(app, t.db, 'viewer', '620881');
  });
  afterAll(async () => app?.close());

  it('answers 401 without a session and 403 to a viewer that writes', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/assessment/schemes' })).statusCode).toBe(401);
    const run = await viewer.inject({
      method: 'POST',
      url: '/api/assessment/runs',
      payload: { orgCode: '620881', period: '2020H1' },
    });
    expect(run.statusCode).toBe(403);
  });

  it('lists and exports the default scheme', async () => {
    const list = await viewer.inject({ method: 'GET', url: '/api/assessment/schemes' });
    expect(list.statusCode).toBe(200);
    expect(list.json()).toEqual([
      expect.objectContaining({ code: 'national-basic', version: 1, maxCenti: 10000 }),
    ]);
    const one = await viewer.inject({ method: 'GET', url: '/api/assessment/schemes/national-basic' });
    expect(one.json().definition.sections).toHaveLength(4);
    expect((await viewer.inject({ method: 'GET', url: '/api/assessment/schemes/nope' })).statusCode).toBe(
      404,
    );
  });

  it('runs an assessment of the townships, counts a manual score, and serves Word and Excel', async () => {
    const entered = await bureau.inject({
      method: 'POST',
      url: '/api/assessment/manual-scores',
      payload: {
        itemId: 'eff.satisfaction',
        unitCode: '620881100',
        period: '2020H1',
        score: 6,
        evidence: '问卷100份',
      },
    });
    expect(entered.statusCode).toBe(201);
    expect(entered.json()).toMatchObject({ scoreCenti: 600, pointsCenti: 600 });
    const run = await bureau.inject({
      method: 'POST',
      url: '/api/assessment/runs',
      payload: { orgCode: '620881', period: '2020H1' },
    });
    expect(run.statusCode).toBe(201);
    const report = run.json();
    expect(report.run).toMatchObject({
      orgCode: '620881',
      period: '2020H1',
      dataCutoff: '2020-06-30',
      createdBy: bureau.username,
    });
    const units = report.units as Array<{ unitCode: string; rank: number; totalCenti: number }>;
    expect(units.map((u) => u.unitCode).sort()).toEqual(
      COUNTY_AND_TOWNSHIPS.filter((o) => o.level === 4)
        .map((o) => o.code)
        .sort(),
    );
    expect(units[0]).toMatchObject({ unitCode: '620881100', rank: 1 });
    const id = report.run.id as number;

    const one = await viewer.inject({ method: 'GET', url: `/api/assessment/runs/${id}?unit=620881100` });
    expect(one.statusCode).toBe(200);
    expect(one.json().items.find((i: { itemId: string }) => i.itemId === 'eff.satisfaction')).toMatchObject({
      centi: 600,
      inputs: { assessor: bureau.username, evidence: '问卷100份' },
    });

    const xlsx = await viewer.inject({ method: 'GET', url: `/api/assessment/runs/${id}/report.xlsx` });
    expect(xlsx.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('考核结果')!;
    expect(sheet.getRow(2).getCell(1).value).toBe('排名');
    expect(sheet.rowCount).toBe(2 + units.length);
    expect(book.getWorksheet('考核明细')!.rowCount).toBe(2 + units.length * 26);

    const docx = await viewer.inject({ method: 'GET', url: `/api/assessment/runs/${id}/report.docx` });
    expect(docx.statusCode).toBe(200);
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');

    const listed = await viewer.inject({ method: 'GET', url: '/api/assessment/runs?org=620881' });
    expect(listed.json().map((r: { id: number }) => r.id)).toContain(id);
  });

  it('keeps a county bureau out of another county', async () => {
    const run = await otherCounty.inject({
      method: 'POST',
      url: '/api/assessment/runs',
      payload: { orgCode: '620881', period: '2020H1' },
    });
    expect(run.statusCode).toBe(403);
    const runs = await otherCounty.inject({ method: 'GET', url: '/api/assessment/runs' });
    expect(runs.json()).toEqual([]);
    const listed = await bureau.inject({ method: 'GET', url: '/api/assessment/runs' });
    const id = listed.json()[0].id as number;
    expect((await otherCounty.inject({ method: 'GET', url: `/api/assessment/runs/${id}` })).statusCode).toBe(
      404,
    );
    const manual = await otherCounty.inject({
      method: 'POST',
      url: '/api/assessment/manual-scores',
      payload: {
        itemId: 'eff.satisfaction',
        unitCode: '620881100',
        period: '2020H1',
        score: 1,
        evidence: 'x',
      },
    });
    expect(manual.statusCode).toBe(403);
  });

  it('imports an edited scheme as version 2 and refuses a broken one naming the field', async () => {
    const edited = { ...DEFAULT_SCHEME_JSON, name: { zh: '泾川县方案', en: 'Jingchuan' } };
    const res = await bureau.inject({ method: 'POST', url: '/api/assessment/schemes', payload: edited });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ created: true, scheme: { version: 2, createdBy: bureau.username } });
    const broken = structuredClone(edited) as { sections: Array<{ items: Array<Record<string, unknown>> }> };
    broken.sections[2]!.items[0]!.indicator = 'no.such';
    const bad = await bureau.inject({ method: 'POST', url: '/api/assessment/schemes', payload: broken });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json())).toContain('sections.2.items.0.indicator');
  });

  it('exports a scheme as .xlsx and imports it back unchanged; a bad cell is refused naming it, nothing stored', async () => {
    const xlsx = await viewer.inject({
      method: 'GET',
      url: '/api/assessment/schemes/national-basic/scheme.xlsx?version=1',
    });
    expect(xlsx.statusCode).toBe(200);
    const before = (await viewer.inject({ method: 'GET', url: '/api/assessment/schemes' })).json()
      .length as number;
    const asViewer = await viewer.inject({
      method: 'POST',
      url: '/api/assessment/schemes/xlsx',
      headers: { 'content-type': 'application/octet-stream' },
      payload: xlsx.rawPayload,
    });
    expect(asViewer.statusCode).toBe(403);
    const back = await bureau.inject({
      method: 'POST',
      url: '/api/assessment/schemes/xlsx',
      headers: { 'content-type': 'application/octet-stream' },
      payload: xlsx.rawPayload,
    });
    expect(back.statusCode).toBe(200);
    const stored = await viewer.inject({
      method: 'GET',
      url: `/api/assessment/schemes/national-basic?version=${back.json().scheme.version as number}`,
    });
    expect(stored.json().definition).toEqual(DEFAULT_SCHEME_JSON);

    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    book.getWorksheet('项目')!.getCell('H4').value = 'lots';
    const bad = await bureau.inject({
      method: 'POST',
      url: '/api/assessment/schemes/xlsx',
      headers: { 'content-type': 'application/octet-stream' },
      payload: Buffer.from(await book.xlsx.writeBuffer()),
    });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json())).toContain("sheet '项目', row 4, column H");
    const after = (await viewer.inject({ method: 'GET', url: '/api/assessment/schemes' })).json()
      .length as number;
    expect(after).toBe(before + 1);
  });
});
