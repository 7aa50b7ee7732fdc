/**
 * A name list (名单) as an Excel file, the way a bureau or a village doctor prints one: a
 * title row across the sheet, a bold header, then one row per person, the first two rows
 * frozen, fitted to the width of an A4 page. Columns holding long numbers (record numbers,
 * ID numbers, phones) are text cells: Excel would round them.
 */
import ExcelJS from 'exceljs';

/** One column of a name list. */
export interface NameListColumn {
  readonly header: string;
  /** Width in characters. */
  readonly width: number;
  /** True for a column of long numbers kept as text. */
  readonly text?: boolean;
}

/** What a name list holds. */
export interface NameList {
  /** Name of the worksheet tab. */
  readonly sheet: string;
  /** The title row, e.g. '平凉市 高血压患者规范管理率 2020年第二季度 名单'. */
  readonly title: string;
  readonly orientation: 'portrait' | 'landscape';
  readonly columns: readonly NameListColumn[];
  /** One array per person, in the order of `columns`. */
  readonly rows: readonly (readonly ExcelJS.CellValue[])[];
}

/**
 * Builds the workbook of a name list.
 *
 * @example
 * await nameListXlsx({ sheet: '名单', title: '东华村 名单', orientation: 'portrait',
 *   columns: [{ header: '序号', width: 6 }, { header: '档案编号', width: 20, text: true }],
 *   rows: [[1, '62088110020100001']] })
 */
export async function nameListXlsx(list: NameList): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Gongwei 公卫';
  const sheet = workbook.addWorksheet(list.sheet, {
    views: [{ state: 'frozen', ySplit: 2 }],
    pageSetup: {
      orientation: list.orientation,
      paperSize: 9,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    },
  });
  sheet.mergeCells(1, 1, 1, list.columns.length);
  const title = sheet.getCell(1, 1);
  title.value = list.title;
  title.font = { bold: true, size: 14 };
  title.alignment = { horizontal: 'center' };
  const header = sheet.addRow(list.columns.map((c) => c.header));
  header.font = { bold: true };
  header.alignment = { horizontal: 'center' };
  list.columns.forEach((c, i) => (sheet.getColumn(i + 1).width = c.width));
  const textColumns = list.columns.flatMap((c, i) => (c.text ? [i + 1] : []));
  for (const values of list.rows) {
    const row = sheet.addRow([...values]);
    for (const col of textColumns) row.getCell(col).numFmt = '@';
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
