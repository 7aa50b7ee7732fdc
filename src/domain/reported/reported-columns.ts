/**
 * The import layout of reported values: the Chinese headers (单位编码, 时期, 指标, 分子, 分母,
 * 数值, 来源, with English aliases) and how each cell becomes a field of a report. Pure: the
 * file is read in src/modules/reported/import-reported-file.ts.
 */
import type { LocalizedText } from '../gongwei-error.js';
import { REPORTED_INDICATORS } from '../indicators/catalogue-reported.js';
import { toHalfWidth } from '../records/full-width.js';
import type { ReportedField, ReportedValueInput } from './reported-value.js';

/** A cell as a file gives it. */
export type ReportedCell = string | number | boolean | null;

/** The columns, in the order of the documentation: field, Chinese header, aliases. */
export const REPORTED_COLUMNS: readonly {
  readonly field: ReportedField;
  readonly header: string;
  readonly aliases: readonly string[];
  readonly required: boolean;
  readonly note: LocalizedText;
}[] = [
  {
    field: 'orgCode',
    header: '单位编码',
    aliases: ['机构编码', '区划代码', 'orgCode'],
    required: true,
    note: { zh: '6、9或12位区划代码', en: '6, 9 or 12-digit division code' },
  },
  {
    field: 'period',
    header: '时期',
    aliases: ['期间', '周期', 'period'],
    required: true,
    note: {
      zh: '2020、2020H1、2020Q2、2020-06（按指标允许的时期）',
      en: "'2020', '2020H1', '2020Q2', '2020-06' (as the indicator allows)",
    },
  },
  {
    field: 'indicator',
    header: '指标',
    aliases: ['指标编码', '指标名称', 'indicator'],
    required: true,
    note: { zh: '指标编码或中文名称（如 传染病疫情报告率）', en: 'indicator id or its Chinese name' },
  },
  {
    field: 'numerator',
    header: '分子',
    aliases: ['numerator'],
    required: false,
    note: { zh: '不小于0的整数', en: 'a whole number, 0 or more' },
  },
  {
    field: 'denominator',
    header: '分母',
    aliases: ['denominator'],
    required: false,
    note: {
      zh: '不小于分子的整数；计数指标不填',
      en: 'a whole number not below the numerator; empty for counts',
    },
  },
  {
    field: 'percent',
    header: '数值',
    aliases: ['百分比', 'percent'],
    required: false,
    note: {
      zh: '调查指标的百分比（23.15 或 23.15%），不填分子分母时',
      en: 'a survey percentage (23.15 or 23.15%), without numerator and denominator',
    },
  },
  {
    field: 'source',
    header: '来源',
    aliases: ['数据来源', 'source'],
    required: true,
    note: {
      zh: '数据来源，如 传染病报告信息管理系统、2020年健康素养监测',
      en: 'where the figure comes from',
    },
  },
];

const HEADER_OF = new Map<string, ReportedField>();
for (const c of REPORTED_COLUMNS)
  for (const name of [c.header, ...c.aliases]) HEADER_OF.set(name.toLowerCase(), c.field);

/** The field a header names, or undefined (spaces and full-width letters ignored). */
export function reportedFieldOf(header: string): ReportedField | undefined {
  return HEADER_OF.get(toHalfWidth(header).replace(/\s+/g, '').toLowerCase());
}

/** The Chinese header of a field, as problems name the column. */
export function reportedHeaderOf(field: ReportedField): string {
  return REPORTED_COLUMNS.find((c) => c.field === field)!.header;
}

function text(cell: ReportedCell): string {
  return cell === null ? '' : toHalfWidth(String(cell)).trim();
}

/** The indicator id a cell names: an id as it is, or a reported indicator's Chinese name. */
function indicatorOf(cell: ReportedCell): string {
  const t = text(cell);
  return REPORTED_INDICATORS.find((i) => i.name.zh === t.replace(/\s+/g, ''))?.id ?? t;
}

/**
 * A number cell: empty is null; digits with separators and full-width forms read; anything
 * else a problem. `percent` also takes a trailing %.
 */
function numberOf(cell: ReportedCell, percent: boolean): { value: number | null } | { problem: string } {
  if (typeof cell === 'number') return { value: cell };
  const t = text(cell).replace(/[,\s]/g, '');
  if (t === '') return { value: null };
  const body = percent ? t.replace(/%$/, '') : t;
  if (!/^-?\d+(\.\d+)?$/.test(body)) return { problem: t };
  return { value: Number(body) };
}

/**
 * The report of one row from its cells by field; problems of unreadable numbers name the
 * field (the rules of src/domain/reported/reported-value.ts judge the rest).
 *
 * @example
 * reportedRow({ orgCode: '620802', period: '2020Q2', indicator: '传染病疫情报告率', numerator: '98', denominator: '100', percent: null, source: '传染病报告信息管理系统' })
 * // { input: { …, indicator: 'infectious_disease.report_rate', numerator: 98, denominator: 100 }, problems: [] }
 */
export function reportedRow(cells: Readonly<Partial<Record<ReportedField, ReportedCell>>>): {
  input: ReportedValueInput;
  problems: { field: ReportedField; text: LocalizedText }[];
} {
  const problems: { field: ReportedField; text: LocalizedText }[] = [];
  const num = (field: 'numerator' | 'denominator' | 'percent'): number | null => {
    const r = numberOf(cells[field] ?? null, field === 'percent');
    if ('value' in r) return r.value;
    problems.push({
      field,
      text: { zh: `「${r.problem}」不是数字`, en: `'${r.problem}' is not a number` },
    });
    return null;
  };
  const input: ReportedValueInput = {
    orgCode: text(cells.orgCode ?? null).replace(/\s+/g, ''),
    period: text(cells.period ?? null).toUpperCase(),
    indicator: indicatorOf(cells.indicator ?? null),
    numerator: num('numerator'),
    denominator: num('denominator'),
    percent: num('percent'),
    source: text(cells.source ?? null),
  };
  return { input, problems };
}
