/**
 * Finding residents for the records page (档案): by record number, ID number or name, within
 * an org scope, and the enrolments and services of one resident. Callers mask what they
 * answer (src/domain/privacy/masking.ts); these return what is stored.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { rowsInScope, type OrgScope } from '../orgs/org-scope.js';
import { RESIDENT_SCOPE_COLUMNS, servicesInScope } from './record-lookups-repository.js';

/** A resident found by a search, as stored. */
export interface FoundResident {
  readonly recordNo: string;
  readonly idNumber: string | null;
  readonly name: string;
  readonly sex: 'M' | 'F' | null;
  readonly birthDate: string | null;
  readonly orgCode: string;
  readonly orgName: string | null;
  readonly deathDate: string | null;
  readonly movedOutDate: string | null;
}

/** A page of residents found, and how many were found in all. */
export interface FoundResidents {
  readonly total: number;
  readonly residents: readonly FoundResident[];
}

/**
 * The residents of `scope` whose record number, ID number or name is exactly `text` (an ID
 * number's x in either case), ordered by record number, `limit` from `offset`. Exact
 * matches only: the record number and ID number are indexed, and a name is searched within
 * the county indexes of the scope.
 *
 * @example const { total, residents } = await searchResidents(db.kysely, scope, '张三', { limit: 20, offset: 0 });
 */
export async function searchResidents(
  db: Kysely<Database>,
  scope: OrgScope,
  text: string,
  page: { readonly limit: number; readonly offset: number },
): Promise<FoundResidents> {
  const upper = text.toUpperCase();
  const matching = db
    .selectFrom('residents')
    .where((eb) =>
      eb.or([
        eb('residents.record_no', '=', text),
        eb('residents.id_number', 'in', [...new Set([text, upper, text.toLowerCase()])]),
        eb('residents.name', '=', text),
      ]),
    )
    .where(rowsInScope(scope, RESIDENT_SCOPE_COLUMNS));
  const counted = await matching.select(sql<number>`count(*)`.as('n')).executeTakeFirst();
  const rows = await matching
    .leftJoin('orgs', 'orgs.code', 'residents.org_code')
    .select([
      'residents.record_no',
      'residents.id_number',
      'residents.name',
      'residents.sex',
      'residents.birth_date',
      'residents.org_code',
      'orgs.name as org_name',
      'residents.death_date',
      'residents.moved_out_date',
    ])
    .orderBy('residents.record_no')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  return {
    total: Number(counted?.n ?? 0),
    residents: rows.map((r) => ({
      recordNo: r.record_no,
      idNumber: r.id_number,
      name: r.name,
      sex: r.sex === 'M' || r.sex === 'F' ? r.sex : null,
      birthDate: r.birth_date,
      orgCode: r.org_code,
      orgName: r.org_name,
      deathDate: r.death_date,
      movedOutDate: r.moved_out_date,
    })),
  };
}

/** An enrolment of a resident in a programme. */
export interface ResidentEnrollment {
  readonly program: string;
  readonly startDate: string;
  readonly endDate: string | null;
  readonly endReason: string | null;
}

/**
 * The enrolments of a resident (by its id, found in scope before), oldest first.
 *
 * @example const enrolments = await enrollmentsOfResident(db.kysely, resident.id);
 */
export async function enrollmentsOfResident(
  db: Kysely<Database>,
  residentId: number,
): Promise<ResidentEnrollment[]> {
  const rows = await db
    .selectFrom('enrollments')
    .select(['program', 'start_date', 'end_date', 'end_reason'])
    .where('resident_id', '=', residentId)
    .orderBy('start_date')
    .orderBy('program')
    .execute();
  return rows.map((r) => ({
    program: r.program,
    startDate: r.start_date,
    endDate: r.end_date,
    endReason: r.end_reason,
  }));
}

/** A service event of a resident: where and by whom, its readings, the rest of its payload. */
export interface ResidentService {
  readonly id: number;
  readonly type: string;
  readonly serviceDate: string;
  readonly orgCode: string;
  readonly institution: string | null;
  readonly doctor: string | null;
  readonly sbp: number | null;
  readonly dbp: number | null;
  readonly heartRate: number | null;
  readonly fastingGlucose: number | null;
  readonly weight: number | null;
  readonly controlled: boolean | null;
  /** The payload values not kept in columns of their own. */
  readonly detail: Readonly<Record<string, unknown>> | null;
}

const nullableNumber = (value: number | string | null): number | null =>
  value === null ? null : Number(value);

/**
 * The services of a resident (by its id) recorded within `scope`, newest first: the
 * timeline of the record page.
 *
 * @example const services = await servicesOfResident(db.kysely, scope, resident.id);
 */
export async function servicesOfResident(
  db: Kysely<Database>,
  scope: OrgScope,
  residentId: number,
): Promise<ResidentService[]> {
  const rows = await db
    .selectFrom('services')
    .select([
      'id',
      'type',
      'service_date',
      'org_code',
      'institution',
      'doctor',
      'sbp',
      'dbp',
      'heart_rate',
      'fasting_glucose',
      'weight',
      'controlled',
      'payload',
    ])
    .where('resident_id', '=', residentId)
    .where(servicesInScope(scope))
    .orderBy('service_date', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map((r) => ({
    id: Number(r.id),
    type: r.type,
    serviceDate: r.service_date,
    orgCode: r.org_code,
    institution: r.institution,
    doctor: r.doctor,
    sbp: nullableNumber(r.sbp),
    dbp: nullableNumber(r.dbp),
    heartRate: nullableNumber(r.heart_rate),
    fastingGlucose: nullableNumber(r.fasting_glucose),
    weight: nullableNumber(r.weight),
    controlled: r.controlled === null ? null : Number(r.controlled) === 1,
    detail: r.payload === null ? null : (JSON.parse(r.payload) as Record<string, unknown>),
  }));
}
