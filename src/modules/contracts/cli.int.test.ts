import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runCli } from '../../../test/run-cli.js';
import { openMaintainedDatabase } from '../../composition/maintained-database.js';
import { GongweiError } from '../../domain/gongwei-error.js';
import { listTrail } from '../access-trail/trail-repository.js';
import { writeCsv, writeXlsx } from '../import/import.fixture.js';
import { recordNo, TOWNSHIP, V1, V2 } from '../indicators/indicators.fixture.js';
import { WHOLE_TREE } from '../orgs/org-scope.js';
import { registerContractCommands } from './cli.js';
import { buildData, CONTRACT_HEADER, CONTRACT_ROWS, R1, TEAM_LINES, TODAY } from './contracts.fixture.js';

let dir = '';
let file = '';
const run = (...args: string[]) => runCli(registerContractCommands, ['contracts', ...args, '--db', file]);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'gongwei-contracts-cli-'));
  file = join(dir, 'county.sqlite');
  const db = await openMaintainedDatabase({ file }, { create: true });
  try {
    await buildData(db);
  } finally {
    await db.close();
  }
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('`contracts import` lands teams, refuses a contracts file with a bad row (nothing stored, exit status), then lands it fixed', async () => {
  const teams = join(dir, 'teams.csv');
  writeCsv(teams, TEAM_LINES, 'gbk');
  const landed = await run('import', 'teams', teams);
  expect(landed.error).toBeNull();
  expect(landed.out).toMatch(/读取 2 行，新增 2，更新 0/);

  const bad = join(dir, 'bad.csv');
  writeCsv(
    bad,
    [CONTRACT_HEADER.join(','), `C1,${R1},T1,2019-04-01,,,,,,`, `C9,${recordNo(3, V1)},T2,2020-02-01,,,,,,`],
    'utf-8',
  );
  const refused = await run('import', 'contracts', bad, '--today', TODAY);
  expect(refused.error).toBeInstanceOf(GongweiError);
  expect((refused.error as GongweiError).code).toBe('unprocessable');
  expect(refused.out).toContain('第3行 团队编号：该团队不服务居民所在村（居）');
  expect((await run('list', '--org', TOWNSHIP)).out).toMatch(/共 0 条/);

  const good = join(dir, 'contracts.xlsx');
  await writeXlsx(good, [CONTRACT_HEADER, ...CONTRACT_ROWS]);
  const ok = await run('import', 'contracts', good, '--today', TODAY, '--format', 'json');
  expect(ok.error).toBeNull();
  expect(JSON.parse(ok.out)).toMatchObject({ landed: true, inserted: 7, renewals: 1 });
  const wrongKind = await run('import', 'people', good);
  expect((wrongKind.error as GongweiError).field).toBe('<kind>');
});

it('`contracts list` pages and filters, residents masked; `contracts teams` lists the teams', async () => {
  const table = await run('list', '--org', TOWNSHIP, '--as-of', '2020-06-30', '--status', 'active');
  expect(table.error).toBeNull();
  const lines = table.out.trim().split('\n');
  expect(lines[0]).toBe(`签约名单 ${TOWNSHIP} 2020-06-30 · 共 4 条`);
  expect(lines).toHaveLength(2 + 4);
  expect(table.out).not.toMatch(/居民\d/);
  const csv = await run('list', '--org', V2, '--as-of', '2020-06-30', '--format', 'csv');
  expect(csv.out.trim().split('\n').slice(1)).toEqual([
    expect.stringMatching(
      /^C7,620881100202\d{5},居\*\*,620881\*{8}0071,T2,2020-05-01,2021-04-30,基础服务包,残疾人,否,履约中$/,
    ),
    expect.stringMatching(/^C6,.*,已解约$/),
  ]);
  const badStatus = await run('list', '--org', TOWNSHIP, '--status', 'signed');
  expect((badStatus.error as GongweiError).field).toBe('--status');
  const unknownOrg = await run('list', '--org', '620881999');
  expect((unknownOrg.error as GongweiError).code).toBe('not_found');
  const teams = await run('teams', '--org', TOWNSHIP);
  expect(
    teams.out
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split('\t')[0]),
  ).toEqual(['T1', 'T2']);
});

it('`contracts indicators` prints the org and its children with rates as percent', async () => {
  const table = await run('indicators', '--org', TOWNSHIP, '--period', '2020H1');
  expect(table.error).toBeNull();
  const lines = table.out.trim().split('\n');
  expect(lines[1]!.split('\t').slice(0, 4)).toEqual(['机构编码', '机构', '家庭医生签约率', '重点人群签约率']);
  expect(lines.slice(2).map((l) => l.split('\t')[0])).toEqual([TOWNSHIP, V1, V2]);
  expect(lines[2]!.split('\t')[2]).toBe('20.0% (4/20)');
  const bad = await run('indicators', '--org', TOWNSHIP, '--period', '2020H3');
  expect((bad.error as GongweiError).field).toBe('period');

  const db = await openMaintainedDatabase({ file }, { create: false });
  try {
    const trail = await listTrail(
      db.kysely,
      WHOLE_TREE,
      { fromAt: null, beforeAt: null, action: 'cli contracts list' },
      { order: 'newest-first', beforeId: null, limit: 10 },
    );
    expect(trail.length).toBeGreaterThanOrEqual(3);
  } finally {
    await db.close();
  }
});
