/**
 * Imports reported values from a CSV (UTF-8 or GBK) or .xlsx file with Chinese headers
 * (src/domain/reported/reported-columns.ts), the import module's way: a title row above the
 * header and a total row (合计) are recognised and skipped, every bad cell is reported with
 * its row (as the spreadsheet numbers it) and column, and nothing is stored when any row is bad.
 */
import type { Db } from '../../db/database.js';
import { GongweiError, type ErrorIssue } from '../../domain/gongwei-error.js';
import { findHeader, isTotalRow } from '../../domain/import/table-layout.js';
import {
  REPORTED_COLUMNS,
  reportedFieldOf,
  reportedHeaderOf,
  reportedRow,
  type ReportedCell,
} from '../../domain/reported/reported-columns.js';
import type { ReportedField, ReportedValueInput } from '../../domain/reported/reported-value.js';
import { readFileRows } from '../import/file-rows.js';
import type { OrgScope } from '../orgs/org-scope.js';
import { enterReportedValues, type EnterReportedResult, type ReportActor } from './enter-reported-values.js';

/** What an import of reported values did. */
export interface ReportedImportResult extends EnterReportedResult {
  /** Data rows read (total rows not counted). */
  readonly rows: number;
}

/** The place of a problem in a file: `第3行「分子」`. */
function cellPlace(row: number, field: ReportedField): string {
  return `第${row}行「${reportedHeaderOf(field)}」`;
}

/**
 * Reads `path` and stores every report in it within `scope`, or none: a refused file throws a
 * `validation` error whose issues name each bad cell by row and column.
 *
 * @example
 * await importReportedFile(db, OPERATOR_SCOPE, 'reports-2020Q2.xlsx', { by: 'operator:root', at: new Date().toISOString() });
 */
export async function importReportedFile(
  db: Db,
  scope: OrgScope,
  path: string,
  actor: ReportActor,
): Promise<ReportedImportResult> {
  const file = await readFileRows(path);
  const all: { row: number; cells: ReportedCell[] }[] = [];
  for await (const r of file.rows) all.push({ row: r.row, cells: r.cells });
  if (all.length === 0) throw GongweiError.badRequest({ zh: '文件为空', en: 'the file is empty' }, 'file');
  const found = findHeader(all, { recognises: (h) => reportedFieldOf(h) !== undefined });
  const headers = found?.headers ?? all[0]!.cells.map((c) => (c === null ? '' : String(c)));
  const headerRow = found ? found.headerRows[found.headerRows.length - 1]! : all[0]!.row;
  const index = new Map<ReportedField, number>();
  headers.forEach((h, i) => {
    const field = reportedFieldOf(h);
    if (field !== undefined && !index.has(field)) index.set(field, i);
  });
  const missing = REPORTED_COLUMNS.filter((c) => c.required && !index.has(c.field));
  if (missing.length > 0)
    throw GongweiError.validation(
      missing.map((c) => ({
        field: `第${headerRow}行「${c.header}」`,
        message: `缺少「${c.header}」列 / the column ${c.header} (${c.aliases.at(-1)}) is missing`,
      })),
    );
  const data = all.slice(found ? found.firstDataIndex : 1).filter((r) => !isTotalRow(r.cells));
  if (data.length === 0)
    throw GongweiError.badRequest({ zh: '文件中没有数据行', en: 'the file has no data rows' }, 'file');
  const issues: ErrorIssue[] = [];
  const inputs: ReportedValueInput[] = [];
  for (const r of data) {
    const cells: Partial<Record<ReportedField, ReportedCell>> = {};
    for (const [field, i] of index) cells[field] = r.cells[i] ?? null;
    const { input, problems } = reportedRow(cells);
    for (const p of problems)
      issues.push({ field: cellPlace(r.row, p.field), message: `${p.text.zh} / ${p.text.en}` });
    inputs.push(input);
  }
  // Unreadable numbers first: the rules would only say the field is missing.
  if (issues.length > 0) throw GongweiError.validation(issues);
  const result = await enterReportedValues(db, scope, inputs, actor, (i, field) =>
    cellPlace(data[i]!.row, field),
  );
  return { ...result, rows: data.length };
}
