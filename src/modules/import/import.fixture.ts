import { writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { FIXTURE_ORGS } from '../records/records.fixture.js';

/**
 * Test files as Chinese health systems export them, generated at test time (no binaries
 * are committed). Record numbers are in the fixture village of records.fixture.ts.
 */

/** Record number of the fixture village with sequence `seq`. */
export function recordNoOf(seq: number): string {
  return `${FIXTURE_ORGS.village}${String(seq).padStart(5, '0')}`;
}

/** Writes CSV text as UTF-8 (optionally with BOM) or GBK. */
export function writeCsv(
  path: string,
  lines: readonly string[],
  encoding: 'utf-8' | 'utf-8-bom' | 'gbk',
): void {
  const text = lines.join('\r\n') + '\r\n';
  if (encoding === 'gbk') writeFileSync(path, iconv.encode(text, 'gbk'));
  else writeFileSync(path, (encoding === 'utf-8-bom' ? '\uFEFF' : '') + text, 'utf8');
}

/** The header of the resident files used in tests. */
export const RESIDENT_HEADER = '档案编号,身份证号,姓名,性别,出生日期,本人电话,建档日期';

/** A valid resident line with sequence `seq`. */
export function residentLine(seq: number): string {
  return `${recordNoOf(seq)},62088119550101${String(seq % 10_000).padStart(4, '0')},居民${seq},${seq % 2 ? '男' : '女'},1955-01-01,13809331234,2018-03-15`;
}

/** Writes an .xlsx file whose first sheet holds `rows` (the first row is the header). */
export async function writeXlsx(
  path: string,
  rows: readonly (readonly ExcelJS.CellValue[])[],
): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('数据');
  for (const row of rows) sheet.addRow([...row]);
  await workbook.xlsx.writeFile(path);
}
