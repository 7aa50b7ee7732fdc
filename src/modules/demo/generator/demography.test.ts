import { describe, expect, it } from 'vitest';
import { validatePopulation } from '../../../domain/orgs/population.js';
import {
  AGE_PYRAMID,
  MALE_SHARE,
  hypertensionWeight,
  populationBands,
  populationShareBetween,
  recordAgeShares,
} from './demography.js';

describe('demography', () => {
  it('has a rural Gansu pyramid: 65+ about 12–13 %, sums to 1', () => {
    expect(AGE_PYRAMID.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 10);
    expect(populationShareBetween(65, 200)).toBeGreaterThan(0.12);
    expect(populationShareBetween(65, 200)).toBeLessThan(0.13);
    expect(recordAgeShares().reduce((a, b) => a + b, 0)).toBeCloseTo(1, 10);
  });

  it('has a sex ratio of 1.04', () => {
    expect(MALE_SHARE / (1 - MALE_SHARE)).toBeCloseTo(1.04, 6);
  });

  it('gives an adult hypertension prevalence near 27 %, rising with age', () => {
    let weighted = 0;
    let adults = 0;
    for (let age = 18; age < 95; age += 1) {
      const share = populationShareBetween(age, age + 1);
      weighted += share * hypertensionWeight(age);
      adults += share;
    }
    expect(weighted / adults).toBeGreaterThan(0.24);
    expect(weighted / adults).toBeLessThan(0.3);
    expect(hypertensionWeight(70)).toBeGreaterThan(hypertensionWeight(40));
    expect(hypertensionWeight(10)).toBe(0);
  });

  it('builds population bands that pass the population rules', () => {
    for (const total of [0, 1, 7, 250, 1000, 12_345]) {
      const row = populationBands('620881100201', 2020, total);
      expect(validatePopulation(row)).toEqual([]);
      expect(row.total).toBe(total);
    }
    expect(populationBands('620881100201', 2020, 1000).age65plus).toBe(
      Math.round(1000 * populationShareBetween(65, 200)),
    );
  });
});
