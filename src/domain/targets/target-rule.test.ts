import { describe, expect, it } from 'vitest';
import { findIndicator } from '../indicators/catalogue.js';
import { PlanInputError } from './plan-input-error.js';
import {
  defaultParameter,
  expectedPatients,
  isPopulationBand,
  resolveBase,
  targetOf,
  type PopulationCounts,
} from './target-rule.js';
import { URBAN_RURAL_DEFAULTS, defaultFor, defaultRate } from './urban-rural-defaults.js';

const population: PopulationCounts = {
  total: 24000,
  age0to6: 2000,
  age65plus: 2400,
  age15plus: 20000,
  age18plus: 12060,
  women15to49: 6000,
  liveBirths: null,
};

describe('target rule', () => {
  it('is base × rate rounded half up', () => {
    expect(targetOf(24000, 0.8)).toBe(19200);
    expect(targetOf(3256, 0.9)).toBe(2930);
    expect(targetOf(387, 0.15)).toBe(58);
    expect(() => targetOf(100, 1.2)).toThrow(/rate/);
    expect(() => targetOf(-1, 0.5)).toThrow(/base/);
  });
  it('resolves population, band, expected-patient and count bases', () => {
    expect(resolveBase({ kind: 'population', band: 'total' }, population, null)).toBe(24000);
    expect(resolveBase({ kind: 'population', band: 'age65plus' }, population, null)).toBe(2400);
    // 12060 × 0.27 = 3256.2 → 3256 expected hypertension patients (the Yumen base).
    expect(
      resolveBase(
        { kind: 'expected', band: 'age18plus', parameter: 'hypertensionPrevalence' },
        population,
        0.27,
      ),
    ).toBe(3256);
    expect(resolveBase({ kind: 'count', count: 387 }, null, null)).toBe(387);
    expect(expectedPatients(3870, 0.1)).toBe(387);
  });
  it('never treats a missing band or parameter as zero', () => {
    expect(() => resolveBase({ kind: 'population', band: 'liveBirths' }, population, null)).toThrow(
      PlanInputError,
    );
    expect(() => resolveBase({ kind: 'population', band: 'total' }, null, null)).toThrow(
      /no population for total/,
    );
    expect(() =>
      resolveBase({ kind: 'expected', band: 'age18plus', parameter: 'p' }, population, null),
    ).toThrow(/parameter p/);
    expect(() => resolveBase({ kind: 'count', count: -3 }, null, null)).toThrow(/non-negative/);
  });
  it('knows the bands and default prevalences', () => {
    expect(isPopulationBand('age65plus')).toBe(true);
    expect(isPopulationBand('age66plus')).toBe(false);
    expect(defaultParameter('hypertensionPrevalence')).toBe(0.27);
    expect(defaultParameter('diabetesPrevalence')).toBe(0.1);
    expect(defaultParameter('nonsense')).toBeNull();
  });
});

describe('urban/rural defaults of seeds/001', () => {
  it('set different rates for cities and pastoral areas', () => {
    expect(defaultRate('elderly.management_rate', 'urban')).toBe(0.8);
    expect(defaultRate('elderly.management_rate', 'rural')).toBe(0.5);
    expect(defaultRate('hypertension.management_rate', 'rural')).toBe(0.3);
    expect(defaultRate('child.systematic_management_rate', 'rural')).toBe(0.7);
    expect(defaultRate('elderly.management_rate', null)).toBeNull();
    expect(defaultRate('records.coverage', 'urban')).toBeNull();
    expect(defaultFor('diabetes.management_rate')?.base).toEqual({
      kind: 'expected',
      band: 'age18plus',
      parameter: 'diabetesPrevalence',
    });
  });
  it('are consistent data: rates within 0..1, rural never above urban, each with a source', () => {
    expect(new Set(URBAN_RURAL_DEFAULTS.map((d) => d.indicator)).size).toBe(URBAN_RURAL_DEFAULTS.length);
    for (const d of URBAN_RURAL_DEFAULTS) {
      expect(d.rate.urban).toBeGreaterThan(0);
      expect(d.rate.urban).toBeLessThanOrEqual(1);
      expect(d.rate.rural).toBeLessThanOrEqual(d.rate.urban);
      expect(d.source).toMatch(/^seeds\/001/);
      if (d.base.kind === 'expected') expect(defaultParameter(d.base.parameter)).not.toBeNull();
      expect(findIndicator(d.indicator), d.indicator).toBeDefined();
    }
  });
});
