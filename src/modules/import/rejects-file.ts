import { writeFile } from 'node:fs/promises';
import { stringify } from 'csv-stringify/sync';
import type { RawCell } from '../../domain/import/cell-values.js';
import { cellText } from '../../domain/import/cell-values.js';
import type { Reason } from '../../domain/records/validation.js';

/** A refused row as it was in the file, with its problems. */
export interface RejectedRow {
  readonly row: number;
  readonly cells: readonly RawCell[];
  readonly problems: readonly { column: string; reason: Reason }[];
}

/** The header of the added column that says why a row was refused. */
export const REASON_HEADER = '错误原因';

/**
 * The rejects file of an input file: `<input>.rejected.csv` beside it.
 *
 * @example rejectsPathFor('/data/居民.csv') // '/data/居民.csv.rejected.csv'
 */
export function rejectsPathFor(inputPath: string): string {
  return `${inputPath}.rejected.csv`;
}

/**
 * Writes refused rows with their original columns and a 错误原因 column, as UTF-8 with a
 * BOM so that Excel opens the Chinese text correctly. The user can fix the rows in place
 * and import the file again (the extra column is ignored on import).
 *
 * @example await writeRejectsFile('/data/a.csv.rejected.csv', headers, rejected);
 */
export async function writeRejectsFile(
  path: string,
  headers: readonly string[],
  rows: readonly RejectedRow[],
): Promise<void> {
  const records = rows.map((r) => {
    const cells = headers.map((_, i) => cellText(r.cells[i] ?? null));
    const reasons = r.problems
      .map((p) => `第${r.row}行 ${p.column}：${p.reason.zh}（${p.reason.en}）`)
      .join('；');
    return [...cells, reasons];
  });
  const text = stringify([[...headers, REASON_HEADER], ...records], {
    bom: true,
    record_delimiter: 'windows',
  });
  await writeFile(path, text, 'utf8');
}
