/**
 * What the charts show, independent of the chart library: per key population, the child
 * units' rate of the ranking indicator as bars, the target (a line when every unit has the
 * same target, else a marker per unit) and the org's own rate.
 */
import type { BulletinInput, NamingSection } from './bulletin-input.js';
import { RANKING_INDICATOR, type ValueTable } from './bulletin-facts.js';
import { groupTitle } from './annex.js';
import type { LevelWords } from './level-words.js';

/** One bar chart. */
export interface ChartSpec {
  readonly section: NamingSection;
  readonly indicator: string;
  readonly title: string;
  readonly categories: readonly string[];
  /** Fractions 0..1 (null: no value). */
  readonly values: ReadonlyArray<number | null>;
  /** Target per unit (null: none). */
  readonly targets: ReadonlyArray<number | null>;
  /** The org's own rate, drawn as a dashed line. */
  readonly overall: { readonly label: string; readonly value: number } | null;
}

/** Builds one chart per section whose ranking indicator has a value for some child. */
export function buildChartSpecs(input: BulletinInput, table: ValueTable, words: LevelWords): ChartSpec[] {
  const charts: ChartSpec[] = [];
  for (const [section, indicator] of Object.entries(RANKING_INDICATOR) as Array<[NamingSection, string]>) {
    const values = input.children.map((c) => table.value(c.code, indicator));
    if (values.every((v) => v === null)) continue;
    const targetOf = new Map(
      input.targets.filter((t) => t.indicator === indicator).map((t) => [t.org, t.rate]),
    );
    const meta = input.indicators.find((m) => m.id === indicator);
    const overall = table.value(input.org.code, indicator);
    charts.push({
      section,
      indicator,
      title: `${groupTitle(section)}：${meta?.name.zh ?? indicator}`,
      categories: input.children.map((c) => c.name),
      values,
      targets: input.children.map((c) => targetOf.get(c.code) ?? null),
      overall: overall === null ? null : { label: words.whole, value: overall },
    });
  }
  return charts;
}
