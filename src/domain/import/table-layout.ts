/**
 * Where the table is in a sheet a bureau made by hand: title rows above it, a header that
 * may be one row or two (a group merged over its sub-columns, e.g. 高血压患者管理 over
 * 任务数 / 完成数 / 完成率), and total rows (合计) among the data. Detected, never configured:
 * import files and plan tables are read the same way.
 *
 * Merged cells arrive as the merge's first cell followed by empty cells (CSV has no merges;
 * Excel's streaming reader does not repeat the value), so a group header covers the empty
 * header cells to its right until the next non-empty one.
 */

/** A cell as the file readers hand it over. */
export type LayoutCell = string | number | boolean | null;

/** One row of a sheet with its row number as the spreadsheet shows it. */
export interface SheetRow {
  readonly row: number;
  readonly cells: readonly LayoutCell[];
}

/** How the header was found. */
export interface HeaderLocation {
  /** The header of each column, a group and its sub-column joined by `joinHeader`. */
  readonly headers: readonly string[];
  /** The sheet rows of the header: one, or two when a group row sits over sub-columns. */
  readonly headerRows: readonly number[];
  /** Rows above the header (a title, a unit line, a date), left unread. */
  readonly titleRows: readonly number[];
  /** Index in the given rows of the first row below the header. */
  readonly firstDataIndex: number;
}

/** How to recognise and name header cells. */
export interface HeaderRules {
  /** True for a header the reader knows (a column of the import kind, 区域 of a plan). */
  readonly recognises: (header: string) => boolean;
  /**
   * The name of a column under a two-row header, from its group (the merged cell above) and
   * its sub-column; either may be ''. By default the sub-column where there is one.
   */
  readonly joinHeader?: (group: string, sub: string) => string;
}

/** How many rows from the top a header may start (title, unit, date, blank lines above it). */
export const MAX_TITLE_ROWS = 10;

function text(cell: LayoutCell | undefined): string {
  if (cell === null || cell === undefined) return '';
  return String(cell).replace(/\s+/g, ' ').trim();
}

// A count, a rate or a code; not a date or a period, which a header may name (进度 2011-05).
const NUMBER_LIKE = /^[-+]?[\d０-９][\d０-９,，\s]*([.．][\d０-９]+)?[%％]?$/;

/** True for a cell a data row would hold and a header never does: a number, a rate, a code. */
function isDataLike(cell: LayoutCell | undefined): boolean {
  if (typeof cell === 'number' || typeof cell === 'boolean') return true;
  return NUMBER_LIKE.test(text(cell));
}

function isSubHeaderRow(header: readonly LayoutCell[], below: readonly LayoutCell[] | undefined): boolean {
  if (below === undefined) return false;
  if (below.some(isDataLike)) return false;
  // A title merged across the sheet is one cell, a group row has several.
  if (header.filter((cell) => text(cell) !== '').length < 2) return false;
  // A sub-column stands under a merged group: the header row is empty there, or the group
  // spans it from the left; at least one such column must exist.
  let group = '';
  let spanned = false;
  const width = Math.max(header.length, below.length);
  for (let c = 0; c < width; c++) {
    const top = text(header[c]);
    if (top !== '') group = top;
    const sub = text(below[c]);
    if (sub !== '' && top === '' && group !== '') spanned = true;
  }
  return spanned;
}

/** The default name of a column under a two-row header: the sub-column, else the group. */
export function subColumnFirst(group: string, sub: string): string {
  return sub !== '' ? sub : group;
}

/**
 * Finds the header in the first {@link MAX_TITLE_ROWS} rows: the first row holding a header
 * `rules.recognises`; when the row below it holds only words and names sub-columns under
 * merged groups, the two rows make the header. Null when no row is recognised (the caller
 * then reports the missing columns against the first row).
 *
 * @example
 * findHeader(
 *   [{ row: 1, cells: ['2020年上半年任务分解表'] },
 *    { row: 2, cells: ['区域', '高血压', null] },
 *    { row: 3, cells: [null, '基数', '全年率'] }],
 *   { recognises: (h) => h === '区域', joinHeader: (g, s) => (s ? `${g}:${s}` : g) },
 * )
 * // → { headers: ['区域', '高血压:基数', '高血压:全年率'], headerRows: [2, 3], titleRows: [1], firstDataIndex: 3 }
 */
export function findHeader(rows: readonly SheetRow[], rules: HeaderRules): HeaderLocation | null {
  const join = rules.joinHeader ?? subColumnFirst;
  const limit = Math.min(rows.length, MAX_TITLE_ROWS);
  for (let i = 0; i < limit; i++) {
    const top = (rows[i] as SheetRow).cells;
    const recognised = top.some((cell) => {
      const header = text(cell);
      return header !== '' && rules.recognises(header);
    });
    const below = rows[i + 1]?.cells;
    // A group row over sub-columns may itself name no known column (基本信息 over 姓名, 性别).
    const groupRowOverKnown =
      !recognised &&
      below !== undefined &&
      isSubHeaderRow(top, below) &&
      below.some((cell) => text(cell) !== '' && rules.recognises(text(cell)));
    if (!recognised && !groupRowOverKnown) continue;
    const titleRows = rows.slice(0, i).map((r) => r.row);
    if (!isSubHeaderRow(top, below)) {
      return {
        headers: top.map(text),
        headerRows: [(rows[i] as SheetRow).row],
        titleRows,
        firstDataIndex: i + 1,
      };
    }
    const width = Math.max(top.length, (below as readonly LayoutCell[]).length);
    const headers: string[] = [];
    let group = '';
    for (let c = 0; c < width; c++) {
      const upper = text(top[c]);
      const sub = text(below?.[c]);
      // A header merged down over both rows names its own column and ends any group.
      if (upper !== '' && sub === '') {
        group = '';
        headers.push(upper);
        continue;
      }
      if (upper !== '') group = upper;
      headers.push(join(group, sub));
    }
    return {
      headers,
      headerRows: [(rows[i] as SheetRow).row, (rows[i + 1] as SheetRow).row],
      titleRows,
      firstDataIndex: i + 2,
    };
  }
  return null;
}

const TOTAL_LABEL = /^(?:全[县市区省旗州盟])?(?:合计|总计|小计|总合计|累计)$|^(?:total|sum|grand total)$/i;

/**
 * True for a total row: its first non-empty cell among the first three reads 合计, 总计,
 * 小计, 全县合计 (and the like) or Total. Bureaus end their tables with one; it is a sum of the
 * rows above, not an area or a person.
 *
 * @example isTotalRow(['合 计', null, 1200]) // true
 * @example isTotalRow(['合水县', 310, 1200]) // false
 */
export function isTotalRow(cells: readonly LayoutCell[]): boolean {
  for (const cell of cells.slice(0, 3)) {
    const label = text(cell).replace(/[\s\u3000:：]/g, '');
    if (label === '') continue;
    return TOTAL_LABEL.test(label);
  }
  return false;
}
