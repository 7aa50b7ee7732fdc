/**
 * Money as integer fen (分). Amounts are written by people as yuan with at most two decimals
 * ("12345.60", "1,234.5"); they are read as text into fen, never through a binary double, so
 * that every sum is exact and the 合计 row always equals the sum of its column.
 */
import { splitProportionally } from '../targets/proportional-split.js';

/**
 * Reads yuan written as text into fen; null when it is not an amount with at most two decimals.
 *
 * @example
 * parseYuan('1,234.5') // → 123450
 * parseYuan('0.005') // → null
 */
export function parseYuan(text: string | number): number | null {
  const t = String(text)
    .trim()
    .replace(/[,，\s]/g, '')
    .replace(/元$/, '');
  const m = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(t);
  if (!m) return null;
  const [, sign, whole, dec = ''] = m;
  const fen = Number(whole) * 100 + Number(dec.padEnd(2, '0'));
  if (!Number.isSafeInteger(fen)) return null;
  return sign === '-' ? -fen : fen;
}

/**
 * Fen as yuan with two decimals, for documents: 123450 → '1,234.50' (grouped) or '1234.50'.
 */
export function formatYuan(fen: number, grouped = true): string {
  const sign = fen < 0 ? '-' : '';
  const a = Math.abs(fen);
  const whole = String(Math.floor(a / 100));
  const w = grouped ? whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',') : whole;
  return `${sign}${w}.${String(a % 100).padStart(2, '0')}`;
}

/** Fen as a yuan number for spreadsheet cells (exact to the fen at these magnitudes). */
export function fenToYuan(fen: number): number {
  return fen / 100;
}

/**
 * `fen × bp / 10000`, rounded half up to a fen (a share in basis points of an amount).
 *
 * @example
 * shareOf(12345, 4000) // → 4938 (4938.0)
 * shareOf(1, 5000) // → 1 (0.5 rounds up)
 */
export function shareOf(fen: number, bp: number): number {
  const n = BigInt(fen) * BigInt(bp);
  return Number((2n * n + 10000n) / 20000n);
}

/**
 * Splits `totalFen` over parts in proportion to their bases, exactly, by the largest remainder
 * (the targets' rule, src/domain/targets/proportional-split.ts): each part gets the floor of its
 * exact share, and the fen left over go one each to the largest remainders (ties: larger base,
 * then the order given).
 */
export function splitFen<K>(totalFen: number, parts: readonly { key: K; base: number }[]): Map<K, number> {
  return new Map(splitProportionally(totalFen, parts).map((s) => [s.key, s.amount]));
}
