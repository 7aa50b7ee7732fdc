/**
 * Exact score arithmetic. Points are written by people as short decimals (2.5, 0.1 per
 * finding), rates are fractions of two counts, and a score must come out the same on every
 * machine: so every quantity is a fraction of integers and a score is rounded once, half up,
 * to hundredths of a point (centipoints).
 */
import { decimalWeights } from '../targets/rounding.js';

/** A rational number with a positive denominator. */
export interface Fraction {
  readonly num: bigint;
  readonly den: bigint;
}

/** A decimal as written (0.1 is 1/10, not the binary double near it). */
export function fromDecimal(value: number): Fraction {
  const [num, den] = decimalWeights([value, 1]) as [bigint, bigint];
  return { num, den };
}

/** `num / den` of two counts; `den` must not be 0. */
export function ratio(num: number, den: number): Fraction {
  const n = fromDecimal(num);
  const d = fromDecimal(den);
  if (d.num === 0n) throw new RangeError('ratio with a zero denominator');
  const f = { num: n.num * d.den, den: n.den * d.num };
  return f.den < 0n ? { num: -f.num, den: -f.den } : f;
}

/** a × b */
export function times(a: Fraction, b: Fraction): Fraction {
  return { num: a.num * b.num, den: a.den * b.den };
}

/** a / b; b must not be 0. */
export function over(a: Fraction, b: Fraction): Fraction {
  if (b.num === 0n) throw new RangeError('division by zero');
  const f = { num: a.num * b.den, den: a.den * b.num };
  return f.den < 0n ? { num: -f.num, den: -f.den } : f;
}

/** a − b */
export function minus(a: Fraction, b: Fraction): Fraction {
  return { num: a.num * b.den - b.num * a.den, den: a.den * b.den };
}

/** Sign of a − b: −1, 0 or 1. */
export function compare(a: Fraction, b: Fraction): number {
  const d = a.num * b.den - b.num * a.den;
  return d < 0n ? -1 : d > 0n ? 1 : 0;
}

/** The fraction as a JavaScript number (for display and storage of inputs only). */
export function toNumber(f: Fraction): number {
  return Number(f.num) / Number(f.den);
}

function floorDiv(num: bigint, den: bigint): bigint {
  const q = num / den;
  return num % den !== 0n && num < 0n !== den < 0n ? q - 1n : q;
}

/** Rounds half up to an integer: floor(x + 1/2). */
export function roundHalfUpFraction(f: Fraction): number {
  return Number(floorDiv(2n * f.num + f.den, 2n * f.den));
}

/**
 * Points as centipoints (hundredths of a point), exactly; a value with more than two
 * decimals is refused, so a scheme cannot carry points it cannot pay out.
 *
 * @example
 * toCenti(2.5) // → 250
 */
export function toCenti(points: number): number {
  const f = times(fromDecimal(points), { num: 100n, den: 1n });
  if (f.num % f.den !== 0n) throw new RangeError(`points ${points} have more than two decimals`);
  return Number(f.num / f.den);
}

/** True when `points` has at most two decimals. */
export function hasTwoDecimals(points: number): boolean {
  if (!Number.isFinite(points)) return false;
  const f = times(fromDecimal(points), { num: 100n, den: 1n });
  return f.num % f.den === 0n;
}

/** Centipoints as points for display: 1234 → '12.34'. */
export function formatCenti(centi: number): string {
  const sign = centi < 0 ? '-' : '';
  const a = Math.abs(centi);
  return `${sign}${Math.floor(a / 100)}.${String(a % 100).padStart(2, '0')}`;
}

/** `centi × f`, rounded half up to a centipoint. */
export function centiTimes(centi: number, f: Fraction): number {
  return roundHalfUpFraction(times({ num: BigInt(centi), den: 1n }, f));
}
