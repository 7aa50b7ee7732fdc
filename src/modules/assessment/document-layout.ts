/**
 * The pieces of a bureau's Word document (GB/T 9704 after the bulletins' layout: A4, title
 * 二号 方正小标宋, body 三号 仿宋 at a fixed 28-point line, tables in 五号 宋体) and of its
 * Excel tables (a merged title row, bold header, thin borders), shared by the assessment
 * and funding exports.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  LineRuleType,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type ExcelJS from 'exceljs';

const FONTS = { title: '方正小标宋简体', body: '仿宋_GB2312', heading: '黑体', table: '宋体' } as const;
const SIZE = { title: 44, body: 32, table: 21 } as const;
const LINE = 560;
const INDENT = 640;

function run(text: string, font: string, size: number, bold = false): TextRun {
  return new TextRun({
    text,
    bold,
    size,
    font: { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: font },
  });
}

/** A block of a document: a title, a heading (一、…), a body paragraph, or a table. */
export type DocBlock =
  | { readonly kind: 'title'; readonly text: string }
  | { readonly kind: 'heading'; readonly text: string }
  | { readonly kind: 'paragraph'; readonly text: string; readonly align?: 'right' }
  | {
      readonly kind: 'table';
      readonly header: readonly string[];
      readonly rows: ReadonlyArray<readonly string[]>;
    };

function tableOf(header: readonly string[], rows: ReadonlyArray<readonly string[]>): Table {
  const cell = (text: string, bold = false): TableCell =>
    new TableCell({
      children: [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          children: [run(text, FONTS.table, SIZE.table, bold)],
        }),
      ],
    });
  const line = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  return new Table({
    rows: [
      new TableRow({ tableHeader: true, children: header.map((h) => cell(h, true)) }),
      ...rows.map((r) => new TableRow({ children: r.map((c) => cell(c)) })),
    ],
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: {
      top: line,
      bottom: line,
      left: line,
      right: line,
      insideHorizontal: line,
      insideVertical: line,
    },
  });
}

/** The .docx bytes of `blocks`. */
export async function renderDocx(blocks: readonly DocBlock[]): Promise<Buffer> {
  const children = blocks.map((b) => {
    switch (b.kind) {
      case 'title':
        return new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: { line: LINE * 1.2, lineRule: LineRuleType.EXACT, after: LINE / 2 },
          children: [run(b.text, FONTS.title, SIZE.title)],
        });
      case 'heading':
        return new Paragraph({
          indent: { firstLine: INDENT },
          spacing: { line: LINE, lineRule: LineRuleType.EXACT },
          children: [run(b.text, FONTS.heading, SIZE.body)],
        });
      case 'paragraph':
        return new Paragraph({
          alignment: b.align === 'right' ? AlignmentType.RIGHT : AlignmentType.JUSTIFIED,
          indent: b.align === 'right' ? undefined : { firstLine: INDENT },
          spacing: { line: LINE, lineRule: LineRuleType.EXACT },
          children: [run(b.text, FONTS.body, SIZE.body)],
        });
      case 'table':
        return tableOf(b.header, b.rows);
    }
  });
  const doc = new Document({
    creator: 'Gongwei 公卫',
    sections: [
      {
        properties: {
          page: {
            size: { width: 11906, height: 16838 },
            margin: { top: 2098, bottom: 1984, left: 1588, right: 1474 },
          },
        },
        children,
      },
    ],
  });
  return Buffer.from(await Packer.toBuffer(doc));
}

/**
 * Adds a sheet with a merged title row, a bold header row and the rows (numbers stay
 * numbers, formatted by `formats[column]`), all bordered.
 */
export function addTableSheet(
  workbook: ExcelJS.Workbook,
  name: string,
  title: string,
  header: readonly string[],
  rows: ReadonlyArray<ReadonlyArray<string | number | null>>,
  formats: Readonly<Record<number, string>> = {},
): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(name.slice(0, 31), {
    views: [{ state: 'frozen', ySplit: 2 }],
    pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  sheet.mergeCells(1, 1, 1, header.length);
  sheet.getCell(1, 1).value = title;
  sheet.getCell(1, 1).font = { bold: true, size: 14 };
  sheet.getCell(1, 1).alignment = { horizontal: 'center' };
  const head = sheet.addRow([...header]);
  head.font = { bold: true };
  head.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  for (const r of rows) {
    const row = sheet.addRow([...r]);
    for (const [col, fmt] of Object.entries(formats)) row.getCell(Number(col) + 1).numFmt = fmt;
  }
  header.forEach((h, i) => {
    sheet.getColumn(i + 1).width = Math.max(10, Math.min(40, h.length * 2 + 4));
  });
  for (let r = 2; r <= sheet.rowCount; r += 1)
    for (let c = 1; c <= header.length; c += 1)
      sheet.getCell(r, c).border = {
        top: { style: 'thin' },
        left: { style: 'thin' },
        bottom: { style: 'thin' },
        right: { style: 'thin' },
      };
  return sheet;
}
