/**
 * Exact rounding of the programme's target arithmetic. Rates and shares are written by
 * people as short decimals (0.8, 0.15, 40 %), and a product such as 1465 × 0.3 must round
 * as the planner computes it on paper (439.5 → 440), never as binary floating point
 * happens to land (439.49999…). So every factor is read back as the decimal a person
 * wrote and multiplied exactly in integers.
 */

/** A non-negative or negative rational with a positive denominator. */
interface Fraction {
  readonly num: bigint;
  readonly den: bigint;
}

// Twelve significant digits keep every rate a person can type and drop binary noise
// such as 0.30000000000000004 (0.1 + 0.2).
const SIGNIFICANT_DIGITS = 12;

function decimalFraction(value: number): Fraction {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
  const text = value.toPrecision(SIGNIFICANT_DIGITS);
  const match = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(text);
  if (!match) throw new RangeError(`cannot read ${value} as a decimal`);
  const [, sign, whole, paddedFraction = '', exponentText = '0'] = match;
  const fractionDigits = paddedFraction.replace(/0+$/, '');
  const exponent = Number(exponentText) - fractionDigits.length;
  let num = BigInt(`${sign}${whole}${fractionDigits}`);
  let den = 1n;
  if (exponent >= 0) num *= 10n ** BigInt(exponent);
  else den = 10n ** BigInt(-exponent);
  return { num, den };
}

function floorDiv(num: bigint, den: bigint): bigint {
  const q = num / den;
  return num % den !== 0n && num < 0n !== den < 0n ? q - 1n : q;
}

function roundFractionHalfUp(f: Fraction): number {
  // floor(x + 1/2) = floor((2·num + den) / (2·den))
  return Number(floorDiv(2n * f.num + f.den, 2n * f.den));
}

/**
 * Rounds half up (toward +∞ at exactly .5), reading `value` as the decimal it prints as.
 *
 * @example
 * roundHalfUp(439.5) // → 440
 * roundHalfUp(2930.4) // → 2930
 */
export function roundHalfUp(value: number): number {
  return roundFractionHalfUp(decimalFraction(value));
}

/**
 * The product of decimal factors, computed exactly and rounded half up: the rule
 * "target = base × rate, rounded half up".
 *
 * @example
 * roundProductHalfUp(1465, 0.3) // → 440 (binary floating point gives 439.49999…)
 * roundProductHalfUp(387, 0.15) // → 58
 */
export function roundProductHalfUp(...factors: readonly number[]): number {
  let product: Fraction = { num: 1n, den: 1n };
  for (const factor of factors) {
    const f = decimalFraction(factor);
    product = { num: product.num * f.num, den: product.den * f.den };
  }
  return roundFractionHalfUp(product);
}

/**
 * `total × weight / weightSum` rounded half up, exactly: one increment of a curve given
 * as weights (40/30/30, or twelve equal months).
 *
 * @example
 * roundShareHalfUp(1465, 30, 100) // → 440
 * roundShareHalfUp(6, 1, 12) // → 1 (exactly 0.5)
 */
export function roundShareHalfUp(total: number, weight: number, weightSum: number): number {
  const t = decimalFraction(total);
  const w = decimalFraction(weight);
  const s = decimalFraction(weightSum);
  if (s.num === 0n) throw new RangeError('the weights of a curve must not sum to zero');
  // (t.num/t.den) · (w.num/w.den) / (s.num/s.den)
  let num = t.num * w.num * s.den;
  let den = t.den * w.den * s.num;
  if (den < 0n) {
    num = -num;
    den = -den;
  }
  return roundFractionHalfUp({ num, den });
}

/**
 * Integer weights proportional to decimal `values` (all scaled to a common power of ten),
 * so that shares of them can be computed exactly.
 *
 * @example
 * decimalWeights([0.4, 0.3, 0.3]) // → [4n, 3n, 3n]
 */
export function decimalWeights(values: readonly number[]): bigint[] {
  const fractions = values.map(decimalFraction);
  const common = fractions.reduce((acc, f) => (f.den > acc ? f.den : acc), 1n);
  return fractions.map((f) => (f.num * common) / f.den);
}

/**
 * True when decimal `values` add up exactly to `expected` (as written, without binary
 * noise): a curve of shares must sum to 1, or to 100 when written in percent.
 *
 * @example
 * sumsExactlyTo([0.4, 0.3, 0.3], 1) // → true
 */
export function sumsExactlyTo(values: readonly number[], expected: number): boolean {
  const weights = decimalWeights([...values, expected]);
  const target = weights.pop() as bigint;
  return weights.reduce((a, b) => a + b, 0n) === target;
}
