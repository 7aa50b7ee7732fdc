/**
 * The annex (附件): every indicator per child unit and the org's total, grouped by
 * programme, with the engine's values unchanged (only formatted for print).
 */
import { isProgram, PROGRAM_NAMES, PROGRAMS } from '../programs.js';
import type { BulletinInput, IndicatorMeta, IndicatorValueRow } from './bulletin-input.js';
import { formatPercent } from './chinese-format.js';
import { RATE_OVER_FULL_REMARK, rateRemark } from '../indicators/rate-over-full.js';
import type { LevelWords } from './level-words.js';

/** A column: one indicator. */
export interface AnnexColumn {
  readonly indicator: string;
  readonly name: string;
  readonly unit: 'percent' | 'count';
}

/** Columns of one programme (or the records group). */
export interface AnnexGroup {
  /** Indicator id prefix: 'records', 'hypertension', … */
  readonly key: string;
  readonly title: string;
  readonly columns: readonly AnnexColumn[];
}

/** One cell: the engine's value and how it prints. */
export interface AnnexCell {
  readonly value: number | null;
  readonly numerator: number | null;
  readonly denominator: number | null;
  readonly text: string;
}

/** One row: a child unit, or the org's total (last). */
export interface AnnexRow {
  readonly org: string;
  readonly name: string;
  readonly isTotal: boolean;
  readonly cells: Readonly<Record<string, AnnexCell>>;
}

/** The annex table. */
export interface Annex {
  readonly title: string;
  readonly groups: readonly AnnexGroup[];
  readonly rows: readonly AnnexRow[];
  /** Notes printed under the table (注：…): why a figure is marked. */
  readonly notes: readonly string[];
}

/** The mark after a rate above 100 %, explained by {@link OVER_FULL_NOTE}. */
export const OVER_FULL_MARK = '※';

/** The note under a table holding a rate above 100 %. */
export const OVER_FULL_NOTE = `注：标“${OVER_FULL_MARK}”的比率${RATE_OVER_FULL_REMARK.zh}。`;

/** Titles of the groups that are not programmes of enrolment. */
const OTHER_GROUP_TITLES: Readonly<Record<string, string>> = {
  records: '居民健康档案管理',
  vaccination: '预防接种',
  health_education: '健康教育',
  contracts: '家庭医生签约服务',
  // Reported per org and period rather than computed (src/domain/indicators/catalogue-reported.ts).
  infectious_disease: '传染病及突发公共卫生事件报告和处理',
  health_supervision: '卫生监督协管',
  health_literacy: '居民健康素养',
};

const GROUP_ORDER: readonly string[] = ['records', ...PROGRAMS];

/** Title of an indicator group. */
export function groupTitle(key: string): string {
  if (isProgram(key)) return PROGRAM_NAMES[key].zh;
  return OTHER_GROUP_TITLES[key] ?? key;
}

/**
 * How an annex cell prints: percentages with two decimals, counts as whole numbers; a rate
 * above 100 % marked ※ (its denominator is too low, see the note under the table).
 *
 * @example cellText(1.2375, 'percent') // '123.75%※'
 */
export function cellText(value: number | null, unit: 'percent' | 'count'): string {
  if (value === null) return '—';
  if (unit === 'count') return String(Math.round(value));
  return rateRemark({ unit }, value) === null
    ? formatPercent(value)
    : `${formatPercent(value)}${OVER_FULL_MARK}`;
}

/** A row of an indicator table: which org, under what name, and whether it is the total. */
export interface TableUnit {
  readonly code: string;
  readonly name: string;
  readonly isTotal: boolean;
}

/**
 * Builds an indicator table: one row per unit (in the given order), one column per
 * indicator present in `values`, grouped by programme in catalogue order. Indicators
 * missing from the catalogue keep their id as name.
 */
export function buildIndicatorTable(
  title: string,
  units: readonly TableUnit[],
  values: readonly IndicatorValueRow[],
  indicators: readonly IndicatorMeta[],
): Annex {
  const present = new Set(values.map((v) => v.indicator));
  const metas: IndicatorMeta[] = indicators.filter((m) => present.has(m.id));
  const known = new Set(metas.map((m) => m.id));
  for (const id of [...present].sort())
    if (!known.has(id)) metas.push({ id, name: { zh: id, en: id }, unit: 'count' });

  const byGroup = new Map<string, AnnexColumn[]>();
  for (const m of metas) {
    const key = m.id.split('.')[0] ?? m.id;
    const columns = byGroup.get(key) ?? [];
    columns.push({ indicator: m.id, name: m.name.zh, unit: m.unit });
    byGroup.set(key, columns);
  }
  const rank = (key: string): number => {
    const i = GROUP_ORDER.indexOf(key);
    return i === -1 ? GROUP_ORDER.length : i;
  };
  const groups = [...byGroup.entries()]
    .map(([key, columns]) => ({ key, title: groupTitle(key), columns }))
    .sort((a, b) => rank(a.key) - rank(b.key));

  const unitOf = new Map(metas.map((m) => [m.id, m.unit]));
  const rows = units.map((u): AnnexRow => {
    const cells: Record<string, AnnexCell> = {};
    for (const v of values) {
      if (v.org !== u.code) continue;
      cells[v.indicator] = {
        value: v.value,
        numerator: v.numerator,
        denominator: v.denominator,
        text: cellText(v.value, unitOf.get(v.indicator) ?? 'count'),
      };
    }
    return { org: u.code, name: u.name, isTotal: u.isTotal, cells };
  });
  const overFull = values.some(
    (v) => rateRemark({ unit: unitOf.get(v.indicator) ?? 'count' }, v.value) !== null,
  );
  return { title, groups, rows, notes: overFull ? [OVER_FULL_NOTE] : [] };
}

/** Builds the annex from the values of the org and its children (the org's total last). */
export function buildAnnex(input: BulletinInput, words: LevelWords): Annex {
  return buildIndicatorTable(
    `${words.whole}${input.period.label}基本公卫工作进度情况数据`,
    [
      ...input.children.map((c) => ({ code: c.code, name: c.name, isTotal: false })),
      { code: input.org.code, name: words.whole, isTotal: true },
    ],
    input.values,
    input.indicators,
  );
}
