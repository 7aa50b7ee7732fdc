import type { FastifyInstance } from 'fastify';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/databases.js';
import { signInAs, type SignedInClient } from '../../../test/sign-in.js';
import { buildApp } from '../../server/app.js';
import { listTrail } from '../access-trail/trail-repository.js';
import { generateDemo } from '../demo/generate-demo.js';
import { subtreeScope, WHOLE_TREE } from '../orgs/org-scope.js';
import { FIXTURE_ORGS, fixtureResident, insertFixtureOrgs } from '../records/records.fixture.js';
import { upsertTeams } from '../contracts/contracts-repository.js';
import { dueList } from './due-list.js';
import { teamVillages } from './team-villages.js';

const AS_OF = '2020-06-30';

describeEachDialect('due list (随访提醒) on hand-built records', (t) => {
  let app: FastifyInstance;
  let team: SignedInClient;
  let centre: SignedInClient;
  const no = (seq: number): string => fixtureResident(seq).recordNo;
  beforeAll(async () => {
    await insertFixtureOrgs(t.db.kysely);
    app = await buildApp({ db: t.db, backgroundJobs: false });
    const admin = await signInAs(app, t.db, 'admin', FIXTURE_ORGS.county);
    const write = async (url: string, payload: unknown): Promise<void> => {
      const res = await admin.inject({ method: 'POST', url, payload: payload as object });
      if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
    };
    await write('/api/residents', [
      fixtureResident(1, { name: '张三', birthDate: '1960-02-02' }),
      fixtureResident(2, { name: '李四', birthDate: '1962-03-03' }),
      fixtureResident(3, { name: '王五', birthDate: '1950-01-01' }),
      fixtureResident(4, { name: '赵六', birthDate: '1975-05-05', deathDate: '2020-05-01' }),
      fixtureResident(5, {
        name: '钱七',
        birthDate: '1990-01-01',
        orgCode: FIXTURE_ORGS.otherVillage,
        recordNo: `${FIXTURE_ORGS.otherVillage}00005`,
      }),
    ]);
    await write('/api/enrollments', [
      { recordNo: no(1), program: 'hypertension', startDate: '2018-05-01' },
      { recordNo: no(2), program: 'diabetes', startDate: '2018-05-01' },
      { recordNo: no(4), program: 'hypertension', startDate: '2018-05-01' },
      { recordNo: `${FIXTURE_ORGS.otherVillage}00005`, program: 'tuberculosis', startDate: '2020-06-01' },
    ]);
    const followup = (recordNo: string, type: string, date: string, controlled: boolean, doctor: string) => ({
      recordNo,
      type,
      serviceDate: date,
      doctor,
      payload:
        type === 'hypertension_followup'
          ? {
              sbp: controlled ? 130 : 160,
              dbp: 80,
              heartRate: null,
              controlled,
              guidance: true,
              medicationAdherence: null,
              symptoms: null,
            }
          : {
              fastingGlucose: controlled ? 6.1 : 9.5,
              controlled,
              guidance: true,
              medicationAdherence: null,
              symptoms: null,
            },
    });
    await write('/api/services', [
      // Due on 2020-06-30 exactly (3 months after 2020-03-30... clamped: 03-31 + 3 months = 06-30).
      followup(no(1), 'hypertension_followup', '2020-03-31', true, '刘医生'),
      // Uncontrolled on 06-10: due 06-24, 6 days overdue.
      followup(no(2), 'diabetes_followup', '2020-06-10', false, '陈医生'),
    ]);
    team = await signInAs(app, t.db, 'team', FIXTURE_ORGS.village);
    centre = await signInAs(app, t.db, 'centre', FIXTURE_ORGS.township);
  });
  afterAll(async () => app?.close());

  it('lists who is due, most overdue first, the dead left out', async () => {
    const rows = await dueList(t.db.kysely, WHOLE_TREE, { asOf: AS_OF, services: [], windowDays: 0 });
    expect(rows.map((r) => [r.resident.recordNo, r.service, r.daysOverdue])).toEqual([
      // Never checked up since turning 65 in 2015: owed this year's check-up only, since 1 January.
      [no(3), 'elderly_checkup', 181],
      [`${FIXTURE_ORGS.otherVillage}00005`, 'tb_followup', 26],
      [no(2), 'diabetes_followup', 6],
      [no(1), 'hypertension_followup', 0],
    ]);
  });

  it('keeps to the scope, the service asked, the doctor and the window', async () => {
    const village = subtreeScope({ code: FIXTURE_ORGS.village, level: 5, countyCode: FIXTURE_ORGS.county });
    const inVillage = await dueList(t.db.kysely, village, { asOf: AS_OF, services: [], windowDays: 0 });
    expect(inVillage.map((r) => r.resident.recordNo)).not.toContain(`${FIXTURE_ORGS.otherVillage}00005`);
    const chronic = await dueList(t.db.kysely, WHOLE_TREE, {
      asOf: '2020-06-29',
      services: ['hypertension_followup'],
      windowDays: 0,
    });
    expect(chronic).toEqual([]);
    const ahead = await dueList(t.db.kysely, WHOLE_TREE, {
      asOf: '2020-06-29',
      services: ['hypertension_followup'],
      windowDays: 1,
    });
    expect(ahead.map((r) => r.daysOverdue)).toEqual([-1]);
    const byDoctor = await dueList(t.db.kysely, WHOLE_TREE, {
      asOf: AS_OF,
      services: [],
      windowDays: 0,
      doctor: '陈医生',
    });
    expect(byDoctor.map((r) => r.resident.recordNo)).toEqual([no(2)]);
  });

  it('keeps a family-doctor team to the villages it serves', async () => {
    await upsertTeams(t.db.kysely, [
      {
        code: 'T-OTHER',
        name: '二号团队',
        institutionCode: FIXTURE_ORGS.township,
        members: [],
        villages: [FIXTURE_ORGS.otherVillage],
      },
    ]);
    const villages = await teamVillages(t.db.kysely, WHOLE_TREE, 'T-OTHER');
    const rows = await dueList(t.db.kysely, WHOLE_TREE, {
      asOf: AS_OF,
      services: [],
      windowDays: 0,
      villages,
    });
    expect(rows.map((r) => r.resident.recordNo)).toEqual([`${FIXTURE_ORGS.otherVillage}00005`]);

    const res = await centre.inject({
      method: 'GET',
      url: `/api/due?org=${FIXTURE_ORGS.township}&asOf=${AS_OF}&team=T-OTHER`,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().rows.map((r: { recordNo: string }) => r.recordNo)).toEqual([
      `${FIXTURE_ORGS.otherVillage}00005`,
    ]);
    const unknown = await centre.inject({
      method: 'GET',
      url: `/api/due?org=${FIXTURE_ORGS.township}&asOf=${AS_OF}&team=T-NONE`,
    });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ field: 'team' });
  });

  it('answers GET /api/due within the caller scope, masked as a list, in the access trail', async () => {
    const res = await team.inject({
      method: 'GET',
      url: `/api/due?org=${FIXTURE_ORGS.village}&asOf=${AS_OF}`,
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.total).toBe(3);
    expect(body.rows[0]).toMatchObject({
      recordNo: no(3),
      name: '王**',
      phone: '138****1234',
      age: 70,
      service: 'elderly_checkup',
    });
    const beside = await team.inject({
      method: 'GET',
      url: `/api/due?org=${FIXTURE_ORGS.otherVillage}&asOf=${AS_OF}`,
    });
    expect(beside.statusCode).toBe(403);
    const page = await centre.inject({
      method: 'GET',
      url: `/api/due?org=${FIXTURE_ORGS.township}&asOf=${AS_OF}&service=diabetes_followup&service=tb_followup&limit=1`,
    });
    expect(page.json()).toMatchObject({ total: 2, rows: [{ service: 'tb_followup', daysOverdue: 26 }] });
    const bad = await centre.inject({
      method: 'GET',
      url: `/api/due?org=${FIXTURE_ORGS.township}&asOf=2020-02-30`,
    });
    expect(bad.statusCode).toBe(400);
    const trail = await listTrail(
      t.db.kysely,
      WHOLE_TREE,
      { fromAt: null, beforeAt: null, actor: team.username, action: 'due.read' },
      { order: 'newest-first', beforeId: null, limit: 10 },
    );
    expect(trail[0]).toMatchObject({ outcome: 'allowed', row_count: 3 });
  });

  it('exports the list as Excel for personal.export only, in the access trail', async () => {
    const refused = await team.inject({
      method: 'GET',
      url: `/api/due.xlsx?org=${FIXTURE_ORGS.village}&asOf=${AS_OF}`,
    });
    expect(refused.statusCode).toBe(403);
    const res = await centre.inject({
      method: 'GET',
      url: `/api/due.xlsx?org=${FIXTURE_ORGS.township}&asOf=${AS_OF}`,
    });
    expect(res.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(String(sheet.getCell(1, 1).value)).toBe('随访提醒 城关镇 2020年6月30日');
    expect(sheet.getRow(3).getCell(3).value).toBe('王五');
    expect(sheet.rowCount).toBe(6);
    const trail = await listTrail(
      t.db.kysely,
      WHOLE_TREE,
      { fromAt: null, beforeAt: null, actor: centre.username, action: 'due.export' },
      { order: 'newest-first', beforeId: null, limit: 10 },
    );
    expect(trail[0]).toMatchObject({ outcome: 'allowed', row_count: 4 });
  });
});

describeEachDialect('due list on the small demo, 2020-06-30', (t) => {
  beforeAll(async () => {
    await generateDemo(t.db, { scale: 'small', seed: 7, fraction: 1 / 2000, residentsPerBatch: 500 });
  }, 240_000);

  describe('a county', () => {
    it('is plausible: every service appears, and not everyone is overdue', async () => {
      const county = subtreeScope({ code: '620881', level: 3, countyCode: '620881' });
      const rows = await dueList(t.db.kysely, county, { asOf: AS_OF, services: [], windowDays: 14 });
      const counts = new Map<string, { due: number; soon: number }>();
      for (const r of rows) {
        const c = counts.get(r.service) ?? { due: 0, soon: 0 };
        if (r.daysOverdue >= 0) c.due += 1;
        else c.soon += 1;
        counts.set(r.service, c);
      }
      console.log(JSON.stringify(Object.fromEntries(counts)));
      expect(rows.length).toBeGreaterThan(0);
      for (let i = 1; i < rows.length; i += 1)
        expect(rows[i]!.daysOverdue).toBeLessThanOrEqual(rows[i - 1]!.daysOverdue);
    });
  });
});
