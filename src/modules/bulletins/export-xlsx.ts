/**
 * Excel export of indicator tables (the bulletin annex and `gongwei export indicators`)
 * with exceljs: two header rows (programme, indicator), one row per unit, numbers stored as
 * numbers (rates as fractions formatted 0.00%) so the sheet can be computed on.
 */
import ExcelJS from 'exceljs';
import type { Annex } from '../../domain/bulletins/annex.js';
import { rateRemark } from '../../domain/indicators/rate-over-full.js';

/** Builds the workbook of one indicator table; the sheet is named `sheetName`. */
export async function indicatorTableXlsx(table: Annex, sheetName = '附件'): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Gongwei 公卫';
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31), {
    views: [{ state: 'frozen', xSplit: 1, ySplit: 3 }],
    pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  const columns = table.groups.flatMap((g) => g.columns);
  const width = columns.length + 1;
  sheet.mergeCells(1, 1, 1, Math.max(width, 1));
  sheet.getCell(1, 1).value = table.title;
  sheet.getCell(1, 1).font = { bold: true, size: 14 };
  sheet.getCell(1, 1).alignment = { horizontal: 'center' };

  sheet.mergeCells(2, 1, 3, 1);
  sheet.getCell(2, 1).value = '单位';
  let col = 2;
  for (const group of table.groups) {
    if (group.columns.length > 1) sheet.mergeCells(2, col, 2, col + group.columns.length - 1);
    sheet.getCell(2, col).value = group.title;
    for (const c of group.columns) {
      sheet.getCell(3, col).value = c.name;
      sheet.getColumn(col).width = Math.max(10, Math.min(24, c.name.length * 2 + 2));
      col += 1;
    }
  }
  sheet.getColumn(1).width = 16;
  for (const r of [2, 3]) {
    const row = sheet.getRow(r);
    row.font = { bold: true };
    row.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  }

  for (const unit of table.rows) {
    const values: Array<string | number | null> = [unit.name];
    for (const c of columns) values.push(unit.cells[c.indicator]?.value ?? null);
    const row = sheet.addRow(values);
    if (unit.isTotal) row.font = { bold: true };
    columns.forEach((c, i) => {
      if (c.unit === 'percent') row.getCell(i + 2).numFmt = '0.00%';
      else row.getCell(i + 2).numFmt = '0';
    });
  }
  const last = sheet.rowCount;
  for (let r = 2; r <= last; r += 1)
    for (let c = 1; c <= width; c += 1)
      sheet.getCell(r, c).border = {
        top: { style: 'thin' },
        left: { style: 'thin' },
        bottom: { style: 'thin' },
        right: { style: 'thin' },
      };
  // The cells hold the numbers themselves; a rate above 100 % is marked by its note and colour.
  table.rows.forEach((unit, r) =>
    columns.forEach((c, i) => {
      if (rateRemark({ unit: c.unit }, unit.cells[c.indicator]?.value ?? null) !== null)
        sheet.getCell(r + 4, i + 2).font = { color: { argb: 'FFCF1322' }, bold: unit.isTotal };
    }),
  );
  for (const note of table.notes) sheet.addRow([note]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
