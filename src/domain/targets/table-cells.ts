/**
 * Reading the cells of a table a person made (Excel or CSV) into numbers, with an error
 * naming the row and column when a cell is not what the column needs. The file reading
 * itself is the module's (exceljs, csv-parse); this is the pure part.
 */
import { PlanInputError } from './plan-input-error.js';

/** A cell as a table reader hands it over: text, a number, or empty. */
export type Cell = string | number | null;

/** A table: one header row and data rows, each data row with its 1-based row in the file. */
export interface Table {
  readonly headers: readonly string[];
  readonly rows: readonly { readonly row: number; readonly cells: readonly Cell[] }[];
  /** Total rows (合计): sums of the data rows, checked against them where the reader knows how. */
  readonly totalRows?: readonly { readonly row: number; readonly cells: readonly Cell[] }[];
}

function halfWidth(text: string): string {
  return text
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000]/g, '');
}

function normalise(text: string): string {
  return halfWidth(text).replace(/,/g, '');
}

/** True when a cell holds nothing (empty, spaces). */
export function isBlank(cell: Cell | undefined): boolean {
  return cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');
}

/**
 * A cell as text, trimmed; null when blank.
 *
 * @example
 * readText(' 北坪社区 ') // → '北坪社区'
 */
export function readText(cell: Cell | undefined): string | null {
  if (isBlank(cell)) return null;
  return String(cell).trim();
}

function readNumber(
  cell: Cell | undefined,
  row: number,
  column: string,
): { value: number; percent: boolean } {
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) throw notANumber(row, column);
    return { value: cell, percent: false };
  }
  const text = normalise(String(cell));
  const percent = /[%％]$/.test(text);
  const body = percent ? text.slice(0, -1) : text;
  if (!/^[-+]?(\d+(\.\d*)?|\.\d+)$/.test(body)) throw notANumber(row, column);
  return { value: Number(body), percent };
}

function notANumber(row: number, column: string): PlanInputError {
  return new PlanInputError({ zh: '应为数字', en: 'must be a number' }, { row, column });
}

/**
 * A non-negative whole number (a count of people); null when blank and `required` is false.
 *
 * @example
 * readCount('１，２００', 3, '已完成') // → 1200 (full-width digits and thousands commas accepted)
 * readCount('十二', 3, '已完成') // throws: 第3行「已完成」列：应为数字
 */
export function readCount(
  cell: Cell | undefined,
  row: number,
  column: string,
  required = true,
): number | null {
  const value = readQuantity(cell, row, column, required);
  if (value !== null && !Number.isSafeInteger(value))
    throw new PlanInputError({ zh: '应为整数', en: 'must be a whole number' }, { row, column });
  return value;
}

/**
 * A non-negative number that may have decimals (a base of expected patients).
 *
 * @example
 * readQuantity('3256', 2, 'base') // → 3256
 */
export function readQuantity(
  cell: Cell | undefined,
  row: number,
  column: string,
  required = true,
): number | null {
  if (isBlank(cell)) {
    if (!required) return null;
    throw new PlanInputError({ zh: '不能为空', en: 'must not be empty' }, { row, column });
  }
  const { value, percent } = readNumber(cell, row, column);
  if (percent)
    throw new PlanInputError(
      { zh: '应为人数而非百分比', en: 'must be a count, not a percentage' },
      { row, column },
    );
  if (value < 0) throw new PlanInputError({ zh: '不能为负数', en: 'must not be negative' }, { row, column });
  return value;
}

/**
 * A rate as a fraction: '80%', '80％', 0.8 and '0.8' all read as 0.8. A bare number above 1
 * is refused rather than guessed (80 could be a count typed in the wrong column).
 *
 * @example
 * readRate('90%', 2, '比例') // → 0.9
 */
export function readRate(
  cell: Cell | undefined,
  row: number,
  column: string,
  required = true,
): number | null {
  if (isBlank(cell)) {
    if (!required) return null;
    throw new PlanInputError({ zh: '不能为空', en: 'must not be empty' }, { row, column });
  }
  const { value, percent } = readNumber(cell, row, column);
  const rate = percent ? Number((value / 100).toPrecision(12)) : value;
  if (rate < 0) throw new PlanInputError({ zh: '不能为负数', en: 'must not be negative' }, { row, column });
  if (rate > 1) {
    throw new PlanInputError(
      {
        zh: '比例应在0到1之间或写作百分数（如80%）',
        en: 'a rate must be within 0..1 or written as a percentage (80%)',
      },
      { row, column },
    );
  }
  return rate;
}

/**
 * A curve written in a cell: '40/30/30', '0.4,0.3,0.3', '40%、30%、30%'. Must add up to the
 * whole (1, or 100 in percent).
 *
 * @example
 * readCurve('40/30/30', 2, 'records:curve') // → [40, 30, 30]
 */
export function readCurve(cell: Cell | undefined, row: number, column: string): number[] | null {
  const text = readText(cell);
  if (text === null) return null;
  const values = halfWidth(text)
    .split(/[/,;、]/)
    .filter((p) => p !== '')
    .map((p) => {
      const body = p.replace(/[%％]$/, '');
      if (!/^(\d+(\.\d*)?|\.\d+)$/.test(body)) {
        throw new PlanInputError(
          { zh: '进度应写作 40/30/30', en: 'a curve is written like 40/30/30' },
          { row, column },
        );
      }
      return Number(body);
    });
  const sum = values.reduce((a, b) => a + b, 0);
  if (Math.abs(sum - 1) > 1e-9 && Math.abs(sum - 100) > 1e-7) {
    throw new PlanInputError(
      {
        zh: `进度之和应为100%（实为${Number(sum.toPrecision(12))}）`,
        en: `a curve must add up to 100% (got ${Number(sum.toPrecision(12))})`,
      },
      { row, column },
    );
  }
  return values;
}
