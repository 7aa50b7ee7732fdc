/**
 * The Excel file of the records an `unused_records` finding stands for, as a 质控 officer
 * sends it to a village doctor: a title row naming the org and the period of use, then one
 * row per record, masked as on screen. Record numbers are text cells (Excel would round a
 * long number).
 */
import { formatChineseDate } from '../../domain/bulletins/chinese-format.js';
import { nameListXlsx, type NameListColumn } from '../name-lists/name-list-workbook.js';
import type { UnusedRecordPage } from './list-unused-records.js';

/** The columns of the sheet, in order. */
const COLUMNS: readonly NameListColumn[] = [
  { header: '序号', width: 6 },
  { header: '档案编号', width: 20, text: true },
  { header: '姓名', width: 10 },
  { header: '身份证号', width: 22 },
  { header: '最近更新', width: 12 },
  { header: '最近服务', width: 12 },
];

/** The headers of the sheet, in order. */
export const UNUSED_RECORD_COLUMNS = COLUMNS.map((c) => c.header);

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
  return nameListXlsx({
    sheet: '非动态使用档案',
    title: unusedRecordsTitle(list),
    orientation: 'portrait',
    columns: COLUMNS,
    rows: list.items.map((r, i) => [
      i + 1,
      r.recordNo,
      r.name,
      r.idNumber,
      r.recordUpdated,
      r.lastService ?? '—',
    ]),
  });
}
