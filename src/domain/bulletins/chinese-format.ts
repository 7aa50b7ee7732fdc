/**
 * Chinese government-document number and date conventions used in bulletins (通报):
 * large counts in 万 with two decimals, percentages with two decimals, dates as
 * 2020年6月30日, quarters as 第二季度, and the list markers 一、 （一） 1、.
 *
 * Rounding is half-up on the decimal value as printed, never on the binary float
 * (0.90135 prints as 90.14%, not 90.13%).
 */

/** The percent sign used everywhere in generated documents (half-width, as in most of the model bulletin). */
export const PERCENT_SIGN = '%';

/** Counts at or above this are written in 万 by {@link formatCount}. */
export const WAN_THRESHOLD = 10_000;

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'] as const;

/**
 * Rounds `value × 10^decimals` half-up to an integer, after removing float noise
 * (0.90135 × 10000 is 9013.499999… in binary; the decimal intent is 9013.5 → 9014).
 */
function scaledRound(value: number, decimals: number): number {
  const scaled = Number((value * 10 ** decimals).toPrecision(12));
  return Math.sign(scaled) * Math.round(Math.abs(scaled));
}

/** Writes an integer count of hundredths as a decimal with exactly two decimals. */
function hundredths(scaled: number): string {
  const sign = scaled < 0 ? '-' : '';
  const abs = Math.abs(scaled);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

function assertFinite(value: number, what: string): void {
  if (!Number.isFinite(value)) throw new RangeError(`${what}: not a finite number: ${value}`);
}

/**
 * A count in 万 with two decimals, whatever its size.
 *
 * @example formatWan(1_911_700) // '191.17万'
 * @example formatWan(1_600) // '0.16万'
 */
export function formatWan(count: number): string {
  assertFinite(count, 'count');
  return `${hundredths(scaledRound(count / WAN_THRESHOLD, 2))}万`;
}

/**
 * A count as people read it in a bulletin: 万 with two decimals from 10 000 up, the plain
 * integer below (and no thousands separators, as in the model bulletin).
 *
 * @example formatCount(171_200) // '17.12万'
 * @example formatCount(8_852) // '8852'
 */
export function formatCount(count: number): string {
  assertFinite(count, 'count');
  if (Math.abs(count) >= WAN_THRESHOLD) return formatWan(count);
  return String(Math.round(count));
}

/**
 * A fraction (0..1) as a percentage with two decimals; '—' when there is no value
 * (denominator 0).
 *
 * @example formatPercent(0.9014) // '90.14%'
 * @example formatPercent(0.564) // '56.40%'
 * @example formatPercent(null) // '—'
 */
export function formatPercent(fraction: number | null): string {
  if (fraction === null) return '—';
  assertFinite(fraction, 'fraction');
  return `${hundredths(scaledRound(fraction, 4))}${PERCENT_SIGN}`;
}

/**
 * A threshold someone set, as a percentage without needless decimals (up to two).
 *
 * @example formatThreshold(0.9) // '90%'
 * @example formatThreshold(0.925) // '92.5%'
 * @example formatThreshold(0.9014) // '90.14%'
 */
export function formatThreshold(fraction: number): string {
  assertFinite(fraction, 'fraction');
  const text = hundredths(scaledRound(fraction, 4)).replace(/\.?0+$/, '');
  return `${text}${PERCENT_SIGN}`;
}

/**
 * Percentage points between two fractions, two decimals, always positive (the wording says
 * which way): used for "有4.54%的患者无指导意见".
 *
 * @example formatPercentPoints(0.9273 - 0.9014) // '2.59'
 */
export function formatPercentPoints(difference: number): string {
  assertFinite(difference, 'difference');
  return hundredths(scaledRound(Math.abs(difference), 4));
}

/**
 * Chinese numeral for 0..9999 as used in dates and list markers.
 *
 * @example chineseNumeral(2) // '二'
 * @example chineseNumeral(10) // '十'
 * @example chineseNumeral(15) // '十五'
 * @example chineseNumeral(20) // '二十'
 * @example chineseNumeral(105) // '一百零五'
 */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 9999) throw new RangeError(`chineseNumeral: out of range: ${n}`);
  if (n < 10) return DIGITS[n]!;
  if (n < 20) return `十${n === 10 ? '' : DIGITS[n - 10]}`;
  const units = ['', '十', '百', '千'] as const;
  const digits = String(n).split('').map(Number);
  let out = '';
  let pendingZero = false;
  digits.forEach((d, i) => {
    const place = digits.length - 1 - i;
    if (d === 0) {
      pendingZero = out !== '';
      return;
    }
    if (pendingZero) out += '零';
    pendingZero = false;
    out += `${DIGITS[d]!}${units[place]!}`;
  });
  return out;
}

/** Top-level list marker: 一、 二、 … */
export function sectionMarker(n: number): string {
  return `${chineseNumeral(n)}、`;
}

/** Second-level list marker: （一） （二） … (full-width parentheses). */
export function subsectionMarker(n: number): string {
  return `（${chineseNumeral(n)}）`;
}

/** Third-level list marker: 1、 2、 … */
export function itemMarker(n: number): string {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`itemMarker: not a positive integer: ${n}`);
  return `${n}、`;
}

/** Enumeration marker inside a paragraph: 一是 二是 … */
export function enumerationMarker(n: number): string {
  return `${chineseNumeral(n)}是`;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parseIsoDate(iso: string): { year: number; month: number; day: number } {
  const m = ISO_DATE.exec(iso);
  if (!m) throw new RangeError(`not an ISO date (YYYY-MM-DD): ${iso}`);
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day)
    throw new RangeError(`not a calendar date: ${iso}`);
  return { year, month, day };
}

/**
 * An ISO date the way Chinese documents write it (no leading zeros).
 *
 * @example formatChineseDate('2020-06-30') // '2020年6月30日'
 */
export function formatChineseDate(iso: string): string {
  const { year, month, day } = parseIsoDate(iso);
  return `${year}年${month}月${day}日`;
}

/**
 * Quarter name.
 *
 * @example quarterName(2) // '第二季度'
 */
export function quarterName(quarter: number): string {
  if (!Number.isInteger(quarter) || quarter < 1 || quarter > 4)
    throw new RangeError(`quarter out of range: ${quarter}`);
  return `第${chineseNumeral(quarter)}季度`;
}

/**
 * Joins named items with the enumeration comma 、.
 *
 * @example joinEnumeration(['华亭市82.07%', '崆峒区87.52%']) // '华亭市82.07%、崆峒区87.52%'
 */
export function joinEnumeration(items: readonly string[]): string {
  return items.join('、');
}
