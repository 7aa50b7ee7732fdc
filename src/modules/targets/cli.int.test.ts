import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliRun } from '../../../test/run-cli.js';
import { openDatabase } from '../../db/database.js';
import { GongweiError } from '../../domain/gongwei-error.js';
import { YUMEN_FIXTURE_PATH } from '../../domain/targets/yumen-decomposition.fixture.js';
import { upsertOrgs } from '../orgs/org-repository.js';
import { upsertPopulation } from '../orgs/population-repository.js';
import { WHOLE_TREE } from '../orgs/org-scope.js';
import { registerTargetCommands } from './cli.js';
import { population2020 } from './targets.fixture.js';

// The CLI only translates arguments; the rules and repositories are tested on their own
// (and on both dialects). This runs the commands end to end on an SQLite file.
const dir = mkdtempSync(join(tmpdir(), 'gongwei-targets-cli-'));
const file = join(dir, 'cli.sqlite');

const run = (args: string[]): Promise<CliRun> => runCli(registerTargetCommands, args);
/** What the CLI records as "set by" / "created by": the local operator. */
const OPERATOR = `operator:${userInfo().username}`;

describe('gongwei targets / plan', () => {
  beforeAll(async () => {
    const db = await openDatabase({ file });
    const base = { provinceCode: '620000', cityCode: '620800', countyCode: '620881' };
    await db.kysely.transaction().execute(async (trx) => {
      await upsertOrgs(
        trx,
        [
          {
            code: '620881',
            name: '华亭市',
            level: 3,
            parentCode: '620800',
            ...base,
            townshipCode: null,
            urbanRural: 'urban',
          },
          {
            code: '620881100',
            name: '东华镇',
            level: 4,
            parentCode: '620881',
            ...base,
            townshipCode: '620881100',
            urbanRural: 'urban',
          },
          {
            code: '620881101',
            name: '马峡镇',
            level: 4,
            parentCode: '620881',
            ...base,
            townshipCode: '620881101',
            urbanRural: 'rural',
          },
        ],
        { keepUrbanRural: false },
      );
      const row = (orgCode: string, age65plus: number) =>
        population2020(orgCode, { total: age65plus * 10, age65plus });
      await upsertPopulation(trx, WHOLE_TREE, [
        row('620881', 300),
        row('620881100', 200),
        row('620881101', 100),
      ]);
    });
    await db.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('decomposes the Yumen fixture to JSON', async () => {
    const { out, error } = await run(['targets', 'decompose', '--input', YUMEN_FIXTURE_PATH]);
    expect(error).toBeNull();
    expect(JSON.parse(out).areas[0].indicators.hypertension.cumulative).toEqual([440, 880, 1465]);
  });

  it('checks a plan file and lists the findings with row and column', async () => {
    const csv = join(dir, 'plan.csv');
    writeFileSync(
      csv,
      '区域,x:全年,x:半年,x:进度,x:2011-04,x:2011-05,x:2011-06\n甲,2930,1465,30/30/40,440,879,1465\n',
    );
    const { out, error } = await run(['plan', 'check', '--input', csv]);
    expect(error).toBeNull();
    expect(out).toContain('发现 1 处不符');
    expect(out).toContain('第2行「x:2011-05」 甲 x：表中 stated 879，应为 computed 880');
  });

  it('computes a push plan from a file in every format, with a one-line error for a passed deadline', async () => {
    const csv = join(dir, 'push.csv');
    writeFileSync(csv, '单位,任务,目标数,已完成,负责人,联系电话\n东华镇,建档,100,40,王,0933\n');
    const args = ['plan', 'push', '--input', csv, '--as-of', '2020-02-28', '--deadline', '2020-02-29'];
    const json = await run([...args, '--format', 'json']);
    expect(JSON.parse(json.out).rows[0]).toMatchObject({ remaining: 60, daysLeft: 1, perDay: 60 });
    expect((await run([...args, '--format', 'csv'])).out).toContain('东华镇,建档,100,40,60,1,60,王,0933');
    const out = join(dir, 'push.xlsx');
    expect((await run([...args, '--format', 'xlsx', '--out', out])).error).toBeNull();
    expect(existsSync(out)).toBe(true);
    const noOut = await run([...args, '--format', 'docx']);
    expect(noOut.error).toBeInstanceOf(GongweiError);
    const passed = await run([
      'plan',
      'push',
      '--input',
      csv,
      '--as-of',
      '2020-03-01',
      '--deadline',
      '2020-02-29',
    ]);
    expect(passed.error).toBeInstanceOf(GongweiError);
    expect((passed.error as Error).message).toContain('has passed');
    const badDate = await run([
      'plan',
      'push',
      '--input',
      csv,
      '--as-of',
      '2021-02-29',
      '--deadline',
      '2021-03-01',
    ]);
    expect((badDate.error as Error).message).toContain('--as-of');
  });

  it('sets, splits and lists targets with their history, and pushes from the database', async () => {
    const set = await run([
      'targets',
      'set',
      '--db',
      file,
      '--org',
      '620881',
      '--indicator',
      'elderly.management_rate',
      '--year',
      '2020',
    ]);
    expect(set.error).toBeNull();
    expect(set.out).toContain('目标 target 240 = 基数 base 300 × 80.00%');
    // The history keeps who ran the command: the local operator, never a name given to it.
    expect(set.out).toContain(`by ${OPERATOR}`);
    const named = await run([
      'targets',
      'set',
      '--db',
      file,
      '--org',
      '620881',
      '--indicator',
      'x',
      '--year',
      '2020',
      '--by',
      '局',
    ]);
    expect(String(named.error)).toMatch(/unknown option '--by'/);
    const split = await run([
      'targets',
      'decompose',
      '--db',
      file,
      '--org',
      '620881',
      '--indicator',
      'elderly.management_rate',
      '--year',
      '2020',
    ]);
    expect(split.error).toBeNull();
    expect(JSON.parse(split.out).map((t: { target: number }) => t.target)).toEqual([160, 80]);
    const list = await run([
      'targets',
      'list',
      '--db',
      file,
      '--org',
      '620881',
      '--depth',
      '1',
      '--format',
      'json',
    ]);
    expect(JSON.parse(list.out)).toHaveLength(3);
    const history = await run([
      'targets',
      'list',
      '--db',
      file,
      '--org',
      '620881100',
      '--history',
      '--format',
      'csv',
    ]);
    expect(history.out.split('\n')[1]).toContain(
      `620881100,elderly.management_rate,2020,insert,200,0.8,160,${OPERATOR},`,
    );
    const push = await run([
      'plan',
      'push',
      '--db',
      file,
      '--org',
      '620881',
      '--period',
      '2020H1',
      '--as-of',
      '2020-06-10',
      '--save',
      '--format',
      'json',
    ]);
    expect(push.error).toBeNull();
    expect(JSON.parse(push.out)).toMatchObject({ doneAsOf: '2020-06-10', daysLeft: 20 });
    const snapshots = await run(['plan', 'history', '--db', file, '--org', '620881', '--format', 'json']);
    expect(JSON.parse(snapshots.out)).toHaveLength(1);
    const unknown = await run([
      'targets',
      'set',
      '--db',
      file,
      '--org',
      '620881',
      '--indicator',
      'x.y',
      '--year',
      '2020',
      '--rate',
      '50%',
    ]);
    expect(unknown.error).toBeInstanceOf(GongweiError);
  });

  it('schedules a push plan, runs its checkpoints once a day, lists the history and unschedules it', async () => {
    // The schedule is checked against the real clock: its deadline must be ahead.
    const scheduled = await run([
      'plan',
      'schedule',
      '--db',
      file,
      '--org',
      '620881',
      '--period',
      '2020H1',
      '--deadline',
      '2099-06-30',
      '--days',
      'working',
      '--holidays',
      '2020-06-25,2020-06-26',
    ]);
    expect(scheduled.error).toBeNull();
    const id = /schedule #(\d+)/.exec(scheduled.out)?.[1];
    expect(id).toBeDefined();
    const runAt = (day: string) => run(['plan', 'run-checkpoints', '--db', file, '--as-of', day]);
    expect((await runAt('2020-06-20')).out).toMatch(
      new RegExp(`^#${id} 2020-06-20 已保存 saved: snapshot \\d+`),
    );
    expect((await runAt('2020-06-20')).out).toMatch(/already run today/);
    expect((await runAt('2020-06-21')).out).toMatch(/not a checkpoint; 下一个 next: 2020-06-30/);
    const history = await run(['plan', 'history', '--db', file, '--org', '620881', '--format', 'json']);
    expect(
      JSON.parse(history.out).map((s: { asOf: string; createdBy: string }) => [s.asOf, s.createdBy]),
    ).toContainEqual(['2020-06-20', `定时任务 schedule #${id}`]);
    const listed = await run(['plan', 'schedules', '--db', file, '--format', 'json']);
    expect(JSON.parse(listed.out)).toEqual([
      expect.objectContaining({ id: Number(id), active: true, lastRunOn: '2020-06-20', createdBy: OPERATOR }),
    ]);
    expect((await run(['plan', 'unschedule', '--db', file, id!])).out).toMatch(/stopped/);
    const again = await run(['plan', 'unschedule', '--db', file, id!]);
    expect(again.error).toBeInstanceOf(GongweiError);
    expect((again.error as Error).message).toMatch(/no active schedule/);
    const badDeadline = await run([
      'plan',
      'schedule',
      '--db',
      file,
      '--org',
      '620881',
      '--period',
      '2020H1',
      '--deadline',
      '2099-02-30',
    ]);
    expect(badDeadline.error).toBeInstanceOf(GongweiError);
    expect((badDeadline.error as Error).message).toMatch(/--deadline/);
    const badDay = await run(['plan', 'run-checkpoints', '--db', file, '--as-of', 'tomorrow']);
    expect((badDay.error as Error).message).toMatch(/--as-of/);
  });
});
