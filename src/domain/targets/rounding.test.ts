import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decimalWeights,
  roundHalfUp,
  roundProductHalfUp,
  roundShareHalfUp,
  sumsExactlyTo,
} from './rounding.js';

describe('roundHalfUp', () => {
  it('rounds exact halves up and the rest to nearest', () => {
    expect(roundHalfUp(439.5)).toBe(440);
    expect(roundHalfUp(2930.4)).toBe(2930);
    expect(roundHalfUp(58.05)).toBe(58);
    expect(roundHalfUp(24.5)).toBe(25);
    expect(roundHalfUp(0)).toBe(0);
    expect(roundHalfUp(-2.5)).toBe(-2);
    expect(roundHalfUp(-2.6)).toBe(-3);
  });
  it('refuses what is not a number', () => {
    expect(() => roundHalfUp(Number.NaN)).toThrow(RangeError);
  });
});

describe('roundProductHalfUp', () => {
  it('multiplies as written, not as binary floating point lands', () => {
    // 0.1 × 3 × 5 = 1.5 exactly; in binary 0.30000000000000004 × 5 rounds the same, but
    // 1.005 × 1000 is 1004.9999999999999 in binary and must round to 1005.
    expect(roundProductHalfUp(1.005, 1000)).toBe(1005);
    expect(roundProductHalfUp(1465, 0.3)).toBe(440);
    expect(roundProductHalfUp(3256, 0.9)).toBe(2930);
    expect(roundProductHalfUp(467, 0.15)).toBe(70);
    expect(roundProductHalfUp(70, 0.35)).toBe(25);
    expect(roundProductHalfUp(1e-7, 5e6)).toBe(1);
    expect(roundProductHalfUp()).toBe(1);
  });
  it('agrees with the textbook rule on integers × percentages', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 0, max: 100 }),
        (base, percent) => {
          const twice = base * percent * 2; // exact in doubles
          const expected = Math.floor((twice + 100) / 200);
          expect(roundProductHalfUp(base, percent / 100)).toBe(expected);
        },
      ),
    );
  });
});

describe('roundShareHalfUp', () => {
  it('computes weight shares exactly', () => {
    expect(roundShareHalfUp(6, 1, 12)).toBe(1);
    expect(roundShareHalfUp(1465, 30, 100)).toBe(440);
    expect(roundShareHalfUp(1060, 3, 10)).toBe(318);
    expect(() => roundShareHalfUp(1, 1, 0)).toThrow(/sum to zero/);
  });
});

describe('decimal weights', () => {
  it('scales decimals to integers with a common power of ten', () => {
    expect(decimalWeights([0.4, 0.3, 0.3])).toEqual([4n, 3n, 3n]);
    expect(decimalWeights([0.25, 0.5, 0.25])).toEqual([25n, 50n, 25n]);
    expect(decimalWeights([40, 30, 30])).toEqual([40n, 30n, 30n]);
  });
  it('knows when a curve sums to the whole as written', () => {
    expect(0.1 + 0.2 + 0.3).not.toBe(0.6);
    expect(sumsExactlyTo([0.1, 0.2, 0.3], 0.6)).toBe(true);
    expect(sumsExactlyTo([0.4, 0.3, 0.3], 1)).toBe(true);
    expect(sumsExactlyTo([0.4, 0.3, 0.2], 1)).toBe(false);
    expect(sumsExactlyTo([40, 30, 30], 100)).toBe(true);
  });
});
