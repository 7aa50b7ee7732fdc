import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/database.js';
import { insertFixtureOrgs } from '../records/records.fixture.js';
import { RESIDENT_HEADER, recordNoOf, residentLine, writeCsv } from './import.fixture.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

// The command itself (argument handling, exit codes, output); the import logic is tested on both dialects elsewhere.
describe('gongwei import (command line)', () => {
  let dir = '';
  let dbFile = '';
  const gongwei = (...args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', join(root, 'src/cli/main.ts'), ...args, '--db', dbFile], {
      cwd: root,
      encoding: 'utf8',
    });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'gongwei-cli-'));
    dbFile = join(dir, 'db.sqlite');
    const db = await openDatabase({ file: dbFile });
    await insertFixtureOrgs(db.kysely);
    await db.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('exits with 1 and a JSON report when rows are refused, with ID numbers masked', () => {
    writeCsv(
      join(dir, 'bad.csv'),
      [
        RESIDENT_HEADER,
        residentLine(1),
        `${recordNoOf(2)},6.20881195501E+17,居民2,女,1955-02-30,13809331234,2018-03-15`,
      ],
      'utf-8',
    );
    const run = gongwei('import', 'residents', join(dir, 'bad.csv'), '--format', 'json');
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report).toMatchObject({ rowsRead: 2, rejected: 1, landed: false, inserted: 0 });
    expect(report.rejections.map((r: { column: string; value: string }) => [r.column, r.value])).toEqual([
      ['身份证号', '6.2088*******E+17'],
      ['出生日期', '1955-02-30'],
    ]);
    expect(run.stdout).not.toContain('6.20881195501E+17');
  });

  it('prints a Chinese and English table and exits with 0 when everything lands', () => {
    writeCsv(join(dir, 'good.csv'), [RESIDENT_HEADER, residentLine(1), residentLine(2)], 'gbk');
    const run = gongwei('import', 'enrolments', join(dir, 'good.csv'));
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/缺少必需的列/);
    const ok = gongwei('import', 'residents', join(dir, 'good.csv'));
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain('新增 Inserted:       2');
    expect(ok.stdout).toContain('导入成功');
  });

  it('refuses an unknown kind with a one-line reason', () => {
    const run = gongwei('import', 'people', join(dir, 'good.csv'));
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });
});
