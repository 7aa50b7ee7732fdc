/**
 * Integer allocation rules of the demo generator. The calibration fixes a count per county
 * (e.g. exactly round(rate × managed) people checked up); these rules split such a count over
 * villages, or adjust counts so the printed ranking of counties holds, without coin flips.
 */

/** Limits of `allocateProportional`: per-item maximum and minimum. */
export interface AllocationLimits {
  /** Upper bound of each item (default: unbounded). */
  readonly caps?: readonly number[];
  /** Lower bound of each item, served first (default: 0). */
  readonly mins?: readonly number[];
}

/**
 * Splits `total` into integers proportional to `weights` (largest remainder, ties to the
 * lower index), honouring per-item minimums first and caps throughout. The result sums to
 * `total` unless the caps cannot hold it (then to Σ caps) or the minimums exceed it (then to
 * Σ mins). Items of zero weight get only their minimum, unless every item with room has zero
 * weight, in which case the rest is spread evenly over those.
 *
 * @example allocateProportional(10, [1, 1, 2]) // → [3, 2, 5]
 * @example allocateProportional(10, [1, 1, 2], { caps: [10, 10, 3] }) // → [4, 3, 3]
 */
export function allocateProportional(
  total: number,
  weights: readonly number[],
  limits: AllocationLimits = {},
): number[] {
  const n = weights.length;
  const caps = limits.caps ?? new Array<number>(n).fill(Number.POSITIVE_INFINITY);
  const out = new Array<number>(n).fill(0);
  for (let i = 0; i < n; i += 1) out[i] = Math.min(limits.mins?.[i] ?? 0, caps[i]!);
  let remaining = total - out.reduce((a, b) => a + b, 0);
  const open = new Set<number>();
  for (let i = 0; i < n; i += 1) if (out[i]! < caps[i]!) open.add(i);
  while (remaining > 0 && open.size > 0) {
    let weightSum = 0;
    for (const i of open) weightSum += Math.max(0, weights[i]!);
    const weightOf = (i: number): number => (weightSum > 0 ? Math.max(0, weights[i]!) : 1);
    const sum = weightSum > 0 ? weightSum : open.size;
    // Items whose proportional share overflows their room are filled and leave the round.
    let filled = false;
    for (const i of [...open]) {
      const room = caps[i]! - out[i]!;
      if ((remaining * weightOf(i)) / sum >= room) {
        out[i] = caps[i]!;
        remaining -= room;
        open.delete(i);
        filled = true;
      }
    }
    if (filled) continue;
    const shares: { i: number; frac: number }[] = [];
    let given = 0;
    for (const i of open) {
      const exact = (remaining * weightOf(i)) / sum;
      const whole = Math.floor(exact);
      out[i] = out[i]! + whole;
      given += whole;
      shares.push({ i, frac: exact - whole });
    }
    let left = remaining - given;
    shares.sort((a, b) => b.frac - a.frac || a.i - b.i);
    for (const s of shares) {
      if (left <= 0) break;
      if (weightOf(s.i) <= 0) continue;
      out[s.i] = out[s.i]! + 1;
      left -= 1;
    }
    remaining = left;
    // Whatever could not be placed (zero weights with room) is spread over the open items next round.
    for (const i of [...open]) if (out[i]! >= caps[i]!) open.delete(i);
    if (left > 0 && weightSum > 0 && shares.every((s) => weightOf(s.i) <= 0)) break;
  }
  return out;
}

/** One county's share of a ranked indicator: its denominator and the rate it aims at. */
export interface RankedUnit {
  readonly denominator: number;
  readonly targetRate: number;
}

/**
 * Numerators for units so that the achieved rates keep an order: the units in `lagging`
 * (indices, lowest first) get strictly increasing achieved rates in that order, and every
 * other unit an achieved rate above the highest lagging one by more than `margin` (a
 * fraction, e.g. 0.005 = half a point) where its denominator allows. Starts from
 * round(rate × denominator) and only raises numerators, one person at a time.
 *
 * @example rankedNumerators([{denominator: 10, targetRate: 0.5}, {denominator: 10, targetRate: 0.5}], [0], 0)
 *   // → [5, 6]
 */
export function rankedNumerators(
  units: readonly RankedUnit[],
  lagging: readonly number[],
  margin: number,
): number[] {
  const k = units.map((u) => Math.min(u.denominator, Math.max(0, Math.round(u.targetRate * u.denominator))));
  const rate = (i: number): number => (units[i]!.denominator > 0 ? k[i]! / units[i]!.denominator : 0);
  for (let j = 1; j < lagging.length; j += 1) {
    const i = lagging[j]!;
    const prev = lagging[j - 1]!;
    while (rate(i) <= rate(prev) && k[i]! < units[i]!.denominator) k[i] = k[i]! + 1;
  }
  const highestLagging = lagging.length > 0 ? Math.max(...lagging.map(rate)) : -1;
  const laggingSet = new Set(lagging);
  for (let i = 0; i < units.length; i += 1) {
    if (laggingSet.has(i) || units[i]!.denominator === 0) continue;
    while (rate(i) <= highestLagging + margin && k[i]! < units[i]!.denominator) k[i] = k[i]! + 1;
  }
  return k;
}

/**
 * Solves the rates of the units not named in a bulletin so that the population-weighted
 * rate of all units equals `overallRate`: the named units keep their printed rates; the
 * others get base + offsets[i], each clamped into [floor, ceiling], with `base` found by
 * bisection (the weighted rate is monotone in it). Returns the rate of every unit.
 *
 * @example solveOtherRates([1, 1], [0.4, null], [0, 0], 0.5, { floor: 0, ceiling: 1 }) // → [0.4, 0.6]
 */
export function solveOtherRates(
  weights: readonly number[],
  printed: readonly (number | null)[],
  offsets: readonly number[],
  overallRate: number,
  bounds: { floor: number; ceiling: number },
): number[] {
  const totalWeight = weights.reduce((a, b) => a + b, 0);
  const ratesFor = (base: number): number[] =>
    weights.map((_, i) => printed[i] ?? Math.min(bounds.ceiling, Math.max(bounds.floor, base + offsets[i]!)));
  const overall = (base: number): number =>
    ratesFor(base).reduce((sum, r, i) => sum + r * weights[i]!, 0) / totalWeight;
  let lo = -1;
  let hi = 2;
  for (let step = 0; step < 60; step += 1) {
    const mid = (lo + hi) / 2;
    if (overall(mid) < overallRate) lo = mid;
    else hi = mid;
  }
  return ratesFor((lo + hi) / 2);
}
