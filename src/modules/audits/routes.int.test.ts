import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/databases.js';
import { signInAs, type SignedInClient } from '../../../test/sign-in.js';
import { buildApp } from '../../server/app.js';
import { withTrailTables } from '../access-trail/trail-tables.js';
import { withAuditTables } from './audit-tables.js';
import { insertOrgRows, insertOrgs, insertResidents, insertServices, validId } from './audits.fixture.js';

const V1 = '620881100201';
const V2 = '620881100202';
/** A village of 崆峒区 (620802), the county beside 华亭市 (620881). */
const K1 = '620802100201';

/** The residents' birth dates: none may leave in a list (lists show no birth date). */
const BIRTHS = ['1950-03-17', '1948-05-21', '2020-05-17', '1960-08-09'];
/** An 18- or 15-digit ID number, an 11-digit mobile number, alone among digits. */
const ID_NUMBER = /(?<![\d.])(\d{17}[\dXx]|\d{15})(?![\dXx])/;
const MOBILE = /(?<![\d.])1[3-9]\d{9}(?!\d)/;

/** Fails when `body` holds a full ID number, a mobile number or a birth date of the fixture. */
function expectNoPersonalValues(what: string, body: string): void {
  expect(body, what).not.toMatch(ID_NUMBER);
  expect(body, what).not.toMatch(MOBILE);
  for (const birth of BIRTHS) expect(body, `${what}: ${birth}`).not.toContain(birth);
}

interface Item {
  id: number;
  rule: string;
  org: string;
  status: string;
  resident: { name: string | null; idNumber: string | null } | null;
  evidence: Record<string, unknown>;
  resolvedBy: string | null;
}

describeEachDialect('audit routes', (t) => {
  let app: FastifyInstance;
  /** 华亭市's bureau, a centre of 东华镇 (620881100), a viewer of 华亭市, 崆峒区's bureau. */
  let bureau: SignedInClient;
  let centre: SignedInClient;
  let viewer: SignedInClient;
  let other: SignedInClient;

  beforeAll(async () => {
    await insertOrgs(t.db);
    await insertOrgRows(t.db, [
      ['620802', '崆峒区', 3, '620800'],
      ['620802100', '崆峒镇', 4, '620802'],
      [K1, '崆峒村', 5, '620802100'],
    ]);
    const id = validId('62088119500317001');
    const r = await insertResidents(t.db, [
      { no: 1, org: V1, idNumber: id, birth: BIRTHS[0], phone: '13800000001', name: '陈小明' },
      { no: 2, org: V2, idNumber: id, birth: BIRTHS[0], phone: '13800000002', name: '陈小明' },
      { no: 3, org: V1, idNumber: validId('62088119480521001'), birth: BIRTHS[1], name: '王大力' },
      { no: 4, org: V1, idNumber: null, birth: BIRTHS[2], name: '李小宝' },
      // A wrong check character: an ID problem of 崆峒区.
      { no: 5, org: K1, idNumber: '620802196008090010', birth: BIRTHS[3], phone: '13900000005' },
    ]);
    await insertServices(t.db, [
      { resident: r.get(3)!, type: 'elderly_checkup', date: '2020-04-10', sbp: 130, dbp: 80, sbpRight: 152 },
      { resident: r.get(2)!, type: 'elderly_checkup', date: '2020-04-10', sbp: 130, dbp: 80, sbpRight: 130 },
      // Before the child's birth: its evidence quotes the birth date, which must not leave.
      { resident: r.get(4)!, type: 'child_visit', date: '2020-04-10' },
    ]);
    // The runs' rules are read in a worker thread, as `gongwei serve` reads them.
    app = await buildApp({ db: t.db, backgroundJobs: false, serving: { readers: t.target, threads: 1 } });
    bureau = await signInAs(app, t.db, 'bureau', '620881');
    centre = await signInAs(app, t.db, 'centre', '620881100');
    viewer = await signInAs(app, t.db, 'viewer', '620881');
    other = await signInAs(app, t.db, 'bureau', '620802');
    for (const [who, orgCode] of [
      [bureau, '620881'],
      [other, '620802'],
    ] as const) {
      const run = await who.inject({
        method: 'POST',
        url: '/api/audits/runs',
        payload: { orgCode, period: '2020Q2', parameters: { arm_bp_difference: { flagOver: 10 } } },
      });
      if (run.statusCode !== 200) throw new Error(`run of ${orgCode}: ${run.statusCode} ${run.body}`);
    }
  });
  afterAll(async () => app?.close());

  /** Every current finding of `org` as `who` sees it. */
  async function findingsOf(who: SignedInClient, query: string): Promise<Item[]> {
    const res = await who.inject({
      method: 'GET',
      url: `/api/audits/findings?status=all&pageSize=1000&${query}`,
    });
    expect(res.statusCode).toBe(200);
    return (res.json() as { items: Item[] }).items;
  }

  it('lists the rules with defaults, to a viewer too', async () => {
    const res = await viewer.inject({ method: 'GET', url: '/api/audits/rules' });
    expect(res.statusCode).toBe(200);
    const rules = res.json() as { id: string; parameters: unknown }[];
    expect(rules.map((r) => r.id)).toContain('identical_checkups');
    expect(rules.find((r) => r.id === 'arm_bp_difference')!.parameters).toEqual({
      flagOver: 10,
      remeasureOver: 20,
    });
  });

  it('lists, counts and ranks the findings of the run', async () => {
    const runs = await bureau.inject({ method: 'GET', url: '/api/audits/runs' });
    const summary = (runs.json() as { orgCode: string; summary: { rule: string; found: number }[] }[]).find(
      (run) => run.orgCode === '620881',
    )!.summary;
    expect(summary.find((s) => s.rule === 'duplicate_records')!.found).toBe(1);
    expect(summary.find((s) => s.rule === 'arm_bp_difference')!.found).toBe(1);

    const items = await findingsOf(centre, 'org=620881100&rule=arm_bp_difference');
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ severity: 'error', resident: { name: '王**' } });
    expect(items[0]!.resident!.idNumber).toMatch(/^620881\*{8}\d{3}[\dX]$/);

    const counts = await viewer.inject({
      method: 'GET',
      url: '/api/audits/counts?org=620881&depth=0&rule=duplicate_records',
    });
    expect(counts.json()).toEqual([
      {
        org: '620881',
        orgName: '华亭市',
        level: 3,
        rule: 'duplicate_records',
        severity: 'error',
        count: 1,
        affected: 1,
      },
    ]);
    const spots = await viewer.inject({
      method: 'GET',
      url: '/api/audits/hotspots?rule=arm_bp_difference&org=620881',
    });
    expect(spots.json()[0]).toMatchObject({ org: V1, fullName: '华亭市东华镇东华村', count: 1 });
  });

  it('records the signed-in user as resolver, never a name in the body', async () => {
    const [item] = await findingsOf(centre, 'org=620881100&rule=arm_bp_difference');
    const named = await centre.inject({
      method: 'POST',
      url: `/api/audits/findings/${item!.id}/resolve`,
      payload: { by: '李医生', note: '已重测' },
    });
    expect(named.statusCode).toBe(400);
    expect(named.body).toMatch(/by/);

    const resolved = await centre.inject({
      method: 'POST',
      url: `/api/audits/findings/${item!.id}/resolve`,
      payload: { note: '已重测' },
    });
    expect(resolved.statusCode).toBe(200);
    expect(resolved.json()).toMatchObject({
      status: 'resolved',
      resolvedBy: centre.username,
      resolutionNote: '已重测',
    });
    const row = await withAuditTables(t.db.kysely)
      .selectFrom('audit_findings')
      .select(['resolved_by', 'status'])
      .where('id', '=', item!.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ resolved_by: centre.username, status: 'resolved' });

    const reopened = await centre.inject({ method: 'POST', url: `/api/audits/findings/${item!.id}/reopen` });
    expect(reopened.json()).toMatchObject({ status: 'open', resolvedBy: null });
    const trail = await withTrailTables(t.db.kysely)
      .selectFrom('access_trail')
      .select(['action', 'object_id', 'outcome'])
      .where('actor', '=', centre.username)
      .where('action', 'in', ['finding.resolve', 'finding.reopen'])
      .orderBy('id')
      .execute();
    expect(trail).toEqual([
      { action: 'finding.resolve', object_id: String(item!.id), outcome: 'allowed' },
      { action: 'finding.reopen', object_id: String(item!.id), outcome: 'allowed' },
    ]);
  });

  it('masks every list of persons: no ID number, mobile or birth date leaves, evidence included', async () => {
    const items = await findingsOf(bureau, 'org=620881');
    expect(items.map((i) => i.rule)).toEqual(
      expect.arrayContaining(['duplicate_records', 'implausible_values', 'id_problems', 'arm_bp_difference']),
    );
    const beforeBirth = items.find((i) => i.evidence.check === 'before_birth')!;
    expect(beforeBirth.evidence).not.toHaveProperty('against');
    const bodies: Record<string, string> = {
      findings: (await bureau.inject({ method: 'GET', url: '/api/audits/findings?status=all&pageSize=1000' }))
        .body,
      finding: (await bureau.inject({ method: 'GET', url: `/api/audits/findings/${beforeBirth.id}` })).body,
      sets: (await bureau.inject({ method: 'GET', url: '/api/audits/duplicate-sets?org=620881' })).body,
      otherCounty: (await other.inject({ method: 'GET', url: '/api/audits/findings?status=all' })).body,
    };
    for (const [what, body] of Object.entries(bodies)) expectNoPersonalValues(what, body);
    expect(bodies.finding).toContain('before_birth');
  });

  it('previews a merge side by side, masked, with the survivor and where each value comes from', async () => {
    const sets = await bureau.inject({ method: 'GET', url: '/api/audits/duplicate-sets?org=620881' });
    const setId = sets.json().items[0].id as number;
    const url = `/api/audits/duplicate-sets/${setId}/preview`;
    const res = await bureau.inject({ method: 'GET', url });
    expect(res.statusCode).toBe(200);
    expectNoPersonalValues('preview', res.body);
    const preview = res.json() as {
      survivorRecordNo: string;
      keys: string[];
      records: {
        recordNo: string;
        survivor: boolean;
        services: number;
        values: Record<string, string | null>;
      }[];
      fields: { field: string; agree: boolean; merged: string | null; source: string | null }[];
    };
    expect(preview.survivorRecordNo).toBe(`${V1}00001`);
    expect(preview.keys).toContain('id_number');
    expect(preview.records.map((r) => [r.recordNo, r.survivor, r.services])).toEqual([
      [`${V1}00001`, true, 0],
      [`${V2}00002`, false, 1],
    ]);
    expect(preview.records[0]!.values).toMatchObject({ name: '陈**', birth_date: null, sex: null });
    const field = (name: string) => preview.fields.find((f) => f.field === name)!;
    expect(field('birth_date')).toMatchObject({ agree: true, merged: null });
    expect(field('id_number').agree).toBe(true);
    expect(field('phone').agree).toBe(false);
    expect(field('phone').merged).toMatch(/^138\*{4}000[12]$/);
    expect([`${V1}00001`, `${V2}00002`]).toContain(field('phone').source);

    const into = await bureau.inject({ method: 'GET', url: `${url}?into=${V2}00002` });
    expect(into.json().survivorRecordNo).toBe(`${V2}00002`);
    const notInSet = await bureau.inject({ method: 'GET', url: `${url}?into=nobody` });
    expect([notInSet.statusCode, notInSet.json().field]).toEqual([400, 'into']);
    expect((await other.inject({ method: 'GET', url })).statusCode).toBe(403);
    expect((await viewer.inject({ method: 'GET', url })).statusCode).toBe(403);
  });

  it('merges as the signed-in user and shows the merge log without personal values', async () => {
    const sets = await bureau.inject({ method: 'GET', url: '/api/audits/duplicate-sets?org=620881' });
    const setId = sets.json().items[0].id as number;
    const named = await bureau.inject({
      method: 'POST',
      url: `/api/audits/duplicate-sets/${setId}/merge`,
      payload: { by: '档案员' },
    });
    expect(named.statusCode).toBe(400);
    expect(
      (await other.inject({ method: 'POST', url: `/api/audits/duplicate-sets/${setId}/merge`, payload: {} }))
        .statusCode,
    ).toBe(403);

    const merge = await bureau.inject({
      method: 'POST',
      url: `/api/audits/duplicate-sets/${setId}/merge`,
      payload: { prefer: { phone: `${V2}00002` } },
    });
    expect(merge.statusCode).toBe(200);
    expect(merge.json()).toMatchObject({ survivorRecordNo: `${V1}00001`, movedServices: 1 });
    const log = await bureau.inject({ method: 'GET', url: `/api/audits/merges/${merge.json().mergeId}` });
    expect(log.json()).toMatchObject({ mergedBy: bureau.username, fieldSources: { phone: `${V2}00002` } });
    const logs = await bureau.inject({ method: 'GET', url: '/api/audits/merges' });
    expect(logs.json()).toHaveLength(1);
    expectNoPersonalValues('merges', logs.body);
    expect((await other.inject({ method: 'GET', url: '/api/audits/merges' })).json()).toEqual([]);
  });

  describe('scope and roles', () => {
    it('refuses a bureau of 620802 the findings of 620881 (403) and never lists them', async () => {
      const [item] = await findingsOf(bureau, 'org=620881');
      for (const url of [
        '/api/audits/findings?org=620881',
        '/api/audits/duplicate-sets?org=620881',
        '/api/audits/merges?org=620881',
        '/api/audits/counts?org=620881',
        `/api/audits/findings/${item!.id}`,
      ]) {
        const res = await other.inject({ method: 'GET', url });
        expect(res.statusCode, url).toBe(403);
        expectNoPersonalValues(url, res.body);
      }
      const resolve = await other.inject({
        method: 'POST',
        url: `/api/audits/findings/${item!.id}/resolve`,
        payload: {},
      });
      expect(resolve.statusCode).toBe(403);
      const run = await other.inject({
        method: 'POST',
        url: '/api/audits/runs',
        payload: { orgCode: '620881' },
      });
      expect(run.statusCode).toBe(403);

      const own = await findingsOf(other, '');
      expect(own.map((i) => i.rule)).toContain('id_problems');
      expect(own.every((i) => i.org.startsWith('620802'))).toBe(true);
      const sets = await other.inject({ method: 'GET', url: '/api/audits/duplicate-sets?status=all' });
      expect(sets.json().items).toEqual([]);
      const refused = await withTrailTables(t.db.kysely)
        .selectFrom('access_trail')
        .select('outcome')
        .where('actor', '=', other.username)
        .where('outcome', '=', 'refused')
        .execute();
      expect(refused.length).toBeGreaterThanOrEqual(7);
    });

    it('refuses a viewer every list of persons, and lets it read the counts', async () => {
      const [item] = await findingsOf(bureau, 'org=620881');
      for (const url of [
        '/api/audits/findings',
        '/api/audits/duplicate-sets',
        '/api/audits/merges',
        `/api/audits/findings/${item!.id}`,
      ]) {
        const res = await viewer.inject({ method: 'GET', url });
        expect(res.statusCode, url).toBe(403);
      }
      expect(
        (
          await viewer.inject({
            method: 'POST',
            url: `/api/audits/findings/${item!.id}/resolve`,
            payload: {},
          })
        ).statusCode,
      ).toBe(403);
      expect((await viewer.inject({ method: 'GET', url: '/api/audits/counts?org=620881' })).statusCode).toBe(
        200,
      );
    });

    it('writes every read of the work list to the access trail with its row count', async () => {
      const res = await centre.inject({
        method: 'GET',
        url: '/api/audits/findings?org=620881100&status=all',
      });
      const shown = (res.json() as { items: unknown[] }).items.length;
      expect(shown).toBeGreaterThan(1);
      const sets = await centre.inject({ method: 'GET', url: '/api/audits/duplicate-sets?status=all' });
      const trail = await withTrailTables(t.db.kysely)
        .selectFrom('access_trail')
        .select(['action', 'row_count', 'org_code', 'outcome', 'role'])
        .where('actor', '=', centre.username)
        .where('action', 'in', ['findings.read', 'duplicate-sets.read'])
        .orderBy('id', 'desc')
        .limit(2)
        .execute();
      expect(trail).toEqual([
        {
          action: 'duplicate-sets.read',
          row_count: (sets.json() as { items: unknown[] }).items.length,
          org_code: '620881100',
          outcome: 'allowed',
          role: 'centre',
        },
        {
          action: 'findings.read',
          row_count: shown,
          org_code: '620881100',
          outcome: 'allowed',
          role: 'centre',
        },
      ]);
    });
  });

  it('lists the records of an unused_records finding on demand, masked, in the access trail', async () => {
    // 崆峒村's one resident has never been served (东华镇's were, once the set was merged).
    const unused = await findingsOf(other, 'rule=unused_records');
    const finding = unused.find((f) => f.org === K1)! as Item & { weight: number };
    expect(finding).toMatchObject({ resident: null, weight: 1, evidence: { noServiceSince: '2019-06-30' } });
    const url = `/api/audits/findings/${finding.id}/records`;
    const res = await other.inject({ method: 'GET', url: `${url}?pageSize=1` });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      org: K1,
      total: 1,
      items: [{ recordNo: `${K1}00005`, name: expect.stringMatching(/\*\*$/), lastService: null }],
    });
    expectNoPersonalValues(url, res.body);
    const [line] = await withTrailTables(t.db.kysely)
      .selectFrom('access_trail')
      .select(['action', 'object_id', 'row_count', 'org_code'])
      .where('actor', '=', other.username)
      .orderBy('id', 'desc')
      .limit(1)
      .execute();
    expect(line).toEqual({
      action: 'finding.records.read',
      object_id: String(finding.id),
      row_count: 1,
      org_code: K1,
    });

    expect((await bureau.inject({ method: 'GET', url })).statusCode).toBe(403);
    expect((await viewer.inject({ method: 'GET', url })).statusCode).toBe(403);
    const [notUnused] = await findingsOf(other, 'rule=id_problems');
    const wrongRule = await other.inject({
      method: 'GET',
      url: `/api/audits/findings/${notUnused!.id}/records`,
    });
    expect([wrongRule.statusCode, wrongRule.json().field]).toEqual([400, 'id']);
    expect(
      (await other.inject({ method: 'GET', url: '/api/audits/findings/999999/records' })).statusCode,
    ).toBe(404);
    expect((await other.inject({ method: 'GET', url: `${url}?pageSize=201` })).statusCode).toBe(400);
  });

  it('exports the records of an unused_records finding as Excel, masked, in the access trail', async () => {
    const [finding] = (await findingsOf(other, 'rule=unused_records')).filter((f) => f.org === K1);
    const url = `/api/audits/findings/${finding!.id}/records.xlsx`;
    const res = await other.inject({ method: 'GET', url });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(decodeURIComponent(String(res.headers['content-disposition']))).toContain('崆峒村-非动态使用档案');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(2).values).toEqual([
      undefined,
      '序号',
      '档案编号',
      '姓名',
      '身份证号',
      '最近更新',
      '最近服务',
    ]);
    const row = sheet.getRow(3).values as unknown[];
    expect(row.slice(1, 3)).toEqual([1, `${K1}00005`]);
    expect(String(row[3])).toMatch(/\*\*$/);
    expect(String(row[4])).toMatch(/^620802\*+\d{3}[\dX]$/);
    expect(sheet.rowCount).toBe(3);
    const [line] = await withTrailTables(t.db.kysely)
      .selectFrom('access_trail')
      .select(['action', 'row_count', 'org_code'])
      .where('actor', '=', other.username)
      .orderBy('id', 'desc')
      .limit(1)
      .execute();
    expect(line).toEqual({ action: 'finding.records.export', row_count: 1, org_code: K1 });
    expect((await bureau.inject({ method: 'GET', url })).statusCode).toBe(403);
    expect((await viewer.inject({ method: 'GET', url })).statusCode).toBe(403);
  });

  it('answers bad requests with 400 and a message naming the field', async () => {
    const unknownOrg = await bureau.inject({
      method: 'POST',
      url: '/api/audits/runs',
      payload: { orgCode: '620899' },
    });
    expect(unknownOrg.statusCode).toBe(400);
    expect(unknownOrg.json().message).toMatch(/620899/);
    const badRule = await bureau.inject({
      method: 'POST',
      url: '/api/audits/runs',
      payload: { rules: ['nope'] },
    });
    expect(badRule.statusCode).toBe(400);
    expect(badRule.json().message).toMatch(/rules/);
    const badK = await bureau.inject({
      method: 'POST',
      url: '/api/audits/runs',
      payload: { parameters: { identical_checkups: { k: 7 } } },
    });
    expect(badK.statusCode).toBe(400);
    const badPeriod = await bureau.inject({
      method: 'POST',
      url: '/api/audits/runs',
      payload: { period: '2020Q5' },
    });
    expect(badPeriod.statusCode).toBe(400);
    expect(badPeriod.json().message).toMatch(/period/);
    expect(badPeriod.json()).toMatchObject({
      field: 'period',
      en: expect.stringMatching(/^'2020Q5' is not understood/),
    });
    expect(badPeriod.json().zh).toMatch(/^「2020Q5」无法识别/);
  });

  it('documents the endpoints in OpenAPI, and that `by` comes from the session', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/api/docs/json' })).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/audits/runs',
        '/api/audits/findings',
        '/api/audits/duplicate-sets/{id}/merge',
      ]),
    );
    const resolve = doc.paths['/api/audits/findings/{id}/resolve'].post;
    expect(JSON.stringify(resolve)).toContain('a `by` field is refused');
    expect(Object.keys(resolve.requestBody.content['application/json'].schema.properties)).toEqual(['note']);
  });
});
