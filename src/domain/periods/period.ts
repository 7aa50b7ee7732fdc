/**
 * Reporting periods of the programme: year `2020`, half-year `2020H1`, quarter `2020Q2`,
 * month `2020-06` and the ten-day periods (旬) of a month `2020-06-1` .. `2020-06-3`
 * (上旬 days 1–10, 中旬 11–20, 下旬 21 to the month's end).
 *
 * Every period ends at the end of a 旬, so a year has 36 "slots" (旬) and every period end
 * is one of them. Indicators are year-to-date as of the period end: a Q2 value counts the
 * services from 1 January to 30 June.
 *
 * The one parser of the period syntax and the one home of the Gregorian month lengths
 * (`isLeapYear`, `daysInMonth`): the indicator engine, the targets, the bulletins and the
 * record dates all read them from here.
 */
import { GongweiError, type LocalizedText } from '../gongwei-error.js';

/** The kind of a reporting period. */
export type PeriodKind = 'year' | 'half' | 'quarter' | 'month' | 'dekad';

/** A parsed reporting period. Dates are ISO `YYYY-MM-DD`. */
export interface Period {
  /** The canonical text, e.g. `2020Q2`. */
  readonly text: string;
  readonly kind: PeriodKind;
  readonly year: number;
  /** First day of the period. */
  readonly start: string;
  /** Last day of the period (inclusive). */
  readonly end: string;
  /** 1 January of the period's year: the start of year-to-date counting. */
  readonly ytdStart: string;
  /** Index 0..35 of the 旬 the period ends in (month − 1) × 3 + (旬 − 1). */
  readonly endSlot: number;
}

/**
 * A period string that could not be understood: a `bad_request` (400) blaming the field
 * `period`. The message names the string and the accepted forms.
 *
 * @example
 * parsePeriod('2020H3') // throws PeriodError: "period：「2020H3」无法识别；… / period: '2020H3' is not understood; accepted: …"
 */
export class PeriodError extends GongweiError {
  override readonly name = 'PeriodError';

  constructor(text: LocalizedText) {
    super('bad_request', text, { field: 'period' });
  }
}

/** Number of 旬 (ten-day periods) in a year. */
export const SLOTS_PER_YEAR = 36;

const ACCEPTED = {
  zh: '可用格式：2020、2020H1、2020Q2、2020-06、2020-06-1（旬 1..3）',
  en: "accepted: '2020', '2020H1', '2020Q2', '2020-06', '2020-06-1' (旬 1..3)",
};

/** True for Gregorian leap years. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Number of days of `month` (1..12) in `year`. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function iso(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** First and last day of 旬 `dekad` (1..3) of a month. */
export function dekadDays(year: number, month: number, dekad: number): { first: number; last: number } {
  if (dekad === 1) return { first: 1, last: 10 };
  if (dekad === 2) return { first: 11, last: 20 };
  return { first: 21, last: daysInMonth(year, month) };
}

/** Last day (ISO) of slot `slot` (0..35) of `year`. */
export function slotEnd(year: number, slot: number): string {
  const month = Math.floor(slot / 3) + 1;
  const dekad = (slot % 3) + 1;
  return iso(year, month, dekadDays(year, month, dekad).last);
}

/**
 * The slot (0..35) an ISO date falls in, within its own year.
 *
 * @example slotOfDate('2020-02-29') // 5 (February, 下旬)
 */
export function slotOfDate(date: string): number {
  const month = Number(date.slice(5, 7));
  const day = Number(date.slice(8, 10));
  const dekad = day <= 10 ? 0 : day <= 20 ? 1 : 2;
  return (month - 1) * 3 + dekad;
}

function periodFromRange(
  text: string,
  kind: PeriodKind,
  year: number,
  startMonth: number,
  startDay: number,
  endMonth: number,
  endDekad: number,
): Period {
  const end = iso(year, endMonth, dekadDays(year, endMonth, endDekad).last);
  return {
    text,
    kind,
    year,
    start: iso(year, startMonth, startDay),
    end,
    ytdStart: iso(year, 1, 1),
    endSlot: (endMonth - 1) * 3 + (endDekad - 1),
  };
}

/**
 * Parses a period string. Throws `PeriodError` naming the string and the accepted forms.
 *
 * @example parsePeriod('2020Q2').end // '2020-06-30'
 * @example parsePeriod('2020-02-3').end // '2020-02-29'
 */
export function parsePeriod(text: string): Period {
  const s = text.trim();
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})$/.exec(s))) {
    return periodFromRange(s, 'year', checkYear(m[1]!, text), 1, 1, 12, 3);
  }
  if ((m = /^(\d{4})[Hh]([12])$/.exec(s))) {
    const h = Number(m[2]);
    return periodFromRange(`${m[1]}H${h}`, 'half', checkYear(m[1]!, text), h === 1 ? 1 : 7, 1, h * 6, 3);
  }
  if ((m = /^(\d{4})[Qq]([1-4])$/.exec(s))) {
    const q = Number(m[2]);
    return periodFromRange(`${m[1]}Q${q}`, 'quarter', checkYear(m[1]!, text), q * 3 - 2, 1, q * 3, 3);
  }
  if ((m = /^(\d{4})-(\d{2})$/.exec(s))) {
    const month = checkMonth(m[2]!, text);
    return periodFromRange(s, 'month', checkYear(m[1]!, text), month, 1, month, 3);
  }
  if ((m = /^(\d{4})-(\d{2})-(\d)$/.exec(s))) {
    const year = checkYear(m[1]!, text);
    const month = checkMonth(m[2]!, text);
    const dekad = Number(m[3]);
    if (dekad < 1 || dekad > 3)
      throw new PeriodError({
        zh: `「${text}」：旬应为 1、2 或 3；${ACCEPTED.zh}`,
        en: `'${text}': 旬 must be 1, 2 or 3; ${ACCEPTED.en}`,
      });
    return periodFromRange(s, 'dekad', year, month, dekadDays(year, month, dekad).first, month, dekad);
  }
  throw new PeriodError({
    zh: `「${text}」无法识别；${ACCEPTED.zh}`,
    en: `'${text}' is not understood; ${ACCEPTED.en}`,
  });
}

/**
 * The period of `text`, or null when it is not one (a column header that names a field, not
 * a milestone period).
 *
 * @example periodOrNull('2020-02-3')?.end // '2020-02-29'
 * @example periodOrNull('2020H3') // null
 */
export function periodOrNull(text: string): Period | null {
  try {
    return parsePeriod(text);
  } catch (error) {
    if (error instanceof PeriodError) return null;
    throw error;
  }
}

function checkYear(digits: string, text: string): number {
  const year = Number(digits);
  if (year < 1900 || year > 2999)
    throw new PeriodError({
      zh: `「${text}」：年份应为 1900..2999`,
      en: `'${text}': year must be 1900..2999`,
    });
  return year;
}

function checkMonth(digits: string, text: string): number {
  const month = Number(digits);
  if (month < 1 || month > 12)
    throw new PeriodError({ zh: `「${text}」：月份应为 01..12`, en: `'${text}': month must be 01..12` });
  return month;
}

/** The period of a year's slot, e.g. slot 17 of 2020 → '2020-06-3'. */
export function slotPeriod(year: number, slot: number): Period {
  return parsePeriod(`${year}-${String(Math.floor(slot / 3) + 1).padStart(2, '0')}-${(slot % 3) + 1}`);
}

/**
 * Months of the year elapsed at the end of a slot, counting a 旬 as a third of a month;
 * the pro-rating base of "≥ 4 follow-ups a year" (规范管理).
 *
 * @example monthsElapsed(17) // 6 (end of June)
 * @example monthsElapsed(15) // 5.333… (10 June)
 */
export function monthsElapsed(slot: number): number {
  return (slot + 1) / 3;
}

/**
 * Shifts an ISO date by whole months, clamping to the end of the target month
 * (31 May − 3 months = 28/29 February).
 */
export function addMonthsIso(date: string, months: number): string {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const day = Number(date.slice(8, 10));
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const mo = (index % 12) + 1;
  return iso(y, mo, Math.min(day, daysInMonth(y, mo)));
}

/** Chinese and English label of a period, e.g. `2020年第2季度` / `2020 Q2`. */
export function periodLabel(period: Period): { zh: string; en: string } {
  const month = Number(period.end.slice(5, 7));
  switch (period.kind) {
    case 'year':
      return { zh: `${period.year}年`, en: `${period.year}` };
    case 'half':
      return month === 6
        ? { zh: `${period.year}年上半年`, en: `${period.year} H1` }
        : { zh: `${period.year}年下半年`, en: `${period.year} H2` };
    case 'quarter':
      return { zh: `${period.year}年第${month / 3}季度`, en: `${period.year} Q${month / 3}` };
    case 'month':
      return { zh: `${period.year}年${month}月`, en: period.text };
    case 'dekad': {
      const d = (period.endSlot % 3) + 1;
      return { zh: `${period.year}年${month}月${['上', '中', '下'][d - 1]}旬`, en: `${period.text}` };
    }
  }
}
