/**
 * The bulletin as a Word document (.docx) with the `docx` library, laid out as a government
 * document (GB/T 9704): A4, title 二号 方正小标宋, body 三号 仿宋 at a fixed 28-point line,
 * 一、 in 黑体, （一） in 楷体; the annex tables on landscape pages; charts as PNG images.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  ImageRun,
  LineRuleType,
  Packer,
  PageOrientation,
  Paragraph,
  TabStopType,
  Table,
  TableLayoutType,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ISectionOptions,
} from 'docx';
import type { Annex } from '../../domain/bulletins/annex.js';
import type { BulletinModel } from '../../domain/bulletins/bulletin-model.js';

/** A chart image for Word: PNG bytes and the size to show it at (pixels at 96 dpi). */
export interface ChartImage {
  readonly png: Buffer;
  readonly width: number;
  readonly height: number;
}

const FONTS = {
  title: '方正小标宋简体',
  body: '仿宋_GB2312',
  heading1: '黑体',
  heading2: '楷体_GB2312',
  table: '宋体',
} as const;

/** Half-points: 二号 22pt, 三号 16pt, 五号 10.5pt. */
const SIZE = { title: 44, body: 32, table: 21 } as const;
/** Twips: 28-point fixed line; 2 characters of 三号 first-line indent. */
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

function bodyParagraph(
  children: TextRun[],
  options: { indent?: boolean; align?: (typeof AlignmentType)[keyof typeof AlignmentType] } = {},
): Paragraph {
  return new Paragraph({
    children,
    // Left, not justified: a line ending before an unbreakable figure (87.52%，) would be
    // stretched with gaps between its characters.
    alignment: options.align ?? AlignmentType.LEFT,
    indent: options.indent === false ? undefined : { firstLine: INDENT },
    spacing: { line: LINE, lineRule: LineRuleType.EXACT },
  });
}

/** Twips of the portrait body's type area (A4 less the margins below). */
const BODY_WIDTH = 11_906 - 1_587 - 1_474;
/** Twips of the landscape annex's type area (297 mm less 2 × 18 mm). */
const ANNEX_WIDTH = 14_800;
const UNIT_COLUMN = 1_500;

function annexTable(annex: Annex, group: Annex['groups'][number]): Table {
  // Wide groups (the HEARTS set) in 小五 so that a figure and its % stay on one line.
  const size = group.columns.length > 9 ? 18 : SIZE.table;
  const columnWidth = Math.floor((ANNEX_WIDTH - UNIT_COLUMN) / Math.max(group.columns.length, 1));
  const cell = (
    text: string,
    width: number,
    bold = false,
    align: (typeof AlignmentType)[keyof typeof AlignmentType] = AlignmentType.CENTER,
  ): TableCell =>
    new TableCell({
      width: { size: width, type: WidthType.DXA },
      margins: { left: 60, right: 60 },
      children: [new Paragraph({ alignment: align, children: [run(text, FONTS.table, size, bold)] })],
    });
  // A Latin word that opens a header (HEARTS) gets a line of its own, a size smaller in the
  // wide groups: a narrow column would otherwise break it between letters (HEART|S).
  const headerCell = (name: string): TableCell => {
    const latin = /^([A-Za-z][A-Za-z0-9-]*)\s*(.+)$/.exec(name);
    if (latin === null) return cell(name, columnWidth, true);
    const latinSize = group.columns.length > 9 ? size - 2 : size;
    return new TableCell({
      width: { size: columnWidth, type: WidthType.DXA },
      margins: { left: 60, right: 60 },
      children: [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          children: [
            run(latin[1]!, FONTS.table, latinSize, true),
            new TextRun({
              text: latin[2]!,
              break: 1,
              bold: true,
              size,
              font: { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: FONTS.table },
            }),
          ],
        }),
      ],
    });
  };
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: [cell('单位', UNIT_COLUMN, true), ...group.columns.map((c) => headerCell(c.name))],
  });
  const rows = annex.rows.map(
    (row) =>
      new TableRow({
        cantSplit: true,
        children: [
          cell(row.name, UNIT_COLUMN, row.isTotal),
          ...group.columns.map((c) =>
            cell(row.cells[c.indicator]?.text ?? '—', columnWidth, row.isTotal, AlignmentType.RIGHT),
          ),
        ],
      }),
  );
  const line = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  return new Table({
    rows: [header, ...rows],
    width: { size: UNIT_COLUMN + columnWidth * group.columns.length, type: WidthType.DXA },
    columnWidths: [UNIT_COLUMN, ...group.columns.map(() => columnWidth)],
    layout: TableLayoutType.FIXED,
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

/**
 * The closing block (版记, GB/T 9704 7.4): 抄送 when given, then who prints it and on what
 * day, between rules. It closes the document after the annexes (附件 come before the 版记)
 * and stands at the foot of the last page, its last line on the page's last line.
 */
function closingBlock(model: BulletinModel): Paragraph[] {
  const rule = { style: BorderStyle.SINGLE, size: 8, color: '000000', space: 4 };
  const lines: Paragraph[] = [];
  if (model.closing.copyTo !== null)
    lines.push(
      new Paragraph({
        border: { top: rule },
        indent: { left: 320, right: 320 },
        spacing: { line: LINE, lineRule: LineRuleType.EXACT },
        children: [run(`抄送：${model.closing.copyTo}。`, FONTS.body, 28)],
      }),
    );
  lines.push(
    new Paragraph({
      border: { top: rule, bottom: rule },
      indent: { left: 320, right: 320 },
      tabStops: [{ type: TabStopType.RIGHT, position: BODY_WIDTH - 640 }],
      spacing: { line: LINE, lineRule: LineRuleType.EXACT },
      children: [run(`${model.closing.printedBy}\t${model.closing.printedOn}`, FONTS.body, 28)],
    }),
  );
  return lines;
}

/** Renders the bulletin to .docx bytes. `charts` are PNGs in the order of `model.charts`. */
export async function renderBulletinDocx(
  model: BulletinModel,
  charts: readonly ChartImage[] = [],
): Promise<Buffer> {
  const main: Paragraph[] = [];
  if (model.docNumber)
    main.push(
      bodyParagraph([run(model.docNumber, FONTS.body, SIZE.body)], {
        indent: false,
        align: AlignmentType.CENTER,
      }),
    );
  main.push(
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 560, after: 560, line: 660, lineRule: LineRuleType.EXACT },
      children: model.titleLines.map((line, i) =>
        i === 0
          ? run(line, FONTS.title, SIZE.title)
          : new TextRun({
              text: line,
              break: 1,
              size: SIZE.title,
              font: { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: FONTS.title },
            }),
      ),
    }),
  );
  main.push(bodyParagraph([run(model.addressee, FONTS.body, SIZE.body)], { indent: false }));
  main.push(bodyParagraph([run(model.intro, FONTS.body, SIZE.body)]));
  for (const block of model.blocks) {
    if (block.kind === 'heading') {
      main.push(
        bodyParagraph([run(block.text, block.level === 1 ? FONTS.heading1 : FONTS.heading2, SIZE.body)]),
      );
    } else {
      const runs = block.lead ? [run(block.lead, FONTS.body, SIZE.body, true)] : [];
      if (block.text) runs.push(run(block.text, FONTS.body, SIZE.body));
      main.push(bodyParagraph(runs));
    }
  }
  model.annexNote.forEach((line, i) =>
    main.push(
      new Paragraph({
        children: [run(line, FONTS.body, SIZE.body)],
        indent: i === 0 ? { firstLine: INDENT } : { left: INDENT + 3 * 320 },
        spacing: { before: i === 0 ? LINE : 0, line: LINE, lineRule: LineRuleType.EXACT },
      }),
    ),
  );
  main.push(new Paragraph({ children: [] }));
  main.push(
    bodyParagraph([run(model.issuer, FONTS.body, SIZE.body)], { indent: false, align: AlignmentType.RIGHT }),
  );
  main.push(
    bodyParagraph([run(model.dateText, FONTS.body, SIZE.body)], {
      indent: false,
      align: AlignmentType.RIGHT,
    }),
  );

  const portrait = { page: { margin: { top: 2098, bottom: 1984, left: 1587, right: 1474 } } };
  const landscape = {
    page: {
      size: { orientation: PageOrientation.LANDSCAPE },
      margin: { top: 1134, bottom: 1134, left: 1020, right: 1020 },
    },
  };
  const sections: ISectionOptions[] = [{ properties: portrait, children: main }];

  const annexChildren: Array<Paragraph | Table> = [
    new Paragraph({ children: [run(charts.length ? '附件1' : '附件', FONTS.heading1, SIZE.body)] }),
    new Paragraph({ alignment: AlignmentType.CENTER, children: [run(model.annex.title, FONTS.title, 36)] }),
  ];
  for (const group of model.annex.groups) {
    annexChildren.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { before: 200 },
        keepNext: true,
        children: [run(group.title, FONTS.heading1, 24)],
      }),
    );
    annexChildren.push(annexTable(model.annex, group));
  }
  for (const note of model.annex.notes)
    annexChildren.push(
      new Paragraph({ spacing: { before: 120 }, children: [run(note, FONTS.body, SIZE.table)] }),
    );
  sections.push({ properties: landscape, children: annexChildren });

  if (charts.length > 0) {
    const chartChildren: Paragraph[] = [
      new Paragraph({ children: [run('附件2', FONTS.heading1, SIZE.body)] }),
      new Paragraph({ alignment: AlignmentType.CENTER, children: [run(model.chartsTitle, FONTS.title, 36)] }),
    ];
    for (const chart of charts)
      chartChildren.push(
        new Paragraph({
          alignment: AlignmentType.CENTER,
          children: [
            new ImageRun({
              type: 'png',
              data: chart.png,
              transformation: { width: chart.width, height: chart.height },
            }),
          ],
        }),
      );
    sections.push({ properties: portrait, children: chartChildren });
  }
  // The 版记 page: a page of its own whose footer holds the block, because a footer is the
  // one place at the foot of a page that Word and LibreOffice both keep (LibreOffice drops a
  // frame or table anchored to the bottom of the page). The page carries no page number,
  // as GB/T 9704 7.5 has it for the 版记 page.
  sections.push({
    properties: portrait,
    footers: { default: new Footer({ children: closingBlock(model) }) },
    children: [new Paragraph({ children: [] })],
  });

  const doc = new Document({
    title: model.title,
    creator: model.issuer,
    description: `${model.org.name} ${model.period}`,
    sections,
  });
  return Packer.toBuffer(doc);
}
