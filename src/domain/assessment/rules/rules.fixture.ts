import { fromDecimal, ratio, type Fraction } from '../exact.js';
import type { ItemFacts } from './scoring-rule.js';

/** Facts of an item with a value `num/den` (or null) and a decimal target (or null). */
export function facts(
  value: readonly [number, number] | null,
  target: number | null,
  extra: Partial<ItemFacts> = {},
): ItemFacts {
  return {
    value: value === null ? null : ratio(value[0], value[1]),
    target: target === null ? null : fromDecimal(target),
    findings: {},
    entered: null,
    ...extra,
  };
}

/** A count as a fraction. */
export function count(n: number): Fraction {
  return { num: BigInt(n), den: 1n };
}
