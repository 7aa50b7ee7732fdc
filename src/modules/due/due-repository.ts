/**
 * What the due list reads: the residents of a scope who may be due for something on a date
 * (enrolled in a programme then, aged 65 and over, or under 7), their enrolments and the
 * services of the due list given before the date. Date limits are computed by the caller
 * (src/domain/due/calendar.ts) and passed as text, so both dialects run the same SQL.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { isProgram } from '../../domain/programs.js';
import type { DueEnrollment, DueServiceFact } from '../../domain/due/due-facts.js';
import { DUE_SERVICES } from '../../domain/due/due-list.js';
import { rowsInScope, type OrgScope } from '../orgs/org-scope.js';

const R = { county: 'r.county_code', org: 'r.org_code' } as const;

/** A resident who may be due, with what the rules read, as stored (not masked). */
export interface DueCandidate {
  readonly recordNo: string;
  readonly name: string;
  readonly phone: string | null;
  readonly sex: string | null;
  readonly birthDate: string | null;
  readonly orgCode: string;
  readonly orgName: string | null;
  readonly enrollments: DueEnrollment[];
  readonly services: DueServiceFact[];
}

/** Date limits of a due query. */
export interface DueWindow {
  readonly asOf: string;
  /** Residents born on or before this date are 65 and over on `asOf`. */
  readonly elderlyBornBy: string;
  /** Residents born after this date are under 7 on `asOf`. */
  readonly childBornAfter: string;
  /** Services before this date are not read (older than any schedule looks back). */
  readonly servicesFrom: string;
}

function parsed(json: string | null): Record<string, unknown> {
  if (json === null) return {};
  try {
    const value: unknown = JSON.parse(json);
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/**
 * The residents of `scope` living there on `window.asOf` (not dead, not moved out) who are
 * enrolled in a programme on that day, 65 and over, or under 7, with their enrolments active
 * that day and their services of the due list from `servicesFrom` to `asOf`.
 *
 * @example
 * await dueCandidates(db.kysely, scope, { asOf: '2020-06-30', elderlyBornBy: '1955-06-30', childBornAfter: '2013-06-30', servicesFrom: '2013-06-30' })
 */
export async function dueCandidates(
  h: Kysely<Database>,
  scope: OrgScope,
  window: DueWindow,
): Promise<DueCandidate[]> {
  const { asOf } = window;
  const living = h
    .selectFrom('residents as r')
    .where(rowsInScope(scope, R))
    .where((eb) => eb.or([eb('r.death_date', 'is', null), eb('r.death_date', '>', asOf)]))
    .where((eb) => eb.or([eb('r.moved_out_date', 'is', null), eb('r.moved_out_date', '>', asOf)]));
  const activeEnrollments = h
    .selectFrom('enrollments as e')
    .innerJoin('residents as r', 'r.id', 'e.resident_id')
    .where(rowsInScope(scope, R))
    .where('e.start_date', '<=', asOf)
    .where((eb) => eb.or([eb('e.end_date', 'is', null), eb('e.end_date', '>', asOf)]));
  const residents = await living
    .leftJoin('orgs as o', 'o.code', 'r.org_code')
    .where((eb) =>
      eb.or([
        eb('r.birth_date', '<=', window.elderlyBornBy),
        eb.and([eb('r.birth_date', '>', window.childBornAfter), eb('r.birth_date', '<=', asOf)]),
        eb('r.id', 'in', activeEnrollments.select('e.resident_id')),
      ]),
    )
    .select([
      'r.id',
      'r.record_no',
      'r.name',
      'r.phone',
      'r.sex',
      'r.birth_date',
      'r.org_code',
      'o.name as org_name',
    ])
    .orderBy('r.record_no')
    .execute();
  const enrollments = await activeEnrollments
    .select(['e.resident_id', 'e.program', 'e.start_date', 'e.end_date', 'e.detail'])
    .execute();
  const services = await h
    .selectFrom('services as s')
    .innerJoin('residents as r', 'r.id', 's.resident_id')
    .where(rowsInScope(scope, R))
    .where('s.type', 'in', [...DUE_SERVICES])
    .where('s.service_date', '>=', window.servicesFrom)
    .where('s.service_date', '<=', asOf)
    .select(['s.resident_id', 's.type', 's.service_date', 's.controlled', 's.doctor', 's.payload'])
    .execute();
  const byId = new Map<number, DueCandidate>();
  for (const r of residents)
    byId.set(r.id, {
      recordNo: r.record_no,
      name: r.name,
      phone: r.phone,
      sex: r.sex,
      birthDate: r.birth_date,
      orgCode: r.org_code,
      orgName: r.org_name,
      enrollments: [],
      services: [],
    });
  for (const e of enrollments) {
    const c = byId.get(e.resident_id);
    if (c === undefined || !isProgram(e.program)) continue;
    c.enrollments.push({
      program: e.program,
      startDate: e.start_date,
      endDate: e.end_date,
      detail: parsed(e.detail),
    });
  }
  for (const s of services) {
    const c = s.resident_id === null ? undefined : byId.get(s.resident_id);
    if (c === undefined) continue;
    c.services.push({
      type: s.type,
      date: s.service_date,
      controlled: s.controlled === null ? null : Number(s.controlled),
      doctor: s.doctor,
      payload: parsed(s.payload),
    });
  }
  return [...byId.values()];
}

/** The name of an org, for the title of a list; null when unknown. */
export async function orgNameOf(h: Kysely<Database>, code: string): Promise<string | null> {
  const row = await h.selectFrom('orgs').select('name').where('code', '=', code).executeTakeFirst();
  return row?.name ?? null;
}
