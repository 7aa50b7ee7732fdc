import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/databases.js';
import { signInAs, type SignedInClient } from '../../../test/sign-in.js';
import { buildApp } from '../../server/app.js';
import { listTrail } from '../access-trail/trail-repository.js';
import { writeCsv, writeXlsx } from '../import/import.fixture.js';
import { recordNo, TOWNSHIP, V1, V2 } from '../indicators/indicators.fixture.js';
import { WHOLE_TREE } from '../orgs/org-scope.js';
import { buildData, CONTRACT_HEADER, CONTRACT_ROWS, R1, TEAM_LINES } from './contracts.fixture.js';

interface Row {
  contractNo: string;
  recordNo: string;
  name: string;
  idNumber: string | null;
  status: string;
  teamCode: string;
}

describeEachDialect('contract routes (/api/contracts)', (t) => {
  let app: FastifyInstance;
  let centre: SignedInClient;
  let team: SignedInClient;
  let viewer: SignedInClient;
  let bureau: SignedInClient;
  const dir = mkdtempSync(join(tmpdir(), 'gongwei-contract-routes-'));

  const upload = (client: SignedInClient, kind: string, file: string, name: string) =>
    client.inject({
      method: 'POST',
      url: `/api/contracts/import?kind=${kind}&file=${encodeURIComponent(name)}`,
      headers: { 'content-type': 'application/octet-stream' },
      payload: readFileSync(file),
    });
  const list = async (client: SignedInClient, query: string) => {
    const res = await client.inject({ method: 'GET', url: `/api/contracts?${query}` });
    return { status: res.statusCode, body: res.json() as { total: number; rows: Row[]; field?: string } };
  };
  const trailOf = (actor: string, action: string) =>
    listTrail(
      t.db.kysely,
      WHOLE_TREE,
      { fromAt: null, beforeAt: null, actor, action },
      { order: 'newest-first', beforeId: null, limit: 10 },
    );

  beforeAll(async () => {
    await buildData(t.db);
    app = await buildApp({ db: t.db, backgroundJobs: false });
    centre = await signInAs(app, t.db, 'centre', TOWNSHIP);
    team = await signInAs(app, t.db, 'team', V2);
    viewer = await signInAs(app, t.db, 'viewer', '620881');
    bureau = await signInAs(app, t.db, 'bureau', '620881');
  });
  afterAll(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('imports for contracts.write only; a file with bad rows lands nothing and names them', async () => {
    const teams = join(dir, 'teams.csv');
    writeCsv(teams, TEAM_LINES, 'gbk');
    for (const refused of [viewer, team, bureau])
      expect((await upload(refused, 'teams', teams, '团队.csv')).statusCode).toBe(403);
    const landedTeams = await upload(centre, 'teams', teams, '团队.csv');
    expect(landedTeams.statusCode).toBe(200);
    expect(landedTeams.json()).toMatchObject({ kind: 'teams', encoding: 'gbk', inserted: 2, landed: true });

    const bad = join(dir, 'bad.csv');
    writeCsv(
      bad,
      [
        CONTRACT_HEADER.join(','),
        `C1,${R1},T1,2019-04-01,,,,,,`,
        `C9,${recordNo(99, V1)},T1,2020-02-01,,,,,,`,
        `C10,${recordNo(3, V1)},T1,2020-02-01,,,黄金包,,,`,
        `C11,${recordNo(3, V1)},T1,2020-13-01,,,,,,`,
      ],
      'utf-8-bom',
    );
    const refused = await upload(centre, 'contracts', bad, '签约.csv');
    expect(refused.statusCode).toBe(200);
    const report = refused.json();
    expect(report).toMatchObject({ kind: 'contracts', rowsRead: 4, landed: false, inserted: 0, rejected: 3 });
    expect(
      report.rejections.map((r: { row: number; column: string; field: string }) => [
        r.row,
        r.column,
        r.field,
      ]),
    ).toEqual([
      [3, '档案编号', 'recordNo'],
      [4, '服务包', 'packageCode'],
      [5, '签约日期', 'signedDate'],
    ]);
    // Nothing landed, not even the valid first row.
    expect((await list(centre, `org=${TOWNSHIP}`)).body.total).toBe(0);
    expect((await upload(centre, 'contracts', bad, '签约.xls')).statusCode).toBe(400);
    // A teams file sent as contracts lacks the required columns: refused whole, naming them.
    const wrongKind = await upload(centre, 'contracts', teams, '团队.csv');
    expect(wrongKind.statusCode).toBe(400);
    expect(wrongKind.json().message).toContain('签约编号');

    const good = join(dir, 'contracts.xlsx');
    await writeXlsx(good, [CONTRACT_HEADER, ...CONTRACT_ROWS]);
    const landed = await upload(centre, 'contracts', good, '签约.xlsx');
    expect(landed.json()).toMatchObject({ landed: true, inserted: 7, renewals: 1, rejections: [] });
    const imports = await trailOf(centre.username, 'contracts.import');
    expect(imports.map((r) => [r.object_id, r.row_count])).toEqual([
      ['contracts', 7],
      ['contracts', 4],
      ['teams', 2],
    ]);
  });

  it('lists contracts masked: names to the family name, ID numbers to region and last 4; none for a viewer', async () => {
    const byCentre = await list(centre, `org=${TOWNSHIP}&asOf=2020-06-30`);
    expect(byCentre.status).toBe(200);
    expect(byCentre.body.total).toBe(7);
    const c2 = byCentre.body.rows.find((r) => r.contractNo === 'C2')!;
    // 居民1, born 1950-01-01: ID 620881195001010011.
    expect(c2).toMatchObject({
      recordNo: R1,
      name: '居**',
      idNumber: '620881********0011',
      status: 'active',
    });
    // A list of people: the viewer (aggregates only, never personal data) is refused it.
    expect((await list(viewer, `org=${TOWNSHIP}&asOf=2020-06-30`)).status).toBe(403);
    const text = JSON.stringify(byCentre.body);
    expect(text).not.toMatch(/居民\d/);
    expect(text).not.toContain('19500101');
    // Statuses on the day, filters and paging.
    const statuses = Object.fromEntries(byCentre.body.rows.map((r) => [r.contractNo, r.status]));
    expect(statuses).toEqual({
      C1: 'expired',
      C2: 'active',
      C3: 'active',
      C4: 'active',
      C5: 'expired',
      C6: 'terminated',
      C7: 'active',
    });
    expect((await list(centre, `org=${TOWNSHIP}&asOf=2020-06-30&status=active`)).body.total).toBe(4);
    expect(
      (await list(centre, `org=${TOWNSHIP}&asOf=2020-06-29&status=pending`)).body.rows.map(
        (r) => r.contractNo,
      ),
    ).toEqual(['C4']);
    const t2 = await list(centre, `org=${TOWNSHIP}&team=T2`);
    expect(t2.body.rows.map((r) => r.contractNo)).toEqual(['C7', 'C6']);
    const paged = await list(centre, `org=${TOWNSHIP}&limit=2&offset=2`);
    expect(paged.body.total).toBe(7);
    expect(paged.body.rows).toHaveLength(2);
    const unknownTeam = await list(centre, `org=${TOWNSHIP}&team=T-NONE`);
    expect([unknownTeam.status, unknownTeam.body.field]).toEqual([404, 'team']);
    // Every page is in the access trail with its row count.
    const trail = await trailOf(centre.username, 'contracts.read');
    expect(trail).toContainEqual(
      expect.objectContaining({
        outcome: 'allowed',
        object_type: 'contract-list',
        org_code: TOWNSHIP,
        row_count: 7,
      }),
    );
    expect(trail[0]).toMatchObject({ row_count: 2 });
  });

  it("confines everything to the caller's scope: beside it 403, unknown 404", async () => {
    // A team user at the second village: its township narrows to its village.
    const own = await list(team, `org=${TOWNSHIP}&asOf=2020-06-30`);
    expect(own.body.rows.map((r) => r.contractNo).sort()).toEqual(['C6', 'C7']);
    const beside = await list(team, `org=${V1}`);
    expect([beside.status, beside.body.field]).toEqual([403, 'org']);
    expect((await trailOf(team.username, 'GET /api/contracts'))[0]).toMatchObject({ outcome: 'refused' });
    const unknown = await list(centre, 'org=620881999');
    expect([unknown.status, unknown.body.field]).toEqual([404, 'org']);
    const indicatorsBeside = await team.inject({
      method: 'GET',
      url: `/api/contracts/indicators?org=${V1}&period=2020H1`,
    });
    expect(indicatorsBeside.statusCode).toBe(403);
    // The team sees its own team (of the township centre above it) and no other.
    const teams = await team.inject({ method: 'GET', url: '/api/contracts/teams' });
    expect(teams.json().map((x: { code: string }) => x.code)).toEqual(['T2']);
    const all = await centre.inject({ method: 'GET', url: `/api/contracts/teams?org=${TOWNSHIP}` });
    expect(all.json()).toMatchObject([
      { code: 'T1', members: [{ name: '张伟', role: 'doctor' }, {}, {}], villages: [V1] },
      { code: 'T2', villages: [V2] },
    ]);
    // Members are people: not for a viewer.
    const viewed = await viewer.inject({ method: 'GET', url: `/api/contracts/teams?org=${TOWNSHIP}` });
    expect(viewed.statusCode).toBe(403);
  });

  it('answers the indicators of an org and its children for a period, to a viewer too (aggregates)', async () => {
    const res = await viewer.inject({
      method: 'GET',
      url: `/api/contracts/indicators?org=${TOWNSHIP}&period=2020H1`,
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.period).toBe('2020H1');
    expect(body.rows.map((r: { orgCode: string }) => r.orgCode)).toEqual([TOWNSHIP, V1, V2]);
    const value = (org: string, id: string) =>
      body.rows
        .find((r: { orgCode: string }) => r.orgCode === org)
        .values.find((v: { id: string }) => v.id === id);
    expect(value(TOWNSHIP, 'contract_rate')).toEqual({
      id: 'contract_rate',
      numerator: 4,
      denominator: 20,
      value: 20,
    });
    expect(value(V1, 'contract_rate_key')).toMatchObject({ numerator: 2, denominator: 4, value: 50 });
    expect(value(V2, 'renewal_rate')).toMatchObject({ denominator: 0, value: null });
    expect(body.indicators[0]).toMatchObject({ id: 'contract_rate', name: { zh: '家庭医生签约率' } });
    const bad = await viewer.inject({
      method: 'GET',
      url: `/api/contracts/indicators?org=${TOWNSHIP}&period=2020H3`,
    });
    expect([bad.statusCode, bad.json().field]).toEqual([400, 'period']);
  });
});
