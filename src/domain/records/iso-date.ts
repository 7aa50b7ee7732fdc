/**
 * ISO calendar dates (`YYYY-MM-DD`), the only date form stored and passed around in Gongwei.
 */
import { z } from 'zod';
import { daysInMonth } from '../periods/period.js';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Earliest year accepted anywhere in the records: older dates are typing errors. */
export const EARLIEST_YEAR = 1900;
/** Latest year accepted anywhere in the records. */
export const LATEST_YEAR = 2100;

/**
 * The ISO text of a calendar date, or null when the date does not exist (2020-02-30,
 * month 13) or lies outside 1900–2100.
 *
 * @example isoDateOf(2020, 6, 30) // '2020-06-30'
 */
export function isoDateOf(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (year < EARLIEST_YEAR || year > LATEST_YEAR) return null;
  if (month < 1 || month > 12) return null;
  if (day < 1 || day > daysInMonth(year, month)) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * True when `text` is an ISO date that exists in the calendar, between 1900 and 2100.
 *
 * @example isIsoDate('2020-02-29') // true; isIsoDate('2019-02-29') // false
 */
export function isIsoDate(text: string): boolean {
  const m = ISO_DATE.exec(text);
  return m !== null && isoDateOf(Number(m[1]), Number(m[2]), Number(m[3])) === text;
}

/**
 * The request and payload schema of an ISO date: the pattern and a day of the calendar
 * between 1900 and 2100, so that 2020-02-30 is refused where it is read, naming its field.
 *
 * @example z.object({ asOf: isoDateText }).parse({ asOf: '2020-06-30' })
 */
export const isoDateText = z
  .string()
  .refine(isIsoDate, 'expected a date YYYY-MM-DD that exists in the calendar (1900–2100)');
