/**
 * SQL of a merge of a duplicate set: reading the records, moving enrolments and services to
 * the survivor, deleting the absorbed records, keeping findings true to the merge, and the
 * merge log.
 */
import { sql, type Selectable } from 'kysely';
import { chunks, KEYS_PER_LOOKUP } from '../../db/statement-chunks.js';
import type { EnrollmentTable, ResidentTable } from '../../db/schema.js';
import { rowsInScope, type OrgScope } from '../orgs/org-scope.js';
import { withAuditTables, type AuditTables, type Handle } from './audit-tables.js';

/** A resident row, as the merge reads and logs it. */
export type ResidentRow = Omit<Selectable<ResidentTable>, 'id'> & { id: number };

/** An enrolment row, as the merge reads and logs it. */
export type EnrollmentRow = Omit<Selectable<EnrollmentTable>, 'id' | 'resident_id'> & {
  id: number;
  resident_id: number;
};

/** Full resident rows by id, of those in scope. */
export async function selectResidentsById(
  h: Handle,
  scope: OrgScope,
  ids: readonly number[],
): Promise<ResidentRow[]> {
  const rows = await h
    .selectFrom('residents as r')
    .selectAll()
    .where('r.id', 'in', [...ids])
    .where(rowsInScope(scope, { county: 'r.county_code', org: 'r.org_code' }))
    .orderBy('r.id')
    .execute();
  return rows.map((r) => ({ ...r, id: Number(r.id) }));
}

/** Counts of enrolments and services of the given residents (to prove a merge loses nothing). */
export async function countRecordsOf(
  h: Handle,
  ids: readonly number[],
): Promise<{ enrollments: number; services: number }> {
  const e = await h
    .selectFrom('enrollments')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('resident_id', 'in', [...ids])
    .executeTakeFirstOrThrow();
  const s = await h
    .selectFrom('services')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('resident_id', 'in', [...ids])
    .executeTakeFirstOrThrow();
  return { enrollments: Number(e.n), services: Number(s.n) };
}

/** Enrolments of the given residents. */
export async function selectEnrollmentsOf(h: Handle, ids: readonly number[]): Promise<EnrollmentRow[]> {
  const rows = await h
    .selectFrom('enrollments')
    .selectAll()
    .where('resident_id', 'in', [...ids])
    .execute();
  return rows.map((r) => ({ ...r, id: Number(r.id), resident_id: Number(r.resident_id) }));
}

/** Services (id and key) of the given residents. */
export async function selectServiceKeysOf(
  h: Handle,
  ids: readonly number[],
): Promise<{ id: number; serviceKey: string; residentId: number }[]> {
  const rows = await h
    .selectFrom('services')
    .select(['id', 'service_key', 'resident_id'])
    .where('resident_id', 'in', [...ids])
    .execute();
  return rows.map((r) => ({
    id: Number(r.id),
    serviceKey: r.service_key,
    residentId: Number(r.resident_id),
  }));
}

/** Which of the given service keys exist. */
export async function existingServiceKeys(h: Handle, keys: readonly string[]): Promise<Set<string>> {
  const out = new Set<string>();
  for (const part of chunks(keys, KEYS_PER_LOOKUP)) {
    const rows = await h
      .selectFrom('services')
      .select('service_key')
      .where('service_key', 'in', part)
      .execute();
    for (const r of rows) out.add(r.service_key);
  }
  return out;
}

/** Moves services to the survivor; optionally gives one a new key. */
export async function moveService(
  h: Handle,
  id: number,
  survivorId: number,
  newKey: string | null,
): Promise<void> {
  await h
    .updateTable('services')
    .set(newKey === null ? { resident_id: survivorId } : { resident_id: survivorId, service_key: newKey })
    .where('id', '=', id)
    .execute();
}

/** Moves an enrolment to the survivor (and the survivor's county). */
export async function moveEnrollment(
  h: Handle,
  id: number,
  survivorId: number,
  countyCode: string,
): Promise<void> {
  await h
    .updateTable('enrollments')
    .set({ resident_id: survivorId, county_code: countyCode })
    .where('id', '=', id)
    .execute();
}

/** Fills an enrolment's empty end from a duplicate of it. */
export async function completeEnrollment(
  h: Handle,
  id: number,
  fill: { end_date: string | null; end_reason: string | null; detail: string | null },
): Promise<void> {
  await h.updateTable('enrollments').set(fill).where('id', '=', id).execute();
}

/** Deletes enrolments by id. */
export async function deleteEnrollments(h: Handle, ids: readonly number[]): Promise<void> {
  if (ids.length)
    await h
      .deleteFrom('enrollments')
      .where('id', 'in', [...ids])
      .execute();
}

/** Writes the merged values onto the survivor. */
export async function updateSurvivor(
  h: Handle,
  id: number,
  values: Partial<Record<string, string | number | null>>,
): Promise<void> {
  await h
    .updateTable('residents')
    .set(values as never)
    .where('id', '=', id)
    .execute();
}

/** Deletes the absorbed residents (their enrolments and services were moved first). */
export async function deleteResidents(h: Handle, ids: readonly number[]): Promise<void> {
  await h
    .deleteFrom('residents')
    .where('id', 'in', [...ids])
    .execute();
}

/**
 * Keeps findings true to a merge: service findings follow their service to the survivor;
 * findings about the absorbed records themselves are closed.
 */
export async function retargetFindingsAfterMerge(
  h: Handle,
  survivorId: number,
  absorbedIds: readonly number[],
  now: string,
): Promise<void> {
  await withAuditTables(h)
    .updateTable('audit_findings')
    .set({ resident_id: survivorId })
    .where('resident_id', 'in', [...absorbedIds])
    .where('service_id', 'is not', null)
    .execute();
  await withAuditTables(h)
    .updateTable('audit_findings')
    .set({ status: 'closed', closed_at: now })
    .where('resident_id', 'in', [...absorbedIds])
    .where('service_id', 'is', null)
    .where('status', '<>', 'closed')
    .execute();
}

/** Inserts a merge log entry and returns its id. */
export async function insertMergeLog(
  h: Handle,
  entry: Omit<AuditTables['audit_merges'], 'id'>,
): Promise<number> {
  const row = await withAuditTables(h)
    .insertInto('audit_merges')
    .values(entry as never)
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

/** Merge log entries in scope, newest first, or the one with `id` (none when it lies outside the scope). */
export async function selectMergeLog(
  h: Handle,
  scope: OrgScope,
  limit: number,
  id?: number,
): Promise<AuditTables['audit_merges'][]> {
  const rows = await sql<AuditTables['audit_merges']>`
    select * from audit_merges m
    where ${rowsInScope(scope, { county: 'm.county_code', org: 'm.org_code' })} ${id === undefined ? sql`` : sql`and m.id = ${id}`}
    order by m.id desc limit ${limit}`.execute(h);
  return rows.rows.map((r) => ({ ...r, id: Number(r.id) }));
}
