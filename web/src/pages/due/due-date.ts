/**
 * The day a due list is drawn up for when the user has not picked one: the last day of the
 * period chosen in the header, but never after today (a list for a day to come would call
 * everyone due whose visit falls before it).
 */
import type { PeriodChoice } from '../../scope/period-choice';

const pad = (n: number): string => String(n).padStart(2, '0');

/** The last day (YYYY-MM-DD) of a month, 1–12. */
function monthEnd(year: number, month: number): string {
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${pad(month)}-${pad(days)}`;
}

/** The last day of a period of the picker. */
export function periodEndDate(choice: PeriodChoice): string {
  const { year, kind, index } = choice;
  switch (kind) {
    case 'year':
      return `${year}-12-31`;
    case 'half':
      return monthEnd(year, index * 6);
    case 'quarter':
      return monthEnd(year, index * 3);
    case 'month':
      return monthEnd(year, index);
    case 'dekad': {
      const month = Math.ceil(index / 3);
      const part = ((index - 1) % 3) + 1;
      return part === 3 ? monthEnd(year, month) : `${year}-${pad(month)}-${part === 1 ? '10' : '20'}`;
    }
  }
}

/** The local calendar day of `now`, YYYY-MM-DD. */
export function localDay(now: Date): string {
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * The default day of the due list: the period's last day, or today if that is earlier.
 *
 * @example defaultDueDate({ year: 2020, kind: 'quarter', index: 2 }, new Date(2026, 11, 5)) // '2020-06-30'
 */
export function defaultDueDate(choice: PeriodChoice, now: Date): string {
  const end = periodEndDate(choice);
  const today = localDay(now);
  return end < today ? end : today;
}
