/**
 * Reads a plan or push-plan table from a CSV (UTF-8 or GBK) or .xlsx file, through the import
 * module's file reader. A bureau's table often has a title row above the header, a header of
 * two rows (an indicator merged over its columns) and a total row (合计): found as the import
 * finds them (src/domain/import/table-layout.ts).
 */
import type { Cell, Table } from '../../domain/targets/table-cells.js';
import { PlanInputError } from '../../domain/targets/plan-input-error.js';
import { findHeader, isTotalRow } from '../../domain/import/table-layout.js';
import { ImportFileError, readFileRows } from '../import/file-rows.js';

/**
 * The table of a file: the header (from the first row containing one of `headerNames`, with
 * the row below when it names sub-columns; else the first row), the data rows below it and
 * apart from them the total rows, numbered as the user sees them.
 *
 * @example
 * const table = await readTableFile('yumen.xlsx', ['区域', 'area']);
 */
export async function readTableFile(path: string, headerNames: readonly string[]): Promise<Table> {
  const all: { row: number; cells: Cell[] }[] = [];
  try {
    const file = await readFileRows(path);
    for await (const { row, cells } of file.rows) {
      all.push({ row, cells: cells.map((c) => (typeof c === 'boolean' ? String(c) : c)) });
    }
  } catch (error) {
    if (error instanceof ImportFileError) {
      // The import module's messages are "中文 / English: detail".
      const cut = error.message.indexOf(' / ');
      const zh = cut < 0 ? error.message : `${error.message.slice(0, cut)}（${path}）`;
      throw new PlanInputError({ zh, en: cut < 0 ? error.message : error.message.slice(cut + 3) });
    }
    throw error;
  }
  if (all.length === 0) throw new PlanInputError({ zh: '文件为空', en: 'the file is empty' }, { row: 1 });
  const names = new Set(headerNames.map((n) => n.toLowerCase()));
  const found = findHeader(all, {
    recognises: (header) => names.has(header.toLowerCase()),
    joinHeader: indicatorColumn,
  });
  const dataRows = all.slice(found === null ? 1 : found.firstDataIndex);
  const first = all[0] as { row: number; cells: Cell[] };
  return {
    headers: found === null ? first.cells.map((c) => (c === null ? '' : String(c).trim())) : found.headers,
    rows: dataRows.filter((r) => !isTotalRow(r.cells)),
    totalRows: dataRows.filter((r) => isTotalRow(r.cells)),
  };
}

/**
 * The column under a two-row header in the plan layout: 高血压 over 全年 reads 高血压:全年
 * (docs/targets.md); a fixed column merged down over both rows keeps its own name.
 */
function indicatorColumn(group: string, sub: string): string {
  if (group === '') return sub;
  return sub === '' ? group : `${group}:${sub}`;
}
