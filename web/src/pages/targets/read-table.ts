/**
 * Reads a table a bureau made by hand — the first worksheet of an .xlsx, or a .csv in UTF-8
 * or GBK — into rows of cells, and finds its header row (title rows above it are skipped,
 * as the CLI does). Shared by the plan check here and the push plan upload in ../plans.
 */
import type * as ExcelJs from 'exceljs';

/** A cell as the API takes it. */
export type Cell = string | number | null;

/** A table below its header row. */
export interface HeadedTable {
  readonly headers: string[];
  readonly rows: Cell[][];
}

/**
 * Splits CSV text into rows of cells (quotes, doubled quotes, CR LF); numbers stay text, the
 * server reads them (full-width digits, thousands separators).
 *
 * @example parseCsv('a,"b,c"\n1,2') // [['a', 'b,c'], ['1', '2']]
 */
export function parseCsv(text: string): Cell[][] {
  const rows: Cell[][] = [];
  let row: Cell[] = [];
  let cell = '';
  let quoted = false;
  const body = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < body.length; i += 1) {
    const c = body[i] as string;
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && body[i + 1] === '\n') i += 1;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows.map((r) => r.map((v) => (v === '' ? null : v)));
}

/** Text of a CSV file: UTF-8 when it is valid UTF-8, else GBK (what Excel saves in China). */
export function decodeCsv(bytes: ArrayBuffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gbk').decode(bytes);
  }
}

interface ExcelCellValue {
  readonly richText?: readonly { readonly text: string }[];
  readonly result?: unknown;
  readonly text?: string;
}

function excelCell(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string') return value === '' ? null : value;
  if (typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  const v = value as ExcelCellValue;
  if (v.richText) return v.richText.map((r) => r.text).join('');
  if (v.result !== undefined) return excelCell(v.result);
  if (typeof v.text === 'string') return v.text;
  return null;
}

async function readXlsx(bytes: ArrayBuffer): Promise<Cell[][]> {
  // Loaded only when a workbook is opened: it is large and most visits never need it.
  const module = (await import('exceljs')) as typeof ExcelJs & { default?: typeof ExcelJs };
  const excel = module.default ?? module;
  const book = new excel.Workbook();
  await book.xlsx.load(bytes);
  const sheet = book.worksheets[0];
  if (!sheet) return [];
  const rows: Cell[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, number) => {
    const cells: Cell[] = [];
    for (let c = 1; c <= sheet.columnCount; c += 1) cells.push(excelCell(row.getCell(c).value));
    rows[number - 1] = cells;
  });
  return Array.from(rows, (r) => r ?? []);
}

/** The rows of an uploaded .xlsx or .csv file. */
export async function readTableFile(file: Blob & { readonly name: string }): Promise<Cell[][]> {
  const bytes = await file.arrayBuffer();
  if (/\.xlsx$/i.test(file.name)) return readXlsx(bytes);
  return parseCsv(decodeCsv(bytes));
}

/**
 * The table below the first row holding one of `headerNames` (title rows above it are
 * skipped), without empty rows; null when no row holds one.
 *
 * @example withHeader([['玉门市任务分解表'], ['区域', 'x'], ['老城区', 1]], ['区域']) // { headers: ['区域', 'x'], rows: [['老城区', 1]] }
 */
export function withHeader(rows: readonly Cell[][], headerNames: readonly string[]): HeadedTable | null {
  const names = new Set(headerNames.map((n) => n.toLowerCase()));
  const at = rows.findIndex((r) => r.some((c) => typeof c === 'string' && names.has(c.trim().toLowerCase())));
  if (at < 0) return null;
  const headers = (rows[at] as Cell[]).map((c) => (c === null ? '' : String(c).trim()));
  const body = rows
    .slice(at + 1)
    .filter((r) => r.some((c) => c !== null && String(c).trim() !== ''))
    .map((r) => headers.map((_h, i) => r[i] ?? null));
  return { headers, rows: body };
}
