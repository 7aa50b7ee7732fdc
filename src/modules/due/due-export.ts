/**
 * The Excel file of a due list (随访提醒), as a village doctor prints it: a title row (随访提醒,
 * the org and the date), then one row per due service. Record numbers and phones are text
 * cells (Excel would round them).
 */
import ExcelJS from 'exceljs';
import { DUE_SERVICE_NAMES } from '../../domain/due/due-list.js';
import type { DueRow } from './due-list.js';

/** The columns of the sheet, in order. */
export const DUE_COLUMNS = [
  '序号',
  '档案编号',
  '姓名',
  '性别',
  '年龄',
  '联系电话',
  '所属村',
  '服务项目',
  '说明',
  '应随访日期',
  '逾期天数',
  '上次服务日期',
  '责任医生',
];

const SEX: Readonly<Record<string, string>> = { M: '男', F: '女' };

/** A due row as the export shows it: the person already disclosed as the caller may see. */
export interface ExportedDueRow {
  readonly row: DueRow;
  readonly name: string;
  readonly phone: string | null;
  readonly age: number | null;
}

/**
 * Builds the workbook of a due list under `title`.
 *
 * @example await dueXlsx('随访提醒 一村 2020年6月30日', rows)
 */
export async function dueXlsx(title: string, rows: readonly ExportedDueRow[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Gongwei 公卫';
  const sheet = workbook.addWorksheet('随访提醒', {
    views: [{ state: 'frozen', ySplit: 2 }],
    pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  sheet.mergeCells(1, 1, 1, DUE_COLUMNS.length);
  sheet.getCell(1, 1).value = title;
  sheet.getCell(1, 1).font = { bold: true, size: 14 };
  sheet.getCell(1, 1).alignment = { horizontal: 'center' };
  const header = sheet.addRow(DUE_COLUMNS);
  header.font = { bold: true };
  [6, 20, 10, 6, 6, 16, 16, 20, 18, 12, 10, 12, 10].forEach((w, i) => (sheet.getColumn(i + 1).width = w));
  rows.forEach(({ row, name, phone, age }, i) => {
    const line = sheet.addRow([
      i + 1,
      row.resident.recordNo,
      name,
      row.resident.sex === null ? null : (SEX[row.resident.sex] ?? row.resident.sex),
      age,
      phone,
      row.resident.orgName ?? row.resident.orgCode,
      DUE_SERVICE_NAMES[row.service].zh,
      row.detail?.zh ?? null,
      row.dueDate,
      row.daysOverdue,
      row.lastServiceDate,
      row.doctor,
    ]);
    for (const col of [2, 6]) line.getCell(col).numFmt = '@';
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
