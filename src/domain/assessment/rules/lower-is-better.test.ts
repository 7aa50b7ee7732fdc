import { describe, expect, it } from 'vitest';
import { lowerIsBetter } from './lower-is-better.js';
import { facts } from './rules.fixture.js';

const S = { rule: 'lower_is_better', zeroAt: 0.05 } as const;

describe('lower is better', () => {
  it('gives full marks at and under the target', () => {
    expect(lowerIsBetter.score(500, S, facts([1, 100], 0.01)).centi).toBe(500);
    expect(lowerIsBetter.score(500, S, facts([0, 100], 0.01)).centi).toBe(500);
  });

  it('scores linearly between the target and zeroAt', () => {
    // 5 × (0.05 − 0.03) / (0.05 − 0.01) = 2.5
    expect(lowerIsBetter.score(500, S, facts([3, 100], 0.01)).centi).toBe(250);
    // just over the target: 5 × (0.05 − 0.0101)/0.04 = 4.9875 → 4.99
    expect(lowerIsBetter.score(500, S, facts([101, 10000], 0.01)).centi).toBe(499);
  });

  it('gives zero at and above zeroAt', () => {
    expect(lowerIsBetter.score(500, S, facts([5, 100], 0.01)).centi).toBe(0);
    expect(lowerIsBetter.score(500, S, facts([9, 100], 0.01)).centi).toBe(0);
    // just under zeroAt: 5 × 0.0001/0.04 = 0.0125 → 0.01
    expect(lowerIsBetter.score(500, S, facts([499, 10000], 0.01)).centi).toBe(1);
  });

  it('works with a target of zero', () => {
    expect(lowerIsBetter.score(500, S, facts([0, 100], 0)).centi).toBe(500);
    expect(lowerIsBetter.score(500, S, facts([1, 100], 0)).centi).toBe(400);
  });

  it('gives zero above a target that is not under zeroAt', () => {
    expect(lowerIsBetter.score(500, S, facts([6, 100], 0.05)).centi).toBe(0);
  });

  it('does not score without a denominator', () => {
    expect(lowerIsBetter.score(500, S, facts(null, 0.01)).status).toBe('not_applicable');
  });
});
