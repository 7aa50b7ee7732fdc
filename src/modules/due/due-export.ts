/**
 * The Excel file of a due list (随访提醒), as a village doctor prints it: a title row (随访提醒,
 * the org and the date), then one row per due service. Record numbers and phones are text
 * cells (Excel would round them).
 */
import { DUE_SERVICE_NAMES } from '../../domain/due/due-list.js';
import { nameListXlsx, type NameListColumn } from '../name-lists/name-list-workbook.js';
import type { DueRow } from './due-list.js';

/** The columns of the sheet, in order. */
const COLUMNS: readonly NameListColumn[] = [
  { header: '序号', width: 6 },
  { header: '档案编号', width: 20, text: true },
  { header: '姓名', width: 10 },
  { header: '性别', width: 6 },
  { header: '年龄', width: 6 },
  { header: '联系电话', width: 16, text: true },
  { header: '所属村', width: 16 },
  { header: '服务项目', width: 20 },
  { header: '说明', width: 18 },
  { header: '应随访日期', width: 12 },
  { header: '逾期天数', width: 10 },
  { header: '上次服务日期', width: 12 },
  { header: '责任医生', width: 10 },
];

/** The headers of the sheet, in order. */
export const DUE_COLUMNS = COLUMNS.map((c) => c.header);

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
  return nameListXlsx({
    sheet: '随访提醒',
    title,
    orientation: 'landscape',
    columns: COLUMNS,
    rows: rows.map(({ row, name, phone, age }, i) => [
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
    ]),
  });
}
