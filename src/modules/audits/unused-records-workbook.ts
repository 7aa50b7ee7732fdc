/**
 * The Excel file of the records an `unused_records` finding stands for, as a 质控 officer
 * sends it to a village doctor: a title row naming the org and the period of use, then one
 * row per record, masked as on screen. Record numbers are text cells (Excel would round a
 * long number).
 */
import ExcelJS from 'exceljs';
import { formatChineseDate } from '../../domain/bulletins/chinese-format.js';
import type { UnusedRecordPage } from './list-unused-records.js';

/** The columns of the sheet, in order. */
export const UNUSED_RECORD_COLUMNS = ['序号', '档案编号', '姓名', '身份证号', '最近更新', '最近服务'];

/**
 * The title of the list: the org and its period of use.
 *
 * @example unusedRecordsTitle(list) // '东华村 非动态使用档案（2019年6月30日至2020年6月30日无更新无服务）'
 */
export function unusedRecordsTitle(list: UnusedRecordPage): string {
  const from = formatChineseDate(list.noServiceSince);
  return `${list.orgName ?? list.org} 非动态使用档案（${from}至${formatChineseDate(list.asOf)}无更新无服务）`;
}

/**
 * Builds the workbook of the records of `list`.
 *
 * @example await unusedRecordsXlsx(await exportUnusedRecords(db, scope, 42))
 */
export async function unusedRecordsXlsx(list: UnusedRecordPage): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Gongwei 公卫';
  const sheet = workbook.addWorksheet('非动态使用档案', {
    views: [{ state: 'frozen', ySplit: 2 }],
    pageSetup: { orientation: 'portrait', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  sheet.mergeCells(1, 1, 1, UNUSED_RECORD_COLUMNS.length);
  const title = sheet.getCell(1, 1);
  title.value = unusedRecordsTitle(list);
  title.font = { bold: true, size: 14 };
  title.alignment = { horizontal: 'center' };
  const header = sheet.addRow(UNUSED_RECORD_COLUMNS);
  header.font = { bold: true };
  header.alignment = { horizontal: 'center' };
  [6, 20, 10, 22, 12, 12].forEach((width, i) => (sheet.getColumn(i + 1).width = width));
  list.items.forEach((r, i) => {
    const row = sheet.addRow([i + 1, r.recordNo, r.name, r.idNumber, r.recordUpdated, r.lastService ?? '—']);
    row.getCell(2).numFmt = '@';
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
