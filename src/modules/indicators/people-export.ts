/**
 * The Excel file of the people behind an indicator value, as a bureau prints a work list: a
 * title row naming the unit, indicator, period and list, then one row per person. ID numbers
 * and phones are text cells (Excel would round an 18-digit number).
 */
import ExcelJS from 'exceljs';
import type { ExportedPerson } from './indicator-people.js';

/** The columns of the sheet, in order. */
export const PEOPLE_COLUMNS = [
  '序号',
  '档案编号',
  '姓名',
  '性别',
  '年龄',
  '身份证号',
  '联系电话',
  '所属单位',
];

const SEX: Readonly<Record<string, string>> = { M: '男', F: '女', male: '男', female: '女' };

/**
 * Builds the workbook of a list of people under `title`.
 *
 * @example
 * await peopleXlsx('平凉市 高血压患者规范管理率 2020年第二季度 分子名单', people)
 */
export async function peopleXlsx(title: string, people: readonly ExportedPerson[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Gongwei 公卫';
  const sheet = workbook.addWorksheet('名单', {
    views: [{ state: 'frozen', ySplit: 2 }],
    pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  sheet.mergeCells(1, 1, 1, PEOPLE_COLUMNS.length);
  sheet.getCell(1, 1).value = title;
  sheet.getCell(1, 1).font = { bold: true, size: 14 };
  sheet.getCell(1, 1).alignment = { horizontal: 'center' };
  const header = sheet.addRow(PEOPLE_COLUMNS);
  header.font = { bold: true };
  header.alignment = { horizontal: 'center' };
  [6, 16, 10, 6, 6, 22, 16, 24].forEach((width, i) => (sheet.getColumn(i + 1).width = width));
  people.forEach((p, i) => {
    const row = sheet.addRow([
      i + 1,
      p.recordNo,
      p.name,
      p.sex === null ? null : (SEX[p.sex] ?? p.sex),
      p.age,
      p.idNumber,
      p.phone,
      p.orgName ?? p.orgCode,
    ]);
    for (const col of [2, 6, 7]) row.getCell(col).numFmt = '@';
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
