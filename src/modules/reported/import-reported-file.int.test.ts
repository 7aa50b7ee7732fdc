import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/databases.js';
import { runCli } from '../../../test/run-cli.js';
import { openDatabase } from '../../db/database.js';
import { insertOrgTree, TOWNSHIP, V1, V2 } from '../indicators/indicators.fixture.js';
import { WHOLE_TREE } from '../orgs/org-scope.js';
import { registerReportedCommands } from './cli.js';
import { importReportedFile } from './import-reported-file.js';
import { listReportedValues } from './reported-repository.js';

const dir = mkdtempSync(join(tmpdir(), 'gongwei-reported-'));
const actor = { by: 'tester', at: '2020-07-05T08:00:00.000Z' };

function csv(name: string, lines: readonly string[]): string {
  const path = join(dir, name);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

const HEADER = '单位编码,时期,指标,分子,分母,数值,来源';

describeEachDialect('import of reported values', (t) => {
  beforeAll(async () => insertOrgTree(t.db.kysely));

  it('stores nothing when one row is bad, naming each bad cell by row and column', async () => {
    const path = csv('bad.csv', [
      '2020年第二季度传染病报告情况',
      HEADER,
      `${V1},2020Q2,传染病疫情报告率,19,20,,传染病报告信息管理系统`,
      `${V2},2020Q2,传染病疫情报告及时率,21,20,,传染病报告信息管理系统`,
      `${V2},2020Q2,居民健康素养水平,,,二十,2020年健康素养监测`,
    ]);
    const error = await importReportedFile(t.db, WHOLE_TREE, path, actor).catch((e: unknown) => e);
    expect(error).toMatchObject({ issues: [expect.objectContaining({ field: '第5行「数值」' })] });
    const rules = csv('rules.csv', [
      HEADER,
      `${V1},2020Q2,传染病疫情报告率,19,20,,传染病报告信息管理系统`,
      `${V2},2020Q2,传染病疫情报告及时率,21,20,,传染病报告信息管理系统`,
      `${V2},2020Q2,居民健康素养水平,,,23.1%,2020年健康素养监测`,
    ]);
    const second = await importReportedFile(t.db, WHOLE_TREE, rules, actor).catch((e: unknown) => e);
    expect(second).toMatchObject({
      issues: [
        expect.objectContaining({ field: '第3行「分子」' }),
        expect.objectContaining({ field: '第4行「时期」' }),
      ],
    });
    expect(await listReportedValues(t.db.kysely, WHOLE_TREE)).toEqual([]);
  });

  it('imports an .xlsx with a title row and a total row, indicators by id or Chinese name', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('上报');
    sheet.addRow(['城关镇2020年上半年上报指标']);
    sheet.addRow(HEADER.split(','));
    sheet.addRow([V1, '2020H1', 'health_supervision.report_rate', 9, 10, null, '卫生监督协管信息报告登记']);
    sheet.addRow([V2, '2020H1', '卫生监督协管巡查次数', 14, null, null, '卫生监督协管巡查登记']);
    sheet.addRow([TOWNSHIP, '2020H1', '居民健康素养水平', null, null, '21.5%', '2020年健康素养监测']);
    sheet.addRow(['合计', null, null, 23, 10, null, null]);
    const path = join(dir, 'good.xlsx');
    await book.xlsx.writeFile(path);
    const r = await importReportedFile(t.db, WHOLE_TREE, path, actor);
    expect(r).toEqual({ rows: 3, inserted: 3, updated: 0, unchanged: 0 });
    const rows = await listReportedValues(t.db.kysely, WHOLE_TREE, { period: '2020H1' });
    expect(rows.map((x) => [x.orgCode, x.indicator, x.numerator, x.denominator, x.percent])).toEqual([
      [TOWNSHIP, 'health_literacy.level', null, null, 21.5],
      [V1, 'health_supervision.report_rate', 9, 10, null],
      [V2, 'health_supervision.inspections', 14, null, null],
    ]);
  });
});

describe('gongwei reported import | list', () => {
  const file = join(dir, 'cli.sqlite');
  beforeAll(async () => {
    const db = await openDatabase({ file });
    await insertOrgTree(db.kysely);
    await db.close();
  });

  it('imports a file and lists it; a bad file prints the cell and stores nothing', async () => {
    const bad = csv('cli-bad.csv', [HEADER, `${V1},2020Q2,传染病疫情报告率,-1,20,,传染病报告信息管理系统`]);
    const refused = await runCli(registerReportedCommands, ['reported', 'import', bad, '--db', file]);
    expect(String((refused.error as Error).message)).toContain('第2行「分子」');
    const good = csv('cli-good.csv', [HEADER, `${V1},2020Q2,传染病疫情报告率,19,20,,传染病报告信息管理系统`]);
    const done = await runCli(registerReportedCommands, ['reported', 'import', good, '--db', file]);
    expect(done.error).toBeNull();
    expect(done.out).toContain('新增1');
    const list = await runCli(registerReportedCommands, [
      'reported',
      'list',
      '--org',
      TOWNSHIP,
      '--db',
      file,
    ]);
    expect(list.error).toBeNull();
    expect(list.out).toContain('传染病疫情报告率\t19\t20\t95.00%');
    const key = ['--org', V1, '--period', '2020Q2', '--indicator', 'infectious_disease.report_rate'];
    const deleted = await runCli(registerReportedCommands, ['reported', 'delete', ...key, '--db', file]);
    expect(deleted.error).toBeNull();
    expect(deleted.out).toContain('已删除');
    const again = await runCli(registerReportedCommands, ['reported', 'delete', ...key, '--db', file]);
    expect(String((again.error as Error).message)).toContain('2020Q2');
    const empty = await runCli(registerReportedCommands, [
      'reported',
      'list',
      '--org',
      TOWNSHIP,
      '--db',
      file,
    ]);
    expect(empty.out).not.toContain('传染病疫情报告率');
  });
});
