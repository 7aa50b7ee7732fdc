/**
 * The dates a push plan opens with for the chosen period: the deadline is the period's last
 * day, and "as of" the last checkpoint before it (the 20th of its last month), the day a
 * bureau usually issues the plan.
 */
import type { PeriodChoice } from '../../scope/period-choice';

function iso(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The last month (1–12) of a period. */
function lastMonth(choice: PeriodChoice): number {
  switch (choice.kind) {
    case 'year':
      return 12;
    case 'half':
      return choice.index * 6;
    case 'quarter':
      return choice.index * 3;
    case 'month':
      return choice.index;
    case 'dekad':
      return Math.ceil(choice.index / 3);
  }
}

/**
 * The last day of a period.
 *
 * @example periodEnd({ year: 2020, kind: 'half', index: 1 }) // '2020-06-30'
 * @example periodEnd({ year: 2020, kind: 'dekad', index: 5 }) // '2020-02-20'
 */
export function periodEnd(choice: PeriodChoice): string {
  const month = lastMonth(choice);
  const days = new Date(Date.UTC(choice.year, month, 0)).getUTCDate();
  if (choice.kind === 'dekad') {
    const dekad = ((choice.index - 1) % 3) + 1;
    return iso(choice.year, month, dekad === 3 ? days : dekad * 10);
  }
  return iso(choice.year, month, days);
}

/**
 * The as-of date a plan opens with: the 20th of the period's last month (the 10th for a
 * period ending on the 20th or earlier).
 *
 * @example defaultAsOf({ year: 2020, kind: 'quarter', index: 2 }) // '2020-06-20'
 */
export function defaultAsOf(choice: PeriodChoice): string {
  const end = periodEnd(choice);
  const day = Number(end.slice(8));
  return `${end.slice(0, 8)}${day > 20 ? '20' : day > 10 ? '10' : '01'}`;
}
