/**
 * Facts the bulletin text is made of: values by org and indicator, finding totals,
 * hotspot names, and the clauses that name lagging units.
 */
import type { BulletinInput, IndicatorValueRow, NamingSection } from './bulletin-input.js';
import { formatCount, formatPercent, formatThreshold, joinEnumeration } from './chinese-format.js';
import type { LevelWords } from './level-words.js';
import type { NamedUnit, NamingRule, UnitRate } from './unit-naming.js';

/** The indicator whose children's values decide who is named, per section. */
export const RANKING_INDICATOR: Readonly<Record<NamingSection, string>> = {
  records: 'records.effective_rate',
  hypertension: 'hypertension.followup2_rate',
  diabetes: 'diabetes.followup2_rate',
  elderly: 'elderly.checkup_rate',
  maternal: 'maternal.postpartum_42d_rate',
  child: 'child.followup_rate',
  tuberculosis: 'tuberculosis.followup_rate',
  severe_mental: 'severe_mental.followup_rate',
};

/** A lookup of indicator values by org and indicator id. */
export class ValueTable {
  private readonly byKey = new Map<string, IndicatorValueRow>();

  constructor(rows: readonly IndicatorValueRow[]) {
    for (const row of rows) this.byKey.set(`${row.org}\u0000${row.indicator}`, row);
  }

  /** The row, or undefined when the engine gave none. */
  row(org: string, indicator: string): IndicatorValueRow | undefined {
    return this.byKey.get(`${org}\u0000${indicator}`);
  }

  /** The value (null when absent or undefined). */
  value(org: string, indicator: string): number | null {
    return this.row(org, indicator)?.value ?? null;
  }

  /** The numerator (null when absent). */
  numerator(org: string, indicator: string): number | null {
    return this.row(org, indicator)?.numerator ?? null;
  }

  /** True when any row of `org` has an indicator starting with `prefix`. */
  hasAny(org: string, prefix: string): boolean {
    for (const row of this.byKey.values())
      if (row.org === org && row.indicator.startsWith(prefix)) return true;
    return false;
  }
}

/** "华亭市82.07%、崆峒区87.52%" */
export function namedList(units: readonly NamedUnit[]): string {
  return joinEnumeration(units.map((u) => `${u.name}${formatPercent(u.value)}`));
}

/**
 * The clause naming lagging units after a rate, worded after the rule that chose them.
 * Empty string when nobody is named under a 'lowest' rule (no children with values).
 */
export function namedClause(units: readonly NamedUnit[], rule: NamingRule, words: LevelWords): string {
  if (units.length === 0) {
    switch (rule.kind) {
      case 'threshold':
        return `${words.children}均不低于${formatThreshold(rule.threshold)}`;
      case 'target':
        return `${words.children}均达到目标`;
      case 'reference':
        return `${words.children}均不低于对比水平`;
      case 'lowest':
        return '';
    }
  }
  const list = namedList(units);
  switch (rule.kind) {
    case 'lowest':
      return `其中${list}，为${words.whole}最低，影响${words.whole}工作进度`;
    case 'threshold':
      return `其中${list}，低于${formatThreshold(rule.threshold)}`;
    case 'target':
      return `其中${joinEnumeration(units.map((u) => `${u.name}${formatPercent(u.value)}（目标${formatPercent(u.bar ?? null)}）`))}，未达到目标`;
    case 'reference':
      return `其中${list}，低于对比水平${formatPercent(units[0]?.bar ?? null)}`;
  }
}

/** Joins clauses with ， and closes with 。 (empty clauses dropped). */
export function sentence(parts: readonly string[]): string {
  const text = parts.filter((p) => p !== '').join('，');
  return text === '' ? '' : `${text}。`;
}

/** A count with its measure word, '—' when unknown: '17.12万人'. */
export function countText(n: number | null, unit: string): string {
  return n === null ? `—${unit}` : `${formatCount(n)}${unit}`;
}

/** Total of a rule's findings in the org (its rolled-up row, else the sum over children). */
export function findingTotal(input: BulletinInput, rule: string): number {
  const own = input.findings.filter((f) => f.org === input.org.code && f.rule === rule);
  if (own.length > 0) return own.reduce((s, f) => s + f.count, 0);
  const children = new Set(input.children.map((c) => c.code));
  return input.findings
    .filter((f) => f.rule === rule && children.has(f.org))
    .reduce((s, f) => s + f.count, 0);
}

/** Hotspot labels of a rule, most findings first, at most `limit`. */
export function hotspotLabels(input: BulletinInput, rule: string): string[] {
  const limit = input.options.hotspotLimit ?? 4;
  return [...(input.hotspots[rule] ?? [])]
    .filter((h) => h.count > 0)
    .sort((a, b) => b.count - a.count || (a.org < b.org ? -1 : 1))
    .slice(0, limit)
    .map((h) => h.label);
}

/** What every section writer reads. */
export interface SectionContext {
  readonly input: BulletinInput;
  readonly table: ValueTable;
  readonly words: LevelWords;
  readonly named: Record<NamingSection, NamedUnit[]>;
  readonly rules: Record<NamingSection, NamingRule>;
}

/** The child units' values of a section's ranking indicator, with their targets. */
export function unitRates(input: BulletinInput, table: ValueTable, indicator: string): UnitRate[] {
  const targets = new Map(input.targets.filter((t) => t.indicator === indicator).map((t) => [t.org, t.rate]));
  return input.children.map((c) => ({
    org: c.code,
    name: c.name,
    value: table.value(c.code, indicator),
    target: targets.get(c.code) ?? null,
  }));
}
