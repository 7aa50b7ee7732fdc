import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitProportionally } from './proportional-split.js';

describe('splitProportionally', () => {
  it('splits a county target over townships by population', () => {
    const parts = splitProportionally(1920, [
      { key: 'a', base: 10_000 },
      { key: 'b', base: 7_000 },
      { key: 'c', base: 3_000 },
    ]);
    expect(parts.map((p) => p.amount)).toEqual([960, 672, 288]);
  });
  it('gives the leftover units to the largest remainders, ties to the larger base then the first', () => {
    expect(
      splitProportionally(
        10,
        [1, 1, 1].map((base, key) => ({ key, base })),
      ).map((p) => p.amount),
    ).toEqual([4, 3, 3]);
    expect(
      splitProportionally(
        2,
        [1, 2, 2].map((base, key) => ({ key, base })),
      ).map((p) => p.amount),
    ).toEqual([0, 1, 1]);
    expect(
      splitProportionally(7, [
        { key: 0, base: 1 },
        { key: 1, base: 3 },
      ]).map((p) => p.amount),
    ).toEqual([2, 5]);
  });
  it('handles zero bases and a zero total, and refuses to split something over nothing', () => {
    expect(
      splitProportionally(5, [
        { key: 0, base: 0 },
        { key: 1, base: 4 },
      ]).map((p) => p.amount),
    ).toEqual([0, 5]);
    expect(splitProportionally(0, [{ key: 0, base: 0 }]).map((p) => p.amount)).toEqual([0]);
    expect(() => splitProportionally(5, [{ key: 0, base: 0 }])).toThrow(/sum to zero/);
    expect(() => splitProportionally(5, [])).toThrow(/sum to zero/);
    expect(() => splitProportionally(-1, [{ key: 0, base: 1 }])).toThrow(/non-negative/);
    expect(() => splitProportionally(5, [{ key: 0, base: 1.5 }])).toThrow(/row 1, column base/);
  });
  it('always adds up exactly, and each part is within 1 of its exact share', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 5_000_000 }),
        fc.array(fc.integer({ min: 0, max: 2_000_000 }), { minLength: 1, maxLength: 40 }),
        (total, bases) => {
          fc.pre(bases.some((b) => b > 0));
          const parts = splitProportionally(
            total,
            bases.map((base, key) => ({ key, base })),
          );
          const sum = bases.reduce((a, b) => a + b, 0);
          expect(parts.reduce((a, p) => a + p.amount, 0)).toBe(total);
          parts.forEach((p, i) => {
            // Exact share as a fraction: total·base/sum; the part is its floor or its ceiling.
            const floor = Math.floor((total * bases[i]!) / sum);
            expect(Number.isInteger(p.amount)).toBe(true);
            expect(p.amount === floor || p.amount === floor + 1).toBe(true);
            expect(Math.abs(p.amount - p.exact)).toBeLessThan(1);
          });
        },
      ),
    );
  });
});
