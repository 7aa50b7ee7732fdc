/**
 * Day arithmetic of the demo generator: dates as whole days since 1970-01-01 (UTC), so that
 * spacing visits and drawing dates is integer arithmetic; ISO text only at the edge.
 */

const MS_PER_DAY = 86_400_000;

// Millions of dates are formatted and parsed when a city is generated; the demo's dates
// fall in a few tens of thousands of days, so both directions are memoised.
const DAY_OF = new Map<string, number>();
const ISO_OFFSET = 50_000;
const ISO_OF: (string | undefined)[] = [];

/**
 * Day number of an ISO date.
 *
 * @example dayOf('1970-01-02') // → 1
 */
export function dayOf(iso: string): number {
  let day = DAY_OF.get(iso);
  if (day === undefined) {
    day =
      Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / MS_PER_DAY;
    if (DAY_OF.size < 100_000) DAY_OF.set(iso, day);
  }
  return day;
}

/**
 * ISO date of a day number.
 *
 * @example isoOf(18443) // → '2020-06-30'
 */
export function isoOf(day: number): string {
  const index = day + ISO_OFFSET;
  if (index < 0 || index >= 2 * ISO_OFFSET) return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
  return (ISO_OF[index] ??= new Date(day * MS_PER_DAY).toISOString().slice(0, 10));
}

/**
 * The day a person born on `birthDay` turns `years` old (29 February births turn on 1 March
 * in common years).
 *
 * @example isoOf(birthdayAt(dayOf('1955-03-10'), 65)) // → '2020-03-10'
 */
export function birthdayAt(birthDay: number, years: number): number {
  const d = new Date(birthDay * MS_PER_DAY);
  return Date.UTC(d.getUTCFullYear() + years, d.getUTCMonth(), d.getUTCDate()) / MS_PER_DAY;
}

/**
 * Latest birth day of people at least `years` old on `onDay`.
 *
 * @example isoOf(latestBirthForAge(dayOf('2020-06-30'), 65)) // → '1955-06-30'
 */
export function latestBirthForAge(onDay: number, years: number): number {
  const d = new Date(onDay * MS_PER_DAY);
  return Date.UTC(d.getUTCFullYear() - years, d.getUTCMonth(), d.getUTCDate()) / MS_PER_DAY;
}

/**
 * Whole months from `birthDay` to `onDay`.
 *
 * @example monthsBetween(dayOf('2019-12-15'), dayOf('2020-06-14')) // → 5
 */
export function monthsBetween(birthDay: number, onDay: number): number {
  const a = new Date(birthDay * MS_PER_DAY);
  const b = new Date(onDay * MS_PER_DAY);
  let months = (b.getUTCFullYear() - a.getUTCFullYear()) * 12 + (b.getUTCMonth() - a.getUTCMonth());
  if (b.getUTCDate() < a.getUTCDate()) months -= 1;
  return Math.max(0, months);
}
