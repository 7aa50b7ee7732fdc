/**
 * The calendar of the demo's records: the cut-off date, when records were created, and the
 * days check-ups and follow-ups fall on in the first half of 2020.
 */
import { dayOf } from './calendar.js';
import type { DemoRandom } from './random.js';

/** The cut-off date of the demo's data (day number). */
export const AS_OF = dayOf('2020-06-30');
/** First day of the reported year. */
export const YEAR_START = dayOf('2020-01-01');
/** The day number of a date in 2020, `'06-28'` for 28 June. */
export const Y2020 = (mmdd: string): number => dayOf(`2020-${mmdd}`);
/** The last day a visit is recorded before the cut-off. */
export const LAST_VISIT_DAY = Y2020('06-28');
/** The first day a visit is recorded in 2020. */
export const FIRST_VISIT_DAY = Y2020('01-06');
/** A record used since this day (updated or served) counts as dynamically used. */
export const USED_SINCE = dayOf('2019-07-01');
/** Elderly check-ups by month, January–June 2020: February stopped for COVID-19. */
const CHECKUP_MONTHS = [0.12, 0.02, 0.12, 0.22, 0.27, 0.25];

/** Day a record was created: after birth for the young, in the 2009–2019 campaigns for others. */
export function createdDay(r: DemoRandom, birthDay: number): number {
  if (birthDay >= dayOf('2009-03-01')) return Math.min(AS_OF, birthDay + r.int(1, 5));
  const year = 2009 + r.weighted([0.14, 0.2, 0.16, 0.12, 0.08, 0.07, 0.06, 0.05, 0.05, 0.04, 0.03]);
  return r.int(Math.max(dayOf(`${year}-03-01`), birthDay + 1), dayOf(`${year}-12-28`));
}

/** A check-up day in January–June 2020, by the months' weights. */
export function checkupDay(r: DemoRandom): number {
  const month = r.weighted(CHECKUP_MONTHS) + 1;
  const first = dayOf(`2020-${String(month).padStart(2, '0')}-01`);
  return Math.min(LAST_VISIT_DAY, first + r.int(0, 27));
}

/** `count` follow-up days in 2020 H1, roughly quarterly with jitter, ascending. */
export function followupDays(r: DemoRandom, count: number): number[] {
  switch (count) {
    case 0:
      return [];
    case 1:
      return [r.int(FIRST_VISIT_DAY, LAST_VISIT_DAY)];
    case 2:
      return [r.int(FIRST_VISIT_DAY, Y2020('03-31')), r.int(Y2020('04-10'), LAST_VISIT_DAY)];
    default:
      return [
        r.int(FIRST_VISIT_DAY, Y2020('02-25')),
        r.int(Y2020('03-25'), Y2020('04-25')),
        r.int(Y2020('05-20'), LAST_VISIT_DAY),
      ];
  }
}
