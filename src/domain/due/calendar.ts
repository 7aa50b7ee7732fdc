/**
 * Calendar arithmetic on ISO dates (`YYYY-MM-DD`) for due dates, in UTC so that no time zone
 * moves a day. Months clamp to the month's end: 2019-11-30 + 3 months is 2020-02-29.
 */

function toUtc(iso: string): Date {
  return new Date(`${iso.slice(0, 10)}T00:00:00Z`);
}

function isoOf(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** `iso` plus `days` (negative goes back). @example addDays('2019-12-25', 10) // '2020-01-04' */
export function addDays(iso: string, days: number): string {
  const d = toUtc(iso);
  d.setUTCDate(d.getUTCDate() + days);
  return isoOf(d);
}

/**
 * `iso` plus `months`, clamped to the last day of the target month.
 *
 * @example addMonths('2019-11-30', 3) // '2020-02-29'; addMonths('2020-02-29', 12) // '2021-02-28'
 */
export function addMonths(iso: string, months: number): string {
  const d = toUtc(iso);
  const day = d.getUTCDate();
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return isoOf(target);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((toUtc(to).getTime() - toUtc(from).getTime()) / 86_400_000);
}

/** The later of two ISO dates. */
export function laterOf(a: string, b: string): string {
  return a >= b ? a : b;
}
