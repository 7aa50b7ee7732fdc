/**
 * A push plan in the layouts a bureau prints: Excel and Word (title, date line, table with
 * leader and contact columns, a total row per task), CSV and a plain-text table.
 */
import {
  AlignmentType,
  Document,
  Packer,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import ExcelJS from 'exceljs';
import { formatChineseDate } from '../../domain/bulletins/chinese-format.js';
import type { PushPlan, PushPlanRow } from '../../domain/targets/push-plan.js';

/** The heading of an exported push plan. */
export interface PushPlanHeading {
  /** e.g. '某县基本公共卫生服务'; the title becomes '<title>攻坚计划'. */
  title: string;
  /** Day the done counts were taken (defaults to the as-of date). */
  doneAsOf?: string;
}

/** Column headers, Chinese first. */
export const PUSH_PLAN_COLUMNS = [
  { key: 'index', zh: '序号', en: 'No.' },
  { key: 'unit', zh: '单位', en: 'unit' },
  { key: 'task', zh: '任务', en: 'task' },
  { key: 'target', zh: '目标数', en: 'target' },
  { key: 'done', zh: '已完成', en: 'done' },
  { key: 'remaining', zh: '剩余任务', en: 'remaining' },
  { key: 'daysLeft', zh: '剩余天数', en: 'days left' },
  { key: 'perDay', zh: '日均任务', en: 'per day' },
  { key: 'leader', zh: '负责人', en: 'leader' },
  { key: 'phone', zh: '联系电话', en: 'phone' },
] as const;

function cellsOf(plan: PushPlan): string[][] {
  let index = 0;
  return plan.rows.map((r: PushPlanRow) => [
    r.total ? '' : String((index += 1)),
    r.unit,
    r.task,
    String(r.target),
    String(r.done),
    String(r.remaining),
    String(r.daysLeft),
    String(r.perDay),
    r.leader ?? '',
    r.phone ?? '',
  ]);
}

function dateLine(plan: PushPlan, heading: PushPlanHeading): string {
  const counting = plan.days === 'working' ? '个工作日' : '天';
  const done =
    heading.doneAsOf && heading.doneAsOf !== plan.asOf
      ? `（完成数统计至${formatChineseDate(heading.doneAsOf)}）`
      : '';
  // Ideographic spaces separate the parts, as in a typed document.
  const gap = '\u3000';
  return `统计日期：${formatChineseDate(plan.asOf)}${done}${gap}截止日期：${formatChineseDate(plan.deadline)}${gap}剩余${plan.daysLeft}${counting}`;
}

/**
 * The plan as CSV with Chinese headers (UTF-8 with BOM so that Excel opens it right).
 *
 * @example
 * writeFileSync('plan.csv', pushPlanCsv(plan));
 */
export function pushPlanCsv(plan: PushPlan): string {
  const quote = (v: string): string => (/[",\n\r]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
  const lines = [PUSH_PLAN_COLUMNS.map((c) => c.zh), ...cellsOf(plan)].map((cells) =>
    cells.map(quote).join(','),
  );
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** The plan as an aligned plain-text table for a terminal. */
export function pushPlanText(plan: PushPlan, heading: PushPlanHeading): string {
  const rows = [PUSH_PLAN_COLUMNS.map((c) => c.zh), ...cellsOf(plan)];
  // East Asian characters take two columns in a terminal.
  const width = (s: string): number => [...s].reduce((w, ch) => w + (/[\u1100-\uFFFF]/.test(ch) ? 2 : 1), 0);
  const widths = PUSH_PLAN_COLUMNS.map((_, i) => Math.max(...rows.map((r) => width(r[i] ?? ''))));
  const line = (r: string[]): string =>
    r
      .map((c, i) =>
        i >= 3 && i <= 7
          ? ' '.repeat((widths[i] as number) - width(c)) + c
          : c + ' '.repeat((widths[i] as number) - width(c)),
      )
      .join('  ')
      .trimEnd();
  return [`${heading.title}攻坚计划`, dateLine(plan, heading), '', ...rows.map(line)].join('\n') + '\n';
}

/**
 * The plan as an Excel workbook: merged title, date line, bordered table, bold total rows.
 *
 * @example
 * writeFileSync('plan.xlsx', await pushPlanXlsx(plan, { title: '某县' }));
 */
export async function pushPlanXlsx(plan: PushPlan, heading: PushPlanHeading): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('攻坚计划', { pageSetup: { orientation: 'landscape', paperSize: 9 } });
  const n = PUSH_PLAN_COLUMNS.length;
  sheet.mergeCells(1, 1, 1, n);
  sheet.getCell(1, 1).value = `${heading.title}攻坚计划`;
  sheet.getCell(1, 1).font = { name: '宋体', size: 16, bold: true };
  sheet.getCell(1, 1).alignment = { horizontal: 'center' };
  sheet.mergeCells(2, 1, 2, n);
  sheet.getCell(2, 1).value = dateLine(plan, heading);
  sheet.getCell(2, 1).alignment = { horizontal: 'right' };
  const header = sheet.addRow(PUSH_PLAN_COLUMNS.map((c) => c.zh));
  header.font = { bold: true };
  let index = 0;
  for (const r of plan.rows) {
    const row = sheet.addRow([
      r.total ? null : (index += 1),
      r.unit,
      r.task,
      r.target,
      r.done,
      r.remaining,
      r.daysLeft,
      r.perDay,
      r.leader,
      r.phone,
    ]);
    if (r.total) row.font = { bold: true };
  }
  const border = { style: 'thin' as const };
  for (let i = 3; i <= sheet.rowCount; i += 1) {
    sheet.getRow(i).eachCell({ includeEmpty: true }, (cell) => {
      cell.border = { top: border, left: border, bottom: border, right: border };
      cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    });
  }
  [6, 18, 20, 10, 10, 10, 10, 10, 10, 16].forEach((w, i) => (sheet.getColumn(i + 1).width = w));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * The plan as a Word document (landscape A4): title, date line, table with total rows.
 *
 * @example
 * writeFileSync('plan.docx', await pushPlanDocx(plan, { title: '某县' }));
 */
export async function pushPlanDocx(plan: PushPlan, heading: PushPlanHeading): Promise<Buffer> {
  const cell = (text: string, bold = false): TableCell =>
    new TableCell({
      children: [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          children: [new TextRun({ text, bold, font: '宋体', size: 21 })],
        }),
      ],
    });
  const rows = [
    new TableRow({ tableHeader: true, children: PUSH_PLAN_COLUMNS.map((c) => cell(c.zh, true)) }),
    ...cellsOf(plan).map(
      (cells, i) => new TableRow({ children: cells.map((c) => cell(c, plan.rows[i]?.total ?? false)) }),
    ),
  ];
  const document = new Document({
    sections: [
      {
        properties: { page: { size: { orientation: PageOrientation.LANDSCAPE } } },
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 200 },
            children: [
              new TextRun({ text: `${heading.title}攻坚计划`, bold: true, font: '方正小标宋简体', size: 36 }),
            ],
          }),
          new Paragraph({
            alignment: AlignmentType.RIGHT,
            spacing: { after: 200 },
            children: [new TextRun({ text: dateLine(plan, heading), font: '仿宋_GB2312', size: 24 })],
          }),
          new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows }),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
