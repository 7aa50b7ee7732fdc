import { describe, expect, it } from 'vitest';
import { buildBulletin } from '../../domain/bulletins/bulletin-model.js';
import { formatPercent } from '../../domain/bulletins/chinese-format.js';
import { pingliangInput } from '../../domain/bulletins/pingliang-bulletin.fixture.js';
import { findIndicator, INDICATORS } from '../../domain/indicators/catalogue.js';

/** The population words a paragraph about that population may leave out of a rate's name. */
const POPULATIONS = [
  '2型糖尿病患者',
  '糖尿病患者',
  '高血压患者',
  '严重精神障碍患者',
  '肺结核患者',
  '0-6岁儿童',
  '0-3岁儿童',
  '儿童',
  '孕产妇',
  '老年人',
];

/** A catalogue name without the population it starts with: 高血压患者随访率 → 随访率. */
function core(name: string): string {
  const population = POPULATIONS.find((p) => name.startsWith(p));
  return population === undefined ? name : name.slice(population.length);
}

/**
 * The words that label a figure in the text: from the previous clause boundary to the
 * figure, without a parenthesis and the linking 为/占 (至6月全市高血压患者随访率（至少2次随访）为
 * → 至6月全市高血压患者随访率).
 */
function labelBefore(text: string, at: number): string {
  const start = Math.max(...['，', '；', '。', '\n'].map((c) => text.lastIndexOf(c, at - 1))) + 1;
  return text
    .slice(start, at)
    .replace(/（[^）]*）/g, '')
    .replace(/[为占是]$/, '');
}

describe('the bulletin names every indicator as the catalogue does', () => {
  // The bulletin as the database sources assemble it: the catalogue's names and units.
  const input = {
    ...pingliangInput(),
    indicators: INDICATORS.map((d) => ({ id: d.id, name: d.name, unit: d.unit })),
  };
  const model = buildBulletin(input);

  it('in the annex columns', () => {
    const columns = model.annex.groups.flatMap((g) => g.columns);
    expect(columns.length).toBeGreaterThan(5);
    for (const c of columns) expect(c.name, c.indicator).toBe(findIndicator(c.indicator)?.name.zh);
  });

  it('in the chart titles', () => {
    expect(model.charts.length).toBeGreaterThan(3);
    for (const chart of model.charts)
      expect(chart.title, chart.indicator).toMatch(
        new RegExp(`：${findIndicator(chart.indicator)!.name.zh}$`),
      );
  });

  it('in the text, for every rate it cites', () => {
    const text = model.blocks.map((b) => ('lead' in b ? (b.lead ?? '') : '') + b.text).join('\n');
    const org = input.org.code;
    let cited = 0;
    for (const row of input.values) {
      const meta = findIndicator(row.indicator);
      if (row.org !== org || meta?.unit !== 'percent' || row.value === null) continue;
      const figure = formatPercent(row.value);
      const at = text.indexOf(figure);
      if (at < 0) continue;
      cited++;
      expect(labelBefore(text, at), `${row.indicator} ${figure}`).toMatch(
        new RegExp(`${core(meta.name.zh)}$`),
      );
    }
    expect(cited).toBeGreaterThan(5);
  });
});
