import type { Reason } from '../records/validation.js';
import type { ImportKind } from './columns.js';
import { IMPORT_KIND_NAMES } from './columns.js';

/** One problem of one rejected row: its row number as the user sees it, the column, the value (personal identifiers masked) and why. */
export interface Rejection {
  readonly row: number;
  readonly column: string;
  readonly field: string;
  readonly value: string;
  readonly reason: Reason;
}

/** What an import did. */
export interface ImportReport {
  readonly kind: ImportKind;
  readonly file: string;
  /** How the file was read: 'utf-8', 'gbk' or 'xlsx'. */
  readonly encoding: string;
  /** Non-blank data rows read (the header not counted). */
  readonly rowsRead: number;
  /** Rows without problems (landed or, when the import was refused, would have landed). */
  readonly valid: number;
  /** Rows that created a new record (0 when nothing landed; in a dry run, what landing would create). */
  readonly inserted: number;
  /** Rows that replaced an existing record, including repeats within the file (0 when nothing landed; in a dry run, what landing would replace). */
  readonly updated: number;
  /** Rows refused. */
  readonly rejected: number;
  /** True when the valid rows were stored. */
  readonly landed: boolean;
  /** Every problem of every refused row. */
  readonly rejections: readonly Rejection[];
  /** Where the refused rows were written (with --accept-valid), or null. */
  readonly rejectsFile: string | null;
  /** Headers of the file that Gongwei does not read. */
  readonly ignoredColumns: readonly string[];
  /** Rows above the header (a title, a date line) and the header rows beyond the first, left unread. */
  readonly titleRows: readonly number[];
  /** Total rows (合计, 总计 …) among the data: sums, not records; left unread. */
  readonly totalRows: readonly number[];
}

/**
 * A count in the Chinese convention: plain below ten thousand, else 万 with two decimals.
 *
 * @example chineseCount(52345) // '5.23万'
 */
export function chineseCount(n: number): string {
  return n < 10_000 ? String(n) : `${(n / 10_000).toFixed(2)}万`;
}

/** The outcome of a report in one sentence, Chinese then English. */
export function reportOutcome(report: ImportReport): Reason {
  if (report.landed && report.rejected === 0)
    return { zh: '导入成功，全部数据已保存。', en: 'Imported: every row was stored.' };
  if (report.landed)
    return {
      zh: `已保存${report.valid}行有效数据；${report.rejected}行被拒收${report.rejectsFile ? `，已写入 ${report.rejectsFile}` : ''}。`,
      en: `Stored the ${report.valid} valid rows; ${report.rejected} rows were refused${report.rejectsFile ? ` and written to ${report.rejectsFile}` : ''}.`,
    };
  return {
    zh: `有${report.rejected}行被拒收，本次未导入任何数据。请修正后重新导入，或使用 --accept-valid 仅导入有效行。`,
    en: `${report.rejected} rows were refused, so nothing was imported. Fix them and import again, or use --accept-valid to land the valid rows only.`,
  };
}

/**
 * The report as text for a terminal: the counts, the outcome and up to `limit` rejections,
 * each labelled in Chinese and English.
 *
 * @example console.log(formatReportTable(report));
 */
export function formatReportTable(report: ImportReport, limit = 50): string {
  const kind = IMPORT_KIND_NAMES[report.kind];
  const lines = [
    `导入 Import: ${kind.zh} ${kind.en} — ${report.file} (${report.encoding})`,
    `读取行数 Rows read:  ${chineseCount(report.rowsRead)}`,
    `新增 Inserted:       ${chineseCount(report.inserted)}`,
    `更新 Updated:        ${chineseCount(report.updated)}`,
    `拒收 Rejected:       ${chineseCount(report.rejected)}`,
  ];
  if (report.ignoredColumns.length > 0)
    lines.push(`未读取的列 Ignored columns: ${report.ignoredColumns.join(', ')}`);
  if (report.titleRows.length > 0)
    lines.push(`表头以上/表头的行 Title and header rows: ${report.titleRows.join(', ')}`);
  if (report.totalRows.length > 0)
    lines.push(`合计行（未读取）Total rows, not read: ${report.totalRows.join(', ')}`);
  const outcome = reportOutcome(report);
  lines.push('', outcome.zh, outcome.en);
  if (report.rejections.length > 0) {
    lines.push('', '行号 Row | 列 Column | 值 Value | 原因 Reason');
    for (const r of report.rejections.slice(0, limit)) {
      lines.push(`${r.row} | ${r.column} | ${r.value} | ${r.reason.zh} / ${r.reason.en}`);
    }
    if (report.rejections.length > limit)
      lines.push(
        `……另有${report.rejections.length - limit}处问题（用 --format json 查看全部）/ … ${report.rejections.length - limit} more (see --format json)`,
      );
  }
  return lines.join('\n');
}
