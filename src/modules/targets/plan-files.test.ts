import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Table } from '../../domain/targets/table-cells.js';
import {
  expectedFindingEssentials,
  findingEssentials,
  readYumenFixture,
  yumenPlanTable,
  YUMEN_FIXTURE_PATH,
} from '../../domain/targets/yumen-decomposition.fixture.js';
import { decompositionXlsx } from './decomposition-export.js';
import { checkPlanFile, decomposeFile, pushPlanFromFile } from './plan-files.js';
import { pushPlanCsv, pushPlanDocx, pushPlanText, pushPlanXlsx } from './push-plan-export.js';

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'gongwei-targets-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function csvOf(table: Table): string {
  const quote = (v: unknown): string => {
    const text = v === null || v === undefined ? '' : String(v);
    return /[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  return (
    [table.headers, ...table.rows.map((r) => r.cells)].map((cells) => cells.map(quote).join(',')).join('\n') +
    '\n'
  );
}

async function xlsxOf(table: Table, path: string, title?: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('任务分解');
  if (title) sheet.addRow([title]);
  sheet.addRow([...table.headers]);
  for (const r of table.rows) sheet.addRow([...r.cells]);
  await workbook.xlsx.writeFile(path);
}

describe('Yumen end to end: decompose and check files', () => {
  const fixture = readYumenFixture();
  const expected = expectedFindingEssentials(fixture);

  it('decomposes the fixture file to its expected figures', () => {
    const result = decomposeFile(YUMEN_FIXTURE_PATH);
    fixture.areas.forEach((area, i) => {
      for (const [indicator, figures] of Object.entries(area.expected)) {
        const d = result.areas[i]?.indicators[indicator];
        expect({ annual: d?.annual, half: d?.half, cumulative: d?.cumulative }).toEqual(figures);
      }
    });
  });

  it('checks the paper table as .xlsx (with a title row) and finds exactly the expected findings', async () => {
    const path = join(dir, 'yumen.xlsx');
    await xlsxOf(yumenPlanTable(fixture), path, '玉门市城市基本公共卫生服务上半年任务分解方案');
    const report = await checkPlanFile(path, 0.5);
    expect(findingEssentials(report.findings)).toEqual(expected);
    // The title is row 1, so the header is row 2 and 新市区老城区 row 4.
    expect(report.findings[0]).toMatchObject({ row: 4, column: 'elderly:2011-05' });
  });

  it('checks the table as a bureau lays it out: indicators merged over two header rows, a 合计 row summed', async () => {
    const table = yumenPlanTable(fixture);
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('任务分解');
    sheet.addRow(['玉门市城市基本公共卫生服务上半年任务分解方案']);
    const groups = table.headers.map((h) => (h.includes(':') ? h.slice(0, h.indexOf(':')) : h));
    const subs = table.headers.map((h) => (h.includes(':') ? h.slice(h.indexOf(':') + 1) : null));
    sheet.addRow(groups.map((g, i) => (i > 0 && g === groups[i - 1] ? null : g)));
    sheet.addRow(subs);
    groups.forEach((g, i) => {
      if (subs[i] === null) sheet.mergeCells(2, i + 1, 3, i + 1);
      else if (i === 0 || groups[i - 1] !== g) {
        const last = groups.lastIndexOf(g);
        if (last > i) sheet.mergeCells(2, i + 1, 2, last + 1);
      }
    });
    for (const r of table.rows) sheet.addRow([...r.cells]);
    const annual = table.headers.indexOf('records:全年');
    const total = table.headers.map((_, i) => (i === 0 ? '合计' : null)) as (string | number | null)[];
    const sum = table.rows.reduce((acc, r) => acc + Number(r.cells[annual]), 0);
    total[annual] = sum + 1;
    sheet.addRow(total);
    const path = join(dir, 'yumen-two-row.xlsx');
    await workbook.xlsx.writeFile(path);

    const report = await checkPlanFile(path, 0.5);
    expect(report.areas).toBe(3);
    expect(findingEssentials(report.findings.filter((f) => f.field !== 'total'))).toEqual(expected);
    expect(report.findings.filter((f) => f.field === 'total')).toEqual([
      expect.objectContaining({
        row: 7,
        column: 'records:全年',
        area: '合计',
        stated: sum + 1,
        computed: sum,
      }),
    ]);
  });

  it('checks the same table as UTF-8 and as GBK CSV', async () => {
    const utf8 = join(dir, 'yumen.csv');
    writeFileSync(utf8, csvOf(yumenPlanTable(fixture)));
    expect(findingEssentials((await checkPlanFile(utf8, 0.5)).findings)).toEqual(expected);
    const gbk = join(dir, 'yumen-gbk.csv');
    writeFileSync(gbk, iconv.encode(csvOf(yumenPlanTable(fixture)), 'gbk'));
    expect(findingEssentials((await checkPlanFile(gbk, 0.5)).findings)).toEqual(expected);
  });

  it('exports a decomposition that checks clean', async () => {
    const path = join(dir, 'decomposed.xlsx');
    writeFileSync(path, await decompositionXlsx(decomposeFile(YUMEN_FIXTURE_PATH), '任务分解方案'));
    const report = await checkPlanFile(path, 0.5);
    expect(report.areas).toBe(3);
    expect(report.findings).toEqual([]);
    expect(report.cellsChecked).toBeGreaterThan(20);
  });

  it('names the file problem when the JSON is broken', () => {
    const path = join(dir, 'broken.json');
    writeFileSync(path, '{"areas": [');
    expect(() => decomposeFile(path)).toThrow(/JSON/);
  });
});

describe('push plan files', () => {
  const headers = ['单位', '任务', '基数', '目标率', '已完成', '负责人', '联系电话'];
  const options = { asOf: '2020-06-20', deadline: '2020-06-30', days: 'calendar' as const };

  it('computes a plan from CSV and from .xlsx alike, and exports it', async () => {
    const table: Table = {
      headers,
      rows: [
        { row: 2, cells: ['北坪社区', '高血压健康管理', 3256, '45%', 1000, '杨洁', '0937-6220001'] },
        { row: 3, cells: ['玉关镇', '高血压健康管理', 2976, '45%', 1300, '杨洁', '0937-6220002'] },
      ],
    };
    const csv = join(dir, 'push.csv');
    writeFileSync(csv, csvOf(table));
    const xlsx = join(dir, 'push.xlsx');
    await xlsxOf(table, xlsx, '攻坚计划');
    const fromCsv = await pushPlanFromFile(csv, options);
    const fromXlsx = await pushPlanFromFile(xlsx, options);
    expect(fromXlsx).toEqual(fromCsv);
    // 3256 × 45 % = 1465.2 → 1465; 2976 × 45 % = 1339.2 → 1339.
    expect(fromCsv.rows.map((r) => [r.unit, r.target, r.remaining, r.perDay])).toEqual([
      ['北坪社区', 1465, 465, 47],
      ['玉关镇', 1339, 39, 4],
      ['合计', 2804, 504, 51],
    ]);
    expect(pushPlanCsv(fromCsv).split('\r\n')[0]).toBe(
      '\uFEFF序号,单位,任务,目标数,已完成,剩余任务,剩余天数,日均任务,负责人,联系电话',
    );
    expect(pushPlanText(fromCsv, { title: '玉门市' })).toContain('统计日期：2020年6月20日');

    const exported = join(dir, 'exported.xlsx');
    writeFileSync(exported, await pushPlanXlsx(fromCsv, { title: '玉门市' }));
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(exported);
    const sheet = book.worksheets[0]!;
    expect(sheet.getCell(1, 1).value).toBe('玉门市攻坚计划');
    expect(sheet.getRow(3).values).toEqual([
      undefined,
      '序号',
      '单位',
      '任务',
      '目标数',
      '已完成',
      '剩余任务',
      '剩余天数',
      '日均任务',
      '负责人',
      '联系电话',
    ]);
    expect(sheet.getRow(6).getCell(2).value).toBe('合计');
    expect(sheet.getRow(6).getCell(6).value).toBe(504);
    const docx = await pushPlanDocx(fromCsv, { title: '玉门市' });
    expect(docx.subarray(0, 2).toString()).toBe('PK');
  });

  it('gives a clear error naming row and column for malformed files', async () => {
    const cases: [string, string, RegExp][] = [
      ['missing.csv', '单位,任务,已完成\na,b,1\n', /row 1, column 目标数: missing column/],
      [
        'text.csv',
        '单位,任务,目标数,已完成\na,b,100,1\nc,d,一百,1\n',
        /row 3, column 目标数: must be a number/,
      ],
      ['negative.csv', '单位,任务,目标数,已完成\na,b,100,-5\n', /row 2, column 已完成: must not be negative/],
      ['empty.csv', '', /empty/],
    ];
    for (const [name, text, message] of cases) {
      const path = join(dir, name);
      writeFileSync(path, text);
      await expect(pushPlanFromFile(path, options)).rejects.toThrow(message);
    }
    await expect(pushPlanFromFile(join(dir, 'nope.csv'), options)).rejects.toThrow(/not found/);
    const doc = join(dir, 'plan.doc');
    writeFileSync(doc, 'x');
    await expect(pushPlanFromFile(doc, options)).rejects.toThrow(/\.xlsx/);
  });

  it('names row and column in an .xlsx file too', async () => {
    const path = join(dir, 'bad.xlsx');
    await xlsxOf(
      { headers: ['单位', '任务', '目标数', '已完成'], rows: [{ row: 2, cells: ['a', 'b', 'abc', 1] }] },
      path,
      '标题',
    );
    await expect(pushPlanFromFile(path, options)).rejects.toThrow('row 3, column 目标数: must be a number');
  });
});
