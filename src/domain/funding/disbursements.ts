/**
 * Disbursement records (拨付记录): date, payer, payee, amount and purpose, read from a bureau's
 * table with Chinese headers. Every row is checked before anything is stored; a file with a
 * refused row is refused whole, each problem named by row and column.
 */
import type { RawCell } from '../import/cell-values.js';
import { parseYuan } from './money.js';

/** One disbursement as stored. */
export interface Disbursement {
  readonly paidOn: string;
  readonly payer: string;
  /** The receiving unit's org code (a health centre's township or a county). */
  readonly payeeCode: string;
  readonly amountFen: number;
  readonly purpose: string;
}

/** A refused cell: row as the user sees it, the column's header, the reason. */
export interface DisbursementIssue {
  readonly row: number;
  readonly column: string;
  readonly zh: string;
  readonly en: string;
}

/** The columns, by their Chinese header (English accepted too). */
export const DISBURSEMENT_COLUMNS = {
  paidOn: ['拨付日期', '日期', 'date'],
  payer: ['付款单位', '拨付单位', 'payer'],
  payeeCode: ['收款单位编码', '单位编码', 'payee code'],
  amount: ['金额（元）', '金额(元)', '金额', 'amount'],
  purpose: ['用途', '摘要', 'purpose'],
} as const;

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/**
 * Reads a date cell: 2020-06-30, 2020/6/30, 2020年6月30日 or an Excel serial day; null otherwise.
 *
 * @example
 * readDate('2020年6月30日') // → '2020-06-30'
 */
export function readDate(cell: RawCell): string | null {
  if (typeof cell === 'number' && Number.isInteger(cell) && cell > 0 && cell < 100000) {
    return new Date(EXCEL_EPOCH + cell * 86_400_000).toISOString().slice(0, 10);
  }
  if (typeof cell !== 'string') return null;
  const m = /^(\d{4})[-/年.](\d{1,2})[-/月.](\d{1,2})日?(?:[T ].*)?$/.exec(cell.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

function text(cell: RawCell | undefined): string {
  return cell === null || cell === undefined ? '' : String(cell).trim();
}

/**
 * Checks one record (from a file row or the API). `knownPayee` says whether a code is an org
 * in the caller's scope. Returns the record or its problems (never both).
 */
export function checkDisbursement(
  input: { paidOn: RawCell; payer: RawCell; payeeCode: RawCell; amount: RawCell; purpose: RawCell },
  row: number,
  knownPayee: (code: string) => boolean,
): { record: Disbursement | null; issues: DisbursementIssue[] } {
  const issues: DisbursementIssue[] = [];
  const add = (column: string, zh: string, en: string): void => {
    issues.push({ row, column, zh, en });
  };
  const paidOn = readDate(input.paidOn);
  if (!paidOn) add('拨付日期', '日期无法识别（应为2020-06-30或2020年6月30日）', 'not a date (2020-06-30)');
  const payer = text(input.payer);
  if (!payer) add('付款单位', '不能为空', 'required');
  else if (payer.length > 100) add('付款单位', '不超过100个字', 'at most 100 characters');
  const payeeCode = text(input.payeeCode);
  if (!/^(\d{6}|\d{9}|\d{12})$/.test(payeeCode)) {
    add('收款单位编码', '应为6、9或12位区划编码', 'an org code of 6, 9 or 12 digits');
  } else if (!knownPayee(payeeCode)) {
    add(
      '收款单位编码',
      `单位${payeeCode}不在本次分配中或不在您的管辖范围`,
      `${payeeCode} is not in this allocation or not in your scope`,
    );
  }
  const amountFen =
    input.amount === null ? null : parseYuan(typeof input.amount === 'boolean' ? '' : input.amount);
  if (amountFen === null || amountFen <= 0) {
    add('金额（元）', '应为大于0、最多两位小数的金额', 'a positive amount with at most two decimals');
  }
  const purpose = text(input.purpose);
  if (purpose.length > 200) add('用途', '不超过200个字', 'at most 200 characters');
  if (issues.length > 0) return { record: null, issues };
  return {
    record: { paidOn: paidOn!, payer, payeeCode, amountFen: amountFen!, purpose },
    issues,
  };
}

/**
 * Finds the columns of a header row; the missing required columns are issues of row `headerRow`.
 */
export function disbursementColumns(
  header: readonly RawCell[],
  headerRow: number,
): { index: Record<keyof typeof DISBURSEMENT_COLUMNS, number>; issues: DisbursementIssue[] } {
  const names = header.map((c) => text(c).toLowerCase());
  const index = {} as Record<keyof typeof DISBURSEMENT_COLUMNS, number>;
  const issues: DisbursementIssue[] = [];
  for (const [key, aliases] of Object.entries(DISBURSEMENT_COLUMNS) as [
    keyof typeof DISBURSEMENT_COLUMNS,
    readonly string[],
  ][]) {
    const at = names.findIndex((n) => aliases.some((a) => a.toLowerCase() === n));
    index[key] = at;
    if (at < 0 && key !== 'purpose') {
      issues.push({ row: headerRow, column: aliases[0]!, zh: '缺少此列', en: 'column missing' });
    }
  }
  return { index, issues };
}
