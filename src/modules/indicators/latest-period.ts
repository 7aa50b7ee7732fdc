/**
 * Use-case: the period a first visit should open on — the quarter of the latest service in
 * the caller's scope among the years whose indicator facts are maintained, never after
 * today. A demo of 2020H1 opened in 2026 thus shows 2020Q2, not an empty quarter of today.
 */
import type { Db } from '../../db/database.js';
import { scopeOfOrg, type OrgScope } from '../orgs/org-scope.js';
import { loadFactYears } from './facts-repository.js';
import { latestServiceDateInScope } from './values-repository.js';

/** Where the data of an org end. */
export interface LatestPeriod {
  /** The latest year with a service in scope, or null when there is none. */
  readonly year: number | null;
  /** The date of that latest service (ISO). */
  readonly lastDate: string | null;
  /** The quarter holding it, as the API reads periods ('2020Q2'). */
  readonly period: string | null;
}

/**
 * The quarter (API text) holding an ISO date.
 *
 * @example quarterOfDate('2020-06-30') // '2020Q2'
 */
export function quarterOfDate(date: string): string {
  const month = Number(date.slice(5, 7));
  return `${date.slice(0, 4)}Q${Math.ceil(month / 3)}`;
}

/**
 * The latest period with data of `orgCode` within `callerScope` (an org beside the scope is a
 * 403, an unknown one a 404 naming `org`).
 *
 * @example
 * await latestPeriod(db, callerScope(request), '620800') // { year: 2020, lastDate: '2020-06-30', period: '2020Q2' }
 */
export async function latestPeriod(
  db: Db,
  callerScope: OrgScope,
  orgCode: string,
  today: string = new Date().toISOString().slice(0, 10),
): Promise<LatestPeriod> {
  const { scope } = await scopeOfOrg(db.kysely, callerScope, orgCode, { field: 'org' });
  const years = (await loadFactYears(db.kysely)).filter((y) => `${y}-01-01` <= today).reverse();
  for (const year of years) {
    const end = `${year}-12-31` < today ? `${year}-12-31` : today;
    const lastDate = await latestServiceDateInScope(db.kysely, scope, `${year}-01-01`, end);
    if (lastDate !== null) return { year, lastDate, period: quarterOfDate(lastDate) };
  }
  return { year: null, lastDate: null, period: null };
}
