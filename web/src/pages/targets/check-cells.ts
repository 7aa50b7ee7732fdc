/**
 * Where the plan check's findings fall in the uploaded table: POST /api/plans/check numbers
 * the body rows from 2 (the header is row 1), so finding (row, column) is body row row − 2.
 */
import type { PlanCheckReport } from './answers';

/** One finding of the check. */
export type Finding = PlanCheckReport['findings'][number];

/** The key of a body cell: its 0-based body row and its column name. */
export function cellKey(bodyRow: number, column: string): string {
  return `${bodyRow}|${column}`;
}

/**
 * The findings by cell of the table as sent.
 *
 * @example findingsByCell([{ row: 2, column: 'elderly:2011-05', … }]).get('0|elderly:2011-05')
 */
export function findingsByCell(findings: readonly Finding[]): Map<string, Finding> {
  const cells = new Map<string, Finding>();
  for (const f of findings) cells.set(cellKey(f.row - 2, f.column), f);
  return cells;
}
