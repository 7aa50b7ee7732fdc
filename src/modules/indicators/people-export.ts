/**
 * The Excel file of the people behind an indicator value, as a bureau prints a work list: a
 * title row naming the unit, indicator, period and list, then one row per person. ID numbers
 * and phones are text cells (Excel would round an 18-digit number).
 */
import { nameListXlsx, type NameListColumn } from '../name-lists/name-list-workbook.js';
import type { ExportedPerson } from './indicator-people.js';

/** The columns of the sheet, in order. */
const COLUMNS: readonly NameListColumn[] = [
  { header: '序号', width: 6 },
  { header: '档案编号', width: 16, text: true },
  { header: '姓名', width: 10 },
  { header: '性别', width: 6 },
  { header: '年龄', width: 6 },
  { header: '身份证号', width: 22, text: true },
  { header: '联系电话', width: 16, text: true },
  { header: '所属单位', width: 24 },
];

/** The headers of the sheet, in order. */
export const PEOPLE_COLUMNS = COLUMNS.map((c) => c.header);

const SEX: Readonly<Record<string, string>> = { M: '男', F: '女', male: '男', female: '女' };

/**
 * Builds the workbook of a list of people under `title`.
 *
 * @example
 * await peopleXlsx('平凉市 高血压患者规范管理率 2020年第二季度 分子名单', people)
 */
export async function peopleXlsx(title: string, people: readonly ExportedPerson[]): Promise<Buffer> {
  return nameListXlsx({
    sheet: '名单',
    title,
    orientation: 'landscape',
    columns: COLUMNS,
    rows: people.map((p, i) => [
      i + 1,
      p.recordNo,
      p.name,
      p.sex === null ? null : (SEX[p.sex] ?? p.sex),
      p.age,
      p.idNumber,
      p.phone,
      p.orgName ?? p.orgCode,
    ]),
  });
}
