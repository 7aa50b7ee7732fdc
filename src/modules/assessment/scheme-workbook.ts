/**
 * A scheme as an Excel workbook (.xlsx), for bureaus that edit weights in a spreadsheet:
 * sheet 方案 holds the code, the name and the sources, sheet 项目 one row per item with its
 * section. Reading the workbook back gives the same scheme (JSON) it was written from; a
 * cell that cannot be read is refused naming its sheet, row and column, and the scheme is
 * then checked by parseScheme like a JSON import.
 */
import ExcelJS from 'exceljs';
import { parseScheme, type Scheme, type SchemeItem } from '../../domain/assessment/scheme.js';
import { GongweiError, type ErrorIssue } from '../../domain/gongwei-error.js';

const SCHEME_SHEET = '方案';
const ITEMS_SHEET = '项目';

/** The columns of sheet 项目, in order: key, then the header as shown (zh en). */
const COLUMNS = [
  ['section_id', '分类编号 section_id'],
  ['section_zh', '分类名称 section_zh'],
  ['section_en', 'section name (en)'],
  ['kind', '类型 kind (indicator/audit/manual)'],
  ['id', '编号 id'],
  ['name_zh', '名称 name_zh'],
  ['name_en', 'name (en)'],
  ['points', '分值 points'],
  ['indicator', '指标 indicator'],
  ['target_source', '目标来源 target_source (targets/fixed)'],
  ['target_basis', '目标口径 target_basis (milestone/annual)'],
  ['target_value', '固定目标值 target_value'],
  ['rule', '规则 rule'],
  ['floor', '保底线 floor'],
  ['zero_at', '零分值 zero_at'],
  ['per_finding', '每条扣分 per_finding (rule=points; …)'],
  ['cap', '扣分上限 cap'],
  ['evidence_zh', '佐证 evidence_zh'],
  ['evidence_en', 'evidence (en)'],
  ['note_zh', '备注 note_zh'],
  ['note_en', 'note (en)'],
] as const;

type ColumnKey = (typeof COLUMNS)[number][0];
type Row = Partial<Record<ColumnKey, string | number>>;

const columnIndex = (key: ColumnKey): number => COLUMNS.findIndex(([k]) => k === key) + 1;
const columnLetter = (key: ColumnKey): string => String.fromCharCode(64 + columnIndex(key));

function itemRow(section: Scheme['sections'][number], item: SchemeItem): Row {
  const row: Row = {
    section_id: section.id,
    section_zh: section.name.zh,
    section_en: section.name.en,
    kind: item.kind,
    id: item.id,
    name_zh: item.name.zh,
    name_en: item.name.en,
    points: item.points,
    rule: item.scoring.rule,
  };
  if (item.note) Object.assign(row, { note_zh: item.note.zh, note_en: item.note.en });
  if (item.kind === 'indicator') {
    row.indicator = item.indicator;
    row.target_source = item.target.source;
    if (item.target.source === 'targets') row.target_basis = item.target.basis;
    else row.target_value = item.target.value;
  }
  if (item.kind === 'manual')
    Object.assign(row, { evidence_zh: item.evidence.zh, evidence_en: item.evidence.en });
  const s = item.scoring;
  if (s.rule === 'floor') row.floor = s.floor;
  if (s.rule === 'lower_is_better') row.zero_at = s.zeroAt;
  if (s.rule === 'deductions') {
    row.per_finding = Object.entries(s.perFinding)
      .map(([rule, per]) => `${rule}=${per}`)
      .join('; ');
    if (s.cap !== undefined) row.cap = s.cap;
  }
  return row;
}

/**
 * The scheme as an .xlsx workbook (sheets 方案 and 项目).
 *
 * @example writeFileSync('scheme.xlsx', await schemeToXlsx(DEFAULT_SCHEME));
 */
export async function schemeToXlsx(scheme: Scheme): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const head = workbook.addWorksheet(SCHEME_SHEET);
  head.columns = [
    { header: '字段 field', width: 18 },
    { header: '值 value', width: 100 },
  ];
  head.addRow(['code', scheme.code]);
  head.addRow(['name_zh', scheme.name.zh]);
  head.addRow(['name_en', scheme.name.en]);
  for (const source of scheme.sources) head.addRow(['source', source]);
  const items = workbook.addWorksheet(ITEMS_SHEET);
  items.columns = COLUMNS.map(([key, header]) => ({ key, header, width: key.endsWith('_en') ? 30 : 18 }));
  items.getRow(1).font = { bold: true };
  items.views = [{ state: 'frozen', ySplit: 1 }];
  for (const section of scheme.sections)
    for (const item of section.items) items.addRow(itemRow(section, item));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Collects the problems of the cells read, each naming sheet, row and column. */
class CellReader {
  readonly issues: ErrorIssue[] = [];

  problem(sheet: string, row: number, column: string, zh: string, en: string): void {
    this.issues.push({
      field: `${sheet}!${column}${row}`,
      message: `工作表「${sheet}」第${row}行${column}列：${zh} / sheet '${sheet}', row ${row}, column ${column}: ${en}`,
    });
  }

  text(sheet: ExcelJS.Worksheet, row: number, col: number, letter: string): string | undefined {
    const value = sheet.getRow(row).getCell(col).value;
    if (value === null || value === undefined || value === '') return undefined;
    if (typeof value === 'string') return value;
    if (typeof value === 'number') return String(value);
    if (typeof value === 'object' && 'richText' in value) return value.richText.map((r) => r.text).join('');
    this.problem(sheet.name, row, letter, '应为文字', 'expected text');
    return undefined;
  }

  number(sheet: ExcelJS.Worksheet, row: number, col: number, letter: string): number | undefined {
    const value = sheet.getRow(row).getCell(col).value;
    if (value === null || value === undefined || value === '') return undefined;
    if (typeof value === 'number') return value;
    if (typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value)) return Number(value);
    this.problem(
      sheet.name,
      row,
      letter,
      `应为数字，不是「${String(value).slice(0, 40)}」`,
      'expected a number',
    );
    return undefined;
  }
}

function sheetOf(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const sheet = workbook.getWorksheet(name);
  if (!sheet)
    throw GongweiError.badRequest(
      { zh: `工作簿缺少工作表「${name}」`, en: `the workbook has no sheet '${name}'` },
      'file',
    );
  return sheet;
}

function readItem(reader: CellReader, sheet: ExcelJS.Worksheet, r: number): Record<string, unknown> {
  const text = (key: ColumnKey): string | undefined =>
    reader.text(sheet, r, columnIndex(key), columnLetter(key));
  const num = (key: ColumnKey): number | undefined =>
    reader.number(sheet, r, columnIndex(key), columnLetter(key));
  const both = (zh: ColumnKey, en: ColumnKey): { zh: string; en: string } | undefined => {
    const z = text(zh);
    const e = text(en);
    return z === undefined && e === undefined ? undefined : { zh: z ?? '', en: e ?? '' };
  };
  const kind = text('kind');
  const rule = text('rule');
  const scoring: Record<string, unknown> = { rule };
  if (rule === 'floor') scoring.floor = num('floor');
  if (rule === 'lower_is_better') scoring.zeroAt = num('zero_at');
  if (rule === 'deductions') {
    const perFinding: Record<string, number> = {};
    for (const part of (text('per_finding') ?? '').split(/[;；]/)) {
      if (part.trim() === '') continue;
      const m = /^\s*([a-z_]+)\s*=\s*(\d+(?:\.\d+)?)\s*$/.exec(part);
      if (m) perFinding[m[1]!] = Number(m[2]);
      else
        reader.problem(
          sheet.name,
          r,
          columnLetter('per_finding'),
          `应写作 问题规则=分值，不是「${part.trim().slice(0, 40)}」`,
          `expected rule=points, not '${part.trim().slice(0, 40)}'`,
        );
    }
    scoring.perFinding = perFinding;
    const cap = num('cap');
    if (cap !== undefined) scoring.cap = cap;
  }
  const item: Record<string, unknown> = {
    kind,
    id: text('id'),
    name: both('name_zh', 'name_en'),
    points: num('points'),
    scoring,
  };
  const note = both('note_zh', 'note_en');
  if (note) item.note = note;
  if (kind === 'indicator') {
    item.indicator = text('indicator');
    const source = text('target_source');
    item.target =
      source === 'fixed'
        ? { source, value: num('target_value') }
        : { source, basis: text('target_basis') ?? 'milestone' };
  }
  if (kind === 'manual') item.evidence = both('evidence_zh', 'evidence_en');
  return item;
}

/**
 * Reads a scheme from an .xlsx workbook written by {@link schemeToXlsx} (or edited from
 * one) and checks it as parseScheme does. A cell that cannot be read, or an item the scheme
 * refuses, is a 400 naming sheet, row and column.
 *
 * @example const scheme = await schemeFromXlsx(readFileSync('scheme.xlsx'));
 */
export async function schemeFromXlsx(bytes: Buffer): Promise<Scheme> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    throw new GongweiError(
      'bad_request',
      { zh: '文件不是有效的 .xlsx 工作簿', en: 'the file is not a valid .xlsx workbook' },
      { field: 'file', cause: error },
    );
  }
  const reader = new CellReader();
  const head = sheetOf(workbook, SCHEME_SHEET);
  const fields: Record<string, string> = {};
  const sources: string[] = [];
  for (let r = 2; r <= head.rowCount; r++) {
    const key = reader.text(head, r, 1, 'A');
    const value = reader.text(head, r, 2, 'B');
    if (key === undefined && value === undefined) continue;
    if (key === 'source') sources.push(value ?? '');
    else if (key === 'code' || key === 'name_zh' || key === 'name_en') fields[key] = value ?? '';
    else reader.problem(SCHEME_SHEET, r, 'A', `未知的字段「${key ?? ''}」`, `unknown field '${key ?? ''}'`);
  }
  const sheet = sheetOf(workbook, ITEMS_SHEET);
  const sections: Array<{ id: unknown; name: unknown; items: unknown[] }> = [];
  /** The sheet row of each item, to name it when the scheme refuses the item. */
  const rowOf = new Map<string, number>();
  for (let r = 2; r <= sheet.rowCount; r++) {
    if (
      COLUMNS.every((_, c) => [null, undefined, ''].includes(sheet.getRow(r).getCell(c + 1).value as never))
    )
      continue;
    const sectionId = reader.text(sheet, r, 1, 'A');
    let section = sections.at(-1);
    if (!section || section.id !== sectionId) {
      section = {
        id: sectionId,
        name: {
          zh: reader.text(sheet, r, columnIndex('section_zh'), columnLetter('section_zh')) ?? '',
          en: reader.text(sheet, r, columnIndex('section_en'), columnLetter('section_en')) ?? '',
        },
        items: [],
      };
      sections.push(section);
    }
    rowOf.set(`sections.${sections.length - 1}.items.${section.items.length}`, r);
    section.items.push(readItem(reader, sheet, r));
  }
  if (reader.issues.length > 0) throw GongweiError.validation(reader.issues);
  const value = {
    code: fields.code,
    name: { zh: fields.name_zh ?? '', en: fields.name_en ?? '' },
    sources,
    sections,
  };
  try {
    return parseScheme(value);
  } catch (error) {
    if (!(error instanceof GongweiError) || error.issues.length === 0) throw error;
    throw GongweiError.validation(error.issues.map((issue) => placed(issue, rowOf)));
  }
}

/** The JSON field of a scheme issue → its sheet, row and column. */
const FIELD_COLUMN: Record<string, ColumnKey> = {
  kind: 'kind',
  id: 'id',
  name: 'name_zh',
  points: 'points',
  indicator: 'indicator',
  target: 'target_source',
  'target.value': 'target_value',
  'target.basis': 'target_basis',
  'target.source': 'target_source',
  scoring: 'rule',
  'scoring.rule': 'rule',
  'scoring.floor': 'floor',
  'scoring.zeroAt': 'zero_at',
  'scoring.perFinding': 'per_finding',
  'scoring.cap': 'cap',
  evidence: 'evidence_zh',
  note: 'note_zh',
};

function placed(issue: ErrorIssue, rowOf: ReadonlyMap<string, number>): ErrorIssue {
  const m = /^(sections\.\d+\.items\.\d+)\.?(.*)$/.exec(issue.field);
  const row = m ? rowOf.get(m[1]!) : undefined;
  if (!m || row === undefined) return issue;
  const rest = m[2] ?? '';
  const key =
    FIELD_COLUMN[rest] ??
    FIELD_COLUMN[rest.split('.').slice(0, 2).join('.')] ??
    FIELD_COLUMN[rest.split('.')[0] ?? ''] ??
    'id';
  const column = columnLetter(key);
  return {
    field: `${ITEMS_SHEET}!${column}${row}`,
    message: `工作表「${ITEMS_SHEET}」第${row}行${column}列（${key}）：${issue.message}`,
  };
}
