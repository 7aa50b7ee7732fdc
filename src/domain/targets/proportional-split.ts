/**
 * Downward decomposition: a target split over child areas in proportion to their bases
 * (largest-remainder method), so that the parts add up to the whole exactly and each part is
 * its exact share rounded down or up — within 1 of the exact share.
 */
import { PlanInputError } from './plan-input-error.js';

/** A child area and its base (population, band or expected patients). */
export interface SplitPart<K> {
  readonly key: K;
  readonly base: number;
}

/** A child's share of the whole. */
export interface SplitShare<K> {
  readonly key: K;
  readonly base: number;
  /** total × base / Σ bases, unrounded (for display and tests). */
  readonly exact: number;
  readonly amount: number;
}

/**
 * Splits a whole number `total` over `parts` in proportion to their integer bases. Each part
 * first gets the floor of its exact share; the units left over go one each to the parts
 * with the largest remainders (ties: larger base first, then the order given). Exact
 * integer arithmetic, so the result never depends on floating point.
 *
 * @example
 * splitProportionally(10, [{ key: 'a', base: 1 }, { key: 'b', base: 1 }, { key: 'c', base: 1 }])
 * // → amounts 4, 3, 3 (exact 3.33 each; the first of the tied remainders gets the extra unit)
 */
export function splitProportionally<K>(total: number, parts: readonly SplitPart<K>[]): SplitShare<K>[] {
  if (!Number.isSafeInteger(total) || total < 0) {
    throw new PlanInputError({
      zh: '待分解任务数应为非负整数',
      en: 'the total to split must be a non-negative integer',
    });
  }
  parts.forEach((p, i) => {
    if (!Number.isSafeInteger(p.base) || p.base < 0) {
      throw new PlanInputError(
        { zh: '基数应为非负整数', en: 'a base must be a non-negative integer' },
        { row: i + 1, column: 'base' },
      );
    }
  });
  const sum = parts.reduce((acc, p) => acc + BigInt(p.base), 0n);
  if (parts.length === 0 || sum === 0n) {
    if (total === 0) return parts.map((p) => ({ key: p.key, base: p.base, exact: 0, amount: 0 }));
    throw new PlanInputError({
      zh: '下级基数之和为0，无法按比例分解',
      en: 'the bases of the parts sum to zero: nothing to split in proportion to',
    });
  }
  const whole = BigInt(total);
  const floors = parts.map((p) => (whole * BigInt(p.base)) / sum);
  const remainders = parts.map((p) => (whole * BigInt(p.base)) % sum);
  let left = Number(whole - floors.reduce((a, b) => a + b, 0n));
  const order = parts
    .map((_, i) => i)
    .sort((a, b) => {
      const ra = remainders[a] as bigint;
      const rb = remainders[b] as bigint;
      if (ra !== rb) return ra > rb ? -1 : 1;
      const ba = (parts[a] as SplitPart<K>).base;
      const bb = (parts[b] as SplitPart<K>).base;
      return ba !== bb ? bb - ba : a - b;
    });
  const amounts = floors.map(Number);
  for (const i of order) {
    if (left === 0) break;
    amounts[i] = (amounts[i] as number) + 1;
    left -= 1;
  }
  return parts.map((p, i) => ({
    key: p.key,
    base: p.base,
    exact: (total * p.base) / Number(sum),
    amount: amounts[i] as number,
  }));
}
