/**
 * Reads a plan or push-plan table from a CSV (UTF-8 or GBK) or .xlsx file, through the import
 * module's file reader. A bureau's table often has a title row above the header: the header
 * is the first row that names a required column.
 */
import type { Cell, Table } from '../../domain/targets/table-cells.js';
import { PlanInputError } from '../../domain/targets/plan-input-error.js';
import { ImportFileError, readFileRows } from '../import/file-rows.js';

/**
 * The table of a file: the header row (the first row containing one of `headerNames`, else
 * the first row) and the rows below it, numbered as the user sees them.
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
  const at = all.findIndex((r) =>
    r.cells.some((c) => typeof c === 'string' && names.has(c.trim().toLowerCase())),
  );
  const headerIndex = at < 0 ? 0 : at;
  const header = all[headerIndex] as { row: number; cells: Cell[] };
  return {
    headers: header.cells.map((c) => (c === null ? '' : String(c).trim())),
    rows: all.slice(headerIndex + 1),
  };
}
