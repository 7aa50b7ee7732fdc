/**
 * Figures the way a Chinese bureau writes them (DESIGN.md, "What a user sees"): counts of
 * 10,000 and more in 万 with two decimals, rates with two decimals and %, gaps in 个百分点,
 * dates as 2020年6月30日. The English UI writes the same figures the English way.
 */
import type { Language } from '../i18n/i18n';

/**
 * A count of people or services.
 *
 * @example formatCount(1911700, 'zh-CN') // '191.17万'
 * @example formatCount(9876, 'zh-CN') // '9,876'
 * @example formatCount(1911700, 'en') // '1,911,700'
 */
export function formatCount(count: number, language: Language): string {
  if (language === 'zh-CN' && Math.abs(count) >= 10_000) return `${(count / 10_000).toFixed(2)}万`;
  return Math.round(count).toLocaleString('en-US');
}

/**
 * A rate given as a fraction (0.8523) with two decimals and %; '—' when there is no
 * denominator. Rounded as the CLI and the bulletin round (toFixed), so the same figure reads
 * the same everywhere.
 *
 * @example formatRate(0.85234) // '85.23%'
 * @example formatRate(null) // '—'
 */
export function formatRate(fraction: number | null): string {
  if (fraction === null || !Number.isFinite(fraction)) return '—';
  return `${(fraction * 100).toFixed(2)}%`;
}

/** Whether a rate lies above 100 %, which the UI never shows without a remark. */
export function isOverHundred(fraction: number | null): boolean {
  return fraction !== null && fraction > 1 + 1e-9;
}

/**
 * The difference of two rates in percentage points, signed.
 *
 * @example formatGap(0.8, 0.85, 'zh-CN') // '-5.00个百分点'
 * @example formatGap(0.8, 0.85, 'en') // '-5.00 pp'
 */
export function formatGap(value: number | null, reference: number | null, language: Language): string {
  if (value === null || reference === null) return '—';
  const points = (value - reference) * 100;
  const text = `${points > 0 ? '+' : ''}${points.toFixed(2)}`;
  return language === 'zh-CN' ? `${text}个百分点` : `${text} pp`;
}

/**
 * An ISO date (2020-06-30) as a user reads it.
 *
 * @example formatDate('2020-06-30', 'zh-CN') // '2020年6月30日'
 * @example formatDate('2020-06-30', 'en') // '30 Jun 2020'
 */
export function formatDate(isoDate: string, language: Language): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  if (!match) return isoDate;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (language === 'zh-CN') return `${year}年${month}月${day}日`;
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  return `${day} ${months[month - 1]} ${year}`;
}
