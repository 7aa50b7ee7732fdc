import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocateProportional, rankedNumerators, solveOtherRates } from './allocation.js';

describe('allocateProportional', () => {
  it('splits by largest remainder, ties to the lower index', () => {
    expect(allocateProportional(10, [1, 1, 2])).toEqual([3, 2, 5]);
    expect(allocateProportional(3, [1, 1, 1, 1])).toEqual([1, 1, 1, 0]);
  });

  it('fills capped items and gives the rest to the others', () => {
    expect(allocateProportional(10, [1, 1, 2], { caps: [10, 10, 3] })).toEqual([4, 3, 3]);
  });

  it('serves minimums first', () => {
    expect(allocateProportional(4, [1, 0, 0], { mins: [0, 2, 0] })).toEqual([2, 2, 0]);
  });

  it('stops at the sum of the caps', () => {
    expect(allocateProportional(100, [1, 2], { caps: [3, 4] })).toEqual([3, 4]);
  });

  it('spreads evenly when every item with room has zero weight', () => {
    expect(allocateProportional(4, [0, 0])).toEqual([2, 2]);
  });

  it('sums to the total within caps and never exceeds a cap (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(50), fc.nat(30)), { minLength: 1, maxLength: 30 }),
        fc.nat(500),
        (items, total) => {
          const weights = items.map(([w]) => w);
          const caps = items.map(([, c]) => c);
          const out = allocateProportional(total, weights, { caps });
          const capSum = caps.reduce((a, b) => a + b, 0);
          expect(out.reduce((a, b) => a + b, 0)).toBe(Math.min(total, capSum));
          out.forEach((n, i) => {
            expect(n).toBeGreaterThanOrEqual(0);
            expect(n).toBeLessThanOrEqual(caps[i]!);
            expect(Number.isInteger(n)).toBe(true);
          });
        },
      ),
    );
  });

  it('stays within one of the exact share without caps (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 100 }), { minLength: 1, maxLength: 20 }),
        fc.nat(1000),
        (weights, total) => {
          const sum = weights.reduce((a, b) => a + b, 0);
          const out = allocateProportional(total, weights);
          out.forEach((n, i) => expect(Math.abs(n - (total * weights[i]!) / sum)).toBeLessThan(1));
        },
      ),
    );
  });
});

describe('rankedNumerators', () => {
  it('rounds the target rates when the order already holds', () => {
    const units = [
      { denominator: 100, targetRate: 0.4 },
      { denominator: 100, targetRate: 0.5 },
      { denominator: 100, targetRate: 0.6 },
    ];
    expect(rankedNumerators(units, [0], 0.005)).toEqual([40, 50, 60]);
  });

  it('raises lagging units into strictly increasing order', () => {
    const units = [
      { denominator: 27, targetRate: 0.4544 },
      { denominator: 77, targetRate: 0.4518 },
    ];
    // Printed order: the second unit lowest, then the first.
    const k = rankedNumerators(units, [1, 0], 0);
    expect(k[0]! / 27).toBeGreaterThan(k[1]! / 77);
  });

  it('lifts every other unit above the best lagging one by the margin', () => {
    const units = [
      { denominator: 20, targetRate: 0.85 },
      { denominator: 10, targetRate: 0.86 },
      { denominator: 1000, targetRate: 0.851 },
    ];
    const k = rankedNumerators(units, [0], 0.005);
    expect(k[0]).toBe(17);
    expect(k[1]! / 10).toBeGreaterThan(0.855);
    expect(k[2]! / 1000).toBeGreaterThan(0.855);
  });

  it('cannot go beyond the denominator', () => {
    expect(
      rankedNumerators(
        [
          { denominator: 2, targetRate: 1 },
          { denominator: 2, targetRate: 1 },
        ],
        [0],
        0,
      ),
    ).toEqual([2, 2]);
  });
});

describe('solveOtherRates', () => {
  it('keeps printed rates and solves the others to the overall rate', () => {
    expect(
      solveOtherRates([1, 1], [0.4, null], [0, 0], 0.5, { floor: 0, ceiling: 1 }).map((r) => r.toFixed(6)),
    ).toEqual(['0.400000', '0.600000']);
  });

  it('clamps the others into the bounds', () => {
    const rates = solveOtherRates([1, 1, 1], [0.1, null, null], [0, -0.5, 0.5], 0.5, {
      floor: 0.2,
      ceiling: 0.99,
    });
    expect(rates[1]).toBeGreaterThanOrEqual(0.2);
    expect(rates[2]).toBeLessThanOrEqual(0.99);
  });
});
