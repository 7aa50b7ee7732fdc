import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { catalogueMarkdown } from './catalogue-doc.js';
import { findIndicator, INDICATORS, indicatorValue, termsOf } from './catalogue.js';
import { DEFAULT_PARAMETERS } from './parameters.js';
import { ACTIVITY_TERMS, PERSON_TERMS } from './terms.js';

const CONTRACT_IDS = [
  'records.total',
  'records.duplicates',
  'records.effective',
  'records.effective_rate',
  'records.coverage',
  'elderly.managed',
  'elderly.checked_up',
  'elderly.checkup_rate',
  'elderly.management_rate',
  'hypertension.managed',
  'hypertension.followup2_rate',
  'hypertension.effectively_managed',
  'hypertension.standardized_rate',
  'hypertension.control_rate',
  'hypertension.guidance_rate',
  'hypertension.management_rate',
  'diabetes.managed',
  'diabetes.followup2_rate',
  'diabetes.effectively_managed',
  'diabetes.standardized_rate',
  'diabetes.control_rate',
  'diabetes.guidance_rate',
  'diabetes.management_rate',
  'maternal.managed',
  'maternal.postpartum_42d_rate',
  'maternal.effectively_managed',
  'maternal.service_rate',
  'child.managed',
  'child.followup_rate',
  'tuberculosis.managed',
  'tuberculosis.followup_rate',
  'severe_mental.managed',
  'severe_mental.followup_rate',
];

/** Ignores what a markdown formatter may change: table padding, dash counts, line wrapping of prose. */
function normalise(markdown: string): string {
  return markdown
    .split('\n')
    .map((line) =>
      line.trim().startsWith('|')
        ? line
            .split('|')
            .map((cell) => cell.trim().replace(/^:?-{3,}:?$/, '---'))
            .join('|')
        : line.trim(),
    )
    .join(' ')
    .replace(/\s+/g, ' ');
}

describe('catalogue', () => {
  it('keeps the ids other modules depend on (contract 4)', () => {
    for (const id of CONTRACT_IDS) expect(findIndicator(id)?.id).toBe(id);
  });

  it('has unique ids in program.metric style, names in both languages, known terms', () => {
    const ids = INDICATORS.map((i) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
    const terms = new Set([...PERSON_TERMS, ...ACTIVITY_TERMS]);
    for (const i of INDICATORS) {
      expect(i.id).toMatch(/^[a-z_]+\.[a-z0-9_]+$/);
      expect(i.name.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(i.name.en.length).toBeGreaterThan(3);
      for (const t of termsOf(i)) expect([i.id, terms.has(t)]).toEqual([i.id, true]);
      expect(i.unit === 'count').toBe(i.denominator === null);
    }
  });

  it('computes values, subtracting and scaling as declared', () => {
    const terms: Record<string, number> = {
      'records.total': 10,
      'records.duplicate': 2,
      'hypertension.managed': 27,
    };
    const t = (id: string): number => terms[id] ?? 0;
    const pop = (b: string): number => (b === 'total' ? 40 : b === 'age_18_plus' ? 200 : 0);
    expect(indicatorValue(findIndicator('records.effective')!, t, pop, DEFAULT_PARAMETERS)).toEqual({
      numerator: 8,
      denominator: null,
      value: 8,
    });
    expect(indicatorValue(findIndicator('records.effective_rate')!, t, pop, DEFAULT_PARAMETERS)).toEqual({
      numerator: 8,
      denominator: 40,
      value: 0.2,
    });
    const m = indicatorValue(findIndicator('hypertension.management_rate')!, t, pop, DEFAULT_PARAMETERS);
    expect(m.denominator).toBeCloseTo(54, 9);
    expect(m.value).toBeCloseTo(0.5, 9);
    expect(
      indicatorValue(findIndicator('hypertension.control_rate')!, () => 0, pop, DEFAULT_PARAMETERS).value,
    ).toBeNull();
  });

  it('is documented in docs/indicators.md exactly as generated', () => {
    const doc = readFileSync(new URL('../../../docs/indicators.md', import.meta.url), 'utf8');
    // Regenerate with: npm run build && node bin/gongwei.js indicators-catalogue > docs/indicators.md
    expect(normalise(doc)).toBe(normalise(catalogueMarkdown()));
    for (const i of INDICATORS) expect(doc).toContain(`\`${i.id}\``);
  });
});
