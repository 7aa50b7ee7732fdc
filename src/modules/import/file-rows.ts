import { createReadStream, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { extname } from 'node:path';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { GongweiError, type LocalizedText } from '../../domain/gongwei-error.js';
import type { RawCell } from '../../domain/import/cell-values.js';

/** One non-blank row of a file, numbered as the user sees it (the header is row 1). */
export interface FileRow {
  readonly row: number;
  readonly cells: RawCell[];
}

/** How a file's text was decoded. */
export type FileEncoding = 'utf-8' | 'gbk' | 'xlsx';

/** The rows of an import file, read lazily, with how far the reading has got. */
export interface FileRows {
  readonly encoding: FileEncoding;
  readonly rows: AsyncIterable<FileRow>;
  /** Bytes of the file read so far and in total, for a progress bar. */
  progress(): { done: number; total: number };
}

/**
 * A file that cannot be read as an import file at all (not a row-level problem): 400
 * `bad_request`. The message is `中文 / English: detail`, the detail naming the file or
 * the parser's reason.
 *
 * @example throw new ImportFileError({ zh: '文件不存在', en: 'file not found' }, path);
 */
export class ImportFileError extends GongweiError {
  override readonly name = 'ImportFileError';
  constructor(text: LocalizedText, detail?: string) {
    super('bad_request', text, {
      message: `${text.zh} / ${text.en}${detail === undefined ? '' : `: ${detail}`}`,
    });
  }
}

const SCAN_CHUNK = 64 * 1024;
// Enough valid multi-byte UTF-8 to rule out GBK: GBK text that also decodes as UTF-8
// does not survive a few kilobytes.
const CONVINCING_NON_ASCII_BYTES = 4096;

/**
 * Decides how a CSV file is encoded: UTF-8 (with or without BOM) when its bytes are valid
 * UTF-8, otherwise GBK (read as GB18030, its superset). Files that are plain ASCII for
 * their first kilobytes are scanned on until their first non-ASCII bytes decide.
 *
 * @example await detectEncoding('data/residents.csv') // 'gbk'
 */
export async function detectEncoding(path: string): Promise<'utf-8' | 'gbk'> {
  const handle = await open(path, 'r');
  try {
    const decoder = new TextDecoder('utf-8', { fatal: true });
    const buffer = Buffer.alloc(SCAN_CHUNK);
    let nonAscii = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, SCAN_CHUNK, null);
      if (bytesRead === 0) return 'utf-8';
      const chunk = buffer.subarray(0, bytesRead);
      try {
        decoder.decode(chunk, { stream: true });
      } catch {
        return 'gbk';
      }
      for (const byte of chunk) if (byte >= 0x80) nonAscii++;
      if (nonAscii >= CONVINCING_NON_ASCII_BYTES) return 'utf-8';
    }
  } finally {
    await handle.close();
  }
}

function isBlank(cells: readonly RawCell[]): boolean {
  return cells.every((c) => c === null || (typeof c === 'string' && c.trim() === ''));
}

async function csvRows(path: string): Promise<FileRows> {
  const encoding = await detectEncoding(path);
  const total = statSync(path).size;
  const input = createReadStream(path);
  const parser = input
    .pipe(iconv.decodeStream(encoding === 'gbk' ? 'gb18030' : 'utf-8'))
    .pipe(parse({ bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: false }));
  async function* rows(): AsyncGenerator<FileRow> {
    let row = 0;
    try {
      for await (const record of parser as AsyncIterable<string[]>) {
        row++;
        if (!isBlank(record)) yield { row, cells: record };
      }
    } catch (error) {
      throw new ImportFileError(
        { zh: `CSV 无法解析（第${row + 1}行附近）`, en: `CSV could not be parsed near row ${row + 1}` },
        (error as Error).message,
      );
    } finally {
      input.destroy();
    }
  }
  return { encoding, rows: rows(), progress: () => ({ done: input.bytesRead, total }) };
}

/** The value of an Excel cell as a raw import cell; Excel dates become ISO text. */
function excelCell(value: ExcelJS.CellValue): RawCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  // exceljs turns date-formatted serials into Date objects at UTC midnight of the shown day.
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as ExcelJS.CellFormulaValue).result;
    return result === undefined || typeof result === 'object'
      ? excelCell(result as ExcelJS.CellValue)
      : result;
  }
  if ('text' in value) return String(value.text);
  if ('error' in value) return String(value.error);
  return null;
}

async function xlsxRows(path: string): Promise<FileRows> {
  const total = statSync(path).size;
  const input = createReadStream(path);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'emit',
  });
  async function* rows(): AsyncGenerator<FileRow> {
    try {
      for await (const sheet of reader) {
        for await (const row of sheet) {
          const values = row.values as ExcelJS.CellValue[];
          const cells: RawCell[] = [];
          for (let i = 1; i < values.length; i++) cells.push(excelCell(values[i]));
          if (!isBlank(cells)) yield { row: row.number, cells };
        }
        // Only the first worksheet is read: an export's data sheet comes first.
        break;
      }
    } catch (error) {
      if (error instanceof ImportFileError) throw error;
      throw new ImportFileError(
        { zh: 'Excel 文件无法读取', en: 'the Excel file could not be read' },
        (error as Error).message,
      );
    } finally {
      input.destroy();
    }
  }
  return { encoding: 'xlsx', rows: rows(), progress: () => ({ done: input.bytesRead, total }) };
}

/**
 * Opens a CSV (UTF-8 or GBK, detected) or .xlsx file (first worksheet) and yields its
 * non-blank rows, numbered as the user sees them in Excel. Other extensions are refused.
 *
 * @example for await (const { row, cells } of (await readFileRows('a.csv')).rows) { ... }
 */
export async function readFileRows(path: string): Promise<FileRows> {
  const extension = extname(path).toLowerCase();
  try {
    statSync(path);
  } catch {
    throw new ImportFileError({ zh: '文件不存在', en: 'file not found' }, path);
  }
  if (extension === '.csv' || extension === '.txt') return csvRows(path);
  if (extension === '.xlsx') return xlsxRows(path);
  throw new ImportFileError(
    {
      zh: '只能导入 .csv 或 .xlsx 文件（.xls 请另存为 .xlsx）',
      en: 'only .csv and .xlsx files can be imported (save .xls as .xlsx)',
    },
    path,
  );
}
