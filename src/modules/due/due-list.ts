/**
 * The due list (随访提醒) of an org on a date: loads the candidates of the scope and applies
 * the specification's rules (src/domain/due), most overdue first.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { addDays, addMonths } from '../../domain/due/calendar.js';
import { byUrgency, dueItemsOf, type DueItem, type DueQuery } from '../../domain/due/due-list.js';
import { DEFAULT_DUE_PARAMETERS } from '../../domain/due/parameters.js';
import type { OrgScope } from '../orgs/org-scope.js';
import { dueCandidates, type DueCandidate } from './due-repository.js';

/** A row of the due list: the resident as stored (the shell masks it) and the work due. */
export interface DueRow extends DueItem {
  readonly resident: Omit<DueCandidate, 'enrollments' | 'services'>;
  /** The doctor of the resident's latest service of the list, if recorded. */
  readonly doctor: string | null;
}

/** What to list, beyond the rules' query. */
export interface DueListQuery extends DueQuery {
  /** Only residents whose latest service was given by this doctor. */
  readonly doctor?: string | undefined;
  /** Only residents of these villages (a family-doctor team's, ./team-villages.ts). */
  readonly villages?: ReadonlySet<string> | undefined;
}

/**
 * Every due row of `scope` on `query.asOf`, most overdue first.
 *
 * @example await dueList(db.kysely, scope, { asOf: '2020-06-30', services: [], windowDays: 14 })
 */
export async function dueList(h: Kysely<Database>, scope: OrgScope, query: DueListQuery): Promise<DueRow[]> {
  const p = query.parameters ?? DEFAULT_DUE_PARAMETERS;
  const asOf = query.asOf;
  const childBornAfter = addMonths(asOf, -84);
  const candidates = await dueCandidates(h, scope, {
    asOf,
    elderlyBornBy: addMonths(asOf, -12 * p.elderlyAge),
    childBornAfter,
    // Vaccinations of a child go back to birth; other schedules look back at most a few years.
    servicesFrom: addDays(childBornAfter, -1),
  });
  const rows: (DueRow & { tie: string })[] = [];
  for (const c of candidates) {
    if (query.villages !== undefined && !query.villages.has(c.orgCode)) continue;
    const latest = [...c.services].sort((a, b) => (a.date < b.date ? 1 : -1))[0];
    const doctor = latest?.doctor ?? null;
    if (query.doctor !== undefined && doctor !== query.doctor) continue;
    const { enrollments, services, ...resident } = c;
    for (const item of dueItemsOf({ birthDate: c.birthDate, enrollments, services }, query))
      rows.push({ ...item, resident, doctor, tie: c.recordNo });
  }
  return rows.sort(byUrgency).map(({ tie: _tie, ...row }) => row);
}
