/**
 * The annex (附件): every indicator per child unit and the org's total, grouped by
 * programme, with the engine's values unchanged (only formatted for print).
 */
import { isProgram, PROGRAM_NAMES, PROGRAMS } from '../programs.js';
import type { BulletinInput, IndicatorMeta, IndicatorValueRow } from './bulletin-input.js';
import { formatPercent } from './chinese-format.js';
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
}

const GROUP_ORDER: readonly string[] = ['records', ...PROGRAMS];

/** Title of an indicator group. */
export function groupTitle(key: string): string {
  if (key === 'records') return '居民健康档案管理';
  if (isProgram(key)) return PROGRAM_NAMES[key].zh;
  return key;
}

/** How an annex cell prints: percentages with two decimals, counts as whole numbers. */
export function cellText(value: number | null, unit: 'percent' | 'count'): string {
  if (value === null) return '—';
  return unit === 'percent' ? formatPercent(value) : String(Math.round(value));
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
  return { title, groups, rows };
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
