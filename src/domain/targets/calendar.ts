/**
 * Days as the push plans count them: dates as people write them, days left until a deadline
 * (calendar or working days), and the checkpoint days on which a push plan is re-computed.
 * Dates are ISO text `YYYY-MM-DD`; "today" is always a parameter. Periods ('2020H1', …) are
 * parsed and months measured by the periods module (src/domain/periods/period.ts); here
 * they are only read from a planner's input, with errors naming the field.
 */
import { daysInMonth, periodOrNull, type Period } from '../periods/period.js';
import { PlanInputError } from './plan-input-error.js';

const DAY_MS = 86_400_000;

function toUtcDay(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / DAY_MS;
}

function fromUtcDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/**
 * Reads a date as people write it — 2020-06-30, 2020/6/30, 2020年6月30日 — into ISO text;
 * null when it is not a real calendar date (2021-02-29 is not).
 *
 * @example
 * parseDate('2020年2月29日') // → '2020-02-29'
 * parseDate('2021-02-29') // → null
 */
export function parseDate(text: string): string | null {
  const match = /^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*$/.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return `${match[1]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * Like `parseDate`, but a bad date is a `PlanInputError` naming the option or column.
 *
 * @example
 * requireDate('2020-13-01', '--deadline') // throws: 「--deadline」：不是有效日期 …
 */
export function requireDate(text: string, column: string, row?: number): string {
  const iso = parseDate(text);
  if (iso === null) {
    throw new PlanInputError(
      {
        zh: `不是有效日期（应为 2020-06-30 或 2020年6月30日）`,
        en: 'not a valid date (expected 2020-06-30)',
      },
      row === undefined ? { column } : { row, column },
    );
  }
  return iso;
}

/**
 * A period a planner typed (the periods module's syntax: '2020', '2020H1', '2020Q2',
 * '2020-06', '2020-06-1'); one that is not a period is a `PlanInputError` naming the option,
 * field or column, like every other bad input of a plan.
 *
 * @example
 * requirePeriod('2020H1', 'period').end // '2020-06-30'
 * requirePeriod('2020H3', 'period') // throws: 「period」：不是有效期间 …
 */
export function requirePeriod(text: string, column: string, row?: number): Period {
  const period = periodOrNull(text);
  if (period === null) {
    throw new PlanInputError(
      {
        zh: `不是有效期间（如 2020、2020H1、2020Q2、2020-06、2020-06-1）`,
        en: 'not a valid period (e.g. 2020, 2020H1, 2020Q2, 2020-06, 2020-06-1)',
      },
      row === undefined ? { column } : { row, column },
    );
  }
  return period;
}

/** `iso` shifted by `days` days. */
export function addDays(iso: string, days: number): string {
  return fromUtcDay(toUtcDay(iso) + days);
}

/** `to − from` in days. */
export function daysFrom(from: string, to: string): number {
  return toUtcDay(to) - toUtcDay(from);
}

/** Day of the week, 0 Sunday … 6 Saturday. */
export function weekday(iso: string): number {
  return new Date(toUtcDay(iso) * DAY_MS).getUTCDay();
}

/** How days are counted: every calendar day, or working days (no weekends or holidays). */
export type DayCounting = 'calendar' | 'working';

/** The non-working calendar of a place: public holidays and weekend days that are worked (调休). */
export interface WorkCalendar {
  /** Days off besides weekends (法定节假日). */
  readonly holidays?: readonly string[];
  /** Saturdays or Sundays that are working days (调休上班). */
  readonly workdays?: readonly string[];
}

/**
 * Days from the day after `asOf` to `deadline`, both counted inclusive of the deadline:
 * every day, or only working days (Monday to Friday, minus holidays, plus worked weekend
 * days). Zero or less when the deadline is not after `asOf`.
 *
 * @example
 * daysLeft('2020-02-27', '2020-03-01', 'calendar') // → 3 (28, 29 February and 1 March)
 * daysLeft('2020-06-26', '2020-06-30', 'working', { holidays: ['2020-06-29'] }) // → 1 (30 June)
 */
export function daysLeft(
  asOf: string,
  deadline: string,
  counting: DayCounting,
  calendar: WorkCalendar = {},
): number {
  const span = daysFrom(asOf, deadline);
  if (counting === 'calendar' || span <= 0) return span;
  const holidays = new Set(calendar.holidays ?? []);
  const workdays = new Set(calendar.workdays ?? []);
  let count = 0;
  for (let i = 1; i <= span; i += 1) {
    const day = addDays(asOf, i);
    const dow = weekday(day);
    const weekend = dow === 0 || dow === 6;
    if (workdays.has(day) || (!weekend && !holidays.has(day))) count += 1;
  }
  return count;
}

/** A checkpoint day of a month: a day number, or the last day of the month. */
export type CheckpointDay = number | 'last';

/** The 10th, 20th and last day of each month: when push plans are re-computed by default. */
export const DEFAULT_CHECKPOINT_DAYS: readonly CheckpointDay[] = [10, 20, 'last'];

function checkpointsOfMonth(year: number, month: number, days: readonly CheckpointDay[]): string[] {
  const last = daysInMonth(year, month);
  const numbers = days.map((d) => (d === 'last' ? last : Math.min(d, last)));
  const ym = `${year}-${String(month).padStart(2, '0')}`;
  return [...new Set(numbers)].sort((a, b) => a - b).map((d) => `${ym}-${String(d).padStart(2, '0')}`);
}

/**
 * Checkpoint dates from `from` to `to` inclusive.
 *
 * @example
 * checkpointDates('2020-02-05', '2020-03-10') // → ['2020-02-10', '2020-02-20', '2020-02-29', '2020-03-10']
 */
export function checkpointDates(
  from: string,
  to: string,
  days: readonly CheckpointDay[] = DEFAULT_CHECKPOINT_DAYS,
): string[] {
  const result: string[] = [];
  let year = Number(from.slice(0, 4));
  let month = Number(from.slice(5, 7));
  while (`${year}-${String(month).padStart(2, '0')}` <= to.slice(0, 7)) {
    for (const day of checkpointsOfMonth(year, month, days)) {
      if (day >= from && day <= to) result.push(day);
    }
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return result;
}

/**
 * The latest checkpoint on or before `date` (the date itself when it is one).
 *
 * @example
 * latestCheckpoint('2020-06-15') // → '2020-06-10'
 * latestCheckpoint('2020-06-05') // → '2020-05-31'
 */
export function latestCheckpoint(
  date: string,
  days: readonly CheckpointDay[] = DEFAULT_CHECKPOINT_DAYS,
): string {
  const from = addDays(`${date.slice(0, 7)}-01`, -1);
  const found = checkpointDates(`${from.slice(0, 7)}-01`, date, days);
  return found[found.length - 1] ?? from;
}

/**
 * The engine period whose end is `date`, for year-to-date values as of a day: the 旬
 * ('2020-06-1', '-2', '-3') when `date` ends one, else null.
 *
 * @example
 * periodEndingOn('2020-02-29') // → '2020-02-3'
 * periodEndingOn('2020-02-15') // → null
 */
export function periodEndingOn(date: string): string | null {
  const day = Number(date.slice(8, 10));
  const last = daysInMonth(Number(date.slice(0, 4)), Number(date.slice(5, 7)));
  const ym = date.slice(0, 7);
  if (day === 10) return `${ym}-1`;
  if (day === 20) return `${ym}-2`;
  if (day === last) return `${ym}-3`;
  return null;
}

/**
 * The latest engine period ending on or before `date`: the done of a push plan as of an
 * arbitrary day is counted up to the last 旬 end not after it (the engine counts whole 旬).
 *
 * @example
 * periodEndingBy('2020-06-15') // → { period: '2020-06-1', end: '2020-06-10' }
 */
export function periodEndingBy(date: string): { period: string; end: string } {
  const exact = periodEndingOn(date);
  if (exact !== null) return { period: exact, end: date };
  const end = latestCheckpoint(date, [10, 20, 'last']);
  return { period: periodEndingOn(end) as string, end };
}
