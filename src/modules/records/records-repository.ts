import type { Insertable, Kysely } from 'kysely';
import { sql } from 'kysely';
import { postgresDialect } from '../../db/dialects/postgres.js';
import { sqliteDialect } from '../../db/dialects/sqlite.js';
import type { Database, EnrollmentTable, ResidentTable, ServiceTable } from '../../db/schema.js';
import type { EnrollmentInput, ResidentInput, ServiceInput } from '../../domain/records/inputs.js';
import { isIsoDate } from '../../domain/records/iso-date.js';
import { serviceColumns } from '../../domain/records/service-columns.js';
import { serviceKey } from '../../domain/records/service-key.js';
import type { Validated } from '../../domain/records/validation.js';
import {
  REASONS,
  validateEnrollment,
  validateResident,
  validateService,
} from '../../domain/records/validation.js';
import { runAfterRecordsWrite, type ChangedRecords } from './after-write.js';
import { executeBatch } from './compiled-batches.js';
import type { ItemProblem } from './records-errors.js';
import { RecordNotFoundError, RecordsWriteError } from './records-errors.js';

/** How many rows of a batch write were new and how many replaced an existing row. */
export interface WriteCounts {
  inserted: number;
  updated: number;
}

/** A resident as stored, with its surrogate id and bookkeeping timestamps. */
export interface StoredResident extends ResidentInput {
  id: number;
  countyCode: string;
  createdAt: string;
  updatedAt: string;
}

/** What writes need to know about a resident found by record number. */
export interface ResidentRef {
  id: number;
  orgCode: string;
}

// The repository receives a transaction, not the Db, so it cannot ask which dialect it
// runs on; the smaller parameter limit of the two is safe on both.
const MAX_PARAMETERS = Math.min(sqliteDialect.maxParameters, postgresDialect.maxParameters);
// Lookups by key bind one parameter per key.
const LOOKUP_CHUNK = 5000;

function rowsPerStatement(columns: number): number {
  return Math.max(1, Math.floor(MAX_PARAMETERS / columns));
}

function* chunks<T>(items: readonly T[], size: number): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

function countyOf(orgCode: string): string {
  return orgCode.slice(0, 6);
}

function validateAll<T>(rows: readonly T[], validate: (row: T) => Validated<T>): T[] {
  const problems: ItemProblem[] = [];
  const values: T[] = [];
  rows.forEach((row, index) => {
    const result = validate(row);
    if (result.ok) values.push(result.value);
    else for (const issue of result.issues) problems.push({ index, ...issue });
  });
  if (problems.length > 0) throw new RecordsWriteError(problems);
  return values;
}

/** Keeps the last row of each key, in first-seen order: within one batch the later row wins. */
function lastPerKey<T>(rows: readonly T[], key: (row: T) => string): Map<string, T> {
  const byKey = new Map<string, T>();
  for (const row of rows) byKey.set(key(row), row);
  return byKey;
}

/**
 * Finds residents by record number (any number of them, looked up in chunks).
 *
 * @example const refs = await findResidentsByRecordNo(trx, ['62088110020100001']);
 */
export async function findResidentsByRecordNo(
  trx: Kysely<Database>,
  recordNos: Iterable<string>,
): Promise<Map<string, ResidentRef>> {
  const found = new Map<string, ResidentRef>();
  for (const part of chunks([...new Set(recordNos)], LOOKUP_CHUNK)) {
    const rows = await executeBatch(trx, 'residents.by_record_no', 1, part, (positions) =>
      trx
        .selectFrom('residents')
        .select(['id', 'record_no', 'org_code'])
        .where('record_no', 'in', positions.map((p) => p[0]) as never[]),
    );
    for (const row of rows) found.set(row.record_no, { id: Number(row.id), orgCode: row.org_code });
  }
  return found;
}

/**
 * The subset of `codes` that are orgs of the division tree.
 *
 * @example const known = await findOrgCodes(trx, ['620881100201']);
 */
export async function findOrgCodes(trx: Kysely<Database>, codes: Iterable<string>): Promise<Set<string>> {
  const found = new Set<string>();
  for (const part of chunks([...new Set(codes)], LOOKUP_CHUNK)) {
    const rows = await trx.selectFrom('orgs').select('code').where('code', 'in', part).execute();
    for (const row of rows) found.add(row.code);
  }
  return found;
}

async function requireOrgs(
  trx: Kysely<Database>,
  items: readonly { index: number; field: string; orgCode: string }[],
): Promise<void> {
  const known = await findOrgCodes(
    trx,
    items.map((i) => i.orgCode),
  );
  const problems = items
    .filter((i) => !known.has(i.orgCode))
    .map((i) => ({ index: i.index, field: i.field, reason: REASONS.unknownOrg }));
  if (problems.length > 0) throw new RecordsWriteError(problems);
}

async function requireResidents(
  trx: Kysely<Database>,
  recordNos: readonly (string | null)[],
): Promise<Map<string, ResidentRef>> {
  const refs = await findResidentsByRecordNo(
    trx,
    recordNos.filter((r): r is string => r !== null),
  );
  const problems: ItemProblem[] = [];
  recordNos.forEach((recordNo, index) => {
    if (recordNo !== null && !refs.has(recordNo))
      problems.push({ index, field: 'recordNo', reason: REASONS.unknownRecord });
  });
  if (problems.length > 0) throw new RecordsWriteError(problems);
  return refs;
}

const RESIDENT_COLUMNS = [
  'county_code',
  'record_no',
  'id_number',
  'name',
  'sex',
  'birth_date',
  'ethnicity',
  'org_code',
  'phone',
  'contact_name',
  'contact_phone',
  'electronic',
  'record_created',
  'record_updated',
  'death_date',
  'moved_out_date',
  'created_at',
  'updated_at',
] as const satisfies readonly (keyof ResidentTable)[];

function pushResident(values: unknown[], row: ResidentInput, now: string): void {
  values.push(
    countyOf(row.orgCode),
    row.recordNo,
    row.idNumber,
    row.name,
    row.sex,
    row.birthDate,
    row.ethnicity,
    row.orgCode,
    row.phone,
    row.contactName,
    row.contactPhone,
    row.electronic ? 1 : 0,
    row.recordCreated,
    row.recordUpdated,
    row.deathDate,
    row.movedOutDate,
    now,
    now,
  );
}

/** The row object of a statement template: each column gets the position of its value. */
function positionsOf<C extends string>(
  columns: readonly C[],
  positions: readonly number[],
): Record<C, number> {
  const row = {} as Record<C, number>;
  columns.forEach((column, i) => (row[column] = positions[i]!));
  return row;
}

/** Which of `keys` are already stored in `column` of `table` (one statement per batch). */
async function storedKeys(
  trx: Kysely<Database>,
  table: 'residents' | 'services',
  column: 'record_no' | 'service_key',
  keys: readonly string[],
): Promise<Set<string>> {
  const rows = await executeBatch(trx, `${table}.${column}.stored`, 1, keys, (positions) =>
    trx
      .selectFrom(table)
      .select(sql<string>`${sql.ref(column)}`.as('key'))
      .where(column, 'in', positions.map((p) => p[0]) as never[]),
  );
  return new Set(rows.map((r) => r.key));
}

/**
 * Inserts new residents and updates existing ones (matched on record number), validating
 * every row first; the whole batch is refused (RecordsWriteError naming item and field)
 * if any row is invalid or lives in an unknown village. A death or move-out date already
 * stored is kept when the incoming row leaves it empty: a later export that predates the
 * event must not bring the person back. Within one batch the later row of a record number
 * wins and counts as an update.
 *
 * @example await db.kysely.transaction().execute((trx) => upsertResidents(trx, rows));
 */
export async function upsertResidents(
  trx: Kysely<Database>,
  rows: readonly ResidentInput[],
): Promise<WriteCounts> {
  const valid = validateAll(rows, validateResident);
  await requireOrgs(
    trx,
    valid.map((r, index) => ({ index, field: 'orgCode', orgCode: r.orgCode })),
  );
  return writeValidatedResidents(trx, valid);
}

/**
 * The write half of `upsertResidents`, for a write path that has already normalised every
 * row with `validateResident` and checked its village exists (the file import does both
 * per row, to report each refused row). Other callers use `upsertResidents`.
 *
 * @example await writeValidatedResidents(trx, rows.map((r) => validated(r)));
 */
export async function writeValidatedResidents(
  trx: Kysely<Database>,
  valid: readonly ResidentInput[],
): Promise<WriteCounts> {
  const unique = [...lastPerKey(valid, (r) => r.recordNo).values()];
  const counts: WriteCounts = { inserted: 0, updated: valid.length - unique.length };
  const now = new Date().toISOString();
  const changed: number[] = [];
  for (const part of chunks(unique, rowsPerStatement(RESIDENT_COLUMNS.length))) {
    const existing = await storedKeys(
      trx,
      'residents',
      'record_no',
      part.map((r) => r.recordNo),
    );
    const values: unknown[] = [];
    for (const row of part) pushResident(values, row, now);
    const written = await executeBatch(
      trx,
      'residents.upsert',
      RESIDENT_COLUMNS.length,
      values,
      (positions) =>
        trx
          .insertInto('residents')
          .values(positions.map((p) => positionsOf(RESIDENT_COLUMNS, p)) as never[])
          .onConflict((oc) =>
            oc.column('record_no').doUpdateSet((eb) => ({
              county_code: eb.ref('excluded.county_code'),
              id_number: eb.ref('excluded.id_number'),
              name: eb.ref('excluded.name'),
              sex: eb.ref('excluded.sex'),
              birth_date: eb.ref('excluded.birth_date'),
              ethnicity: eb.ref('excluded.ethnicity'),
              org_code: eb.ref('excluded.org_code'),
              phone: eb.ref('excluded.phone'),
              contact_name: eb.ref('excluded.contact_name'),
              contact_phone: eb.ref('excluded.contact_phone'),
              electronic: eb.ref('excluded.electronic'),
              record_created: eb.ref('excluded.record_created'),
              record_updated: eb.ref('excluded.record_updated'),
              death_date: eb.fn.coalesce('excluded.death_date', 'residents.death_date'),
              moved_out_date: eb.fn.coalesce('excluded.moved_out_date', 'residents.moved_out_date'),
              updated_at: eb.ref('excluded.updated_at'),
            })),
          )
          .returning('id'),
    );
    counts.updated += existing.size;
    counts.inserted += part.length - existing.size;
    for (const w of written) changed.push(Number(w.id));
  }
  // Once per batch, not per statement: the maintainers then see each resident once.
  await runAfterRecordsWrite(trx, { residentIds: changed, activityOrgCodes: [] });
  return counts;
}

const ENROLLMENT_COLUMNS = 7;

/**
 * Inserts or updates enrolments, matched on (resident, programme, start date). Every row
 * is validated and its record number resolved first; the batch is refused as a whole
 * (RecordsWriteError) when any row is invalid or names an unknown record number.
 *
 * @example await db.kysely.transaction().execute((trx) => upsertEnrollments(trx, rows));
 */
export async function upsertEnrollments(
  trx: Kysely<Database>,
  rows: readonly EnrollmentInput[],
): Promise<WriteCounts> {
  const valid = validateAll(rows, validateEnrollment);
  const refs = await requireResidents(
    trx,
    valid.map((r) => r.recordNo),
  );
  return writeValidatedEnrollments(trx, valid, refs);
}

/**
 * The write half of `upsertEnrollments`, for a write path that has already normalised every
 * row with `validateEnrollment` and resolved every record number (`findResidentsByRecordNo`).
 *
 * @example await writeValidatedEnrollments(trx, rows, await findResidentsByRecordNo(trx, numbers));
 */
export async function writeValidatedEnrollments(
  trx: Kysely<Database>,
  valid: readonly EnrollmentInput[],
  refs: ReadonlyMap<string, ResidentRef>,
): Promise<WriteCounts> {
  const unique = [...lastPerKey(valid, (r) => `${r.recordNo}|${r.program}|${r.startDate}`).values()];
  const counts: WriteCounts = { inserted: 0, updated: valid.length - unique.length };
  const changed = new Set<number>();
  for (const part of chunks(unique, rowsPerStatement(ENROLLMENT_COLUMNS))) {
    const values: Insertable<EnrollmentTable>[] = part.map((r) => {
      const ref = refs.get(r.recordNo)!;
      return {
        county_code: countyOf(ref.orgCode),
        resident_id: ref.id,
        program: r.program,
        start_date: r.startDate,
        end_date: r.endDate,
        end_reason: r.endReason,
        detail: r.detail === null ? null : JSON.stringify(r.detail),
      };
    });
    const residentIds = [...new Set(values.map((v) => v.resident_id))];
    const existing = await trx
      .selectFrom('enrollments')
      .select(['resident_id', 'program', 'start_date'])
      .where('resident_id', 'in', residentIds)
      .execute();
    const existingKeys = new Set(
      existing.map((e) => `${Number(e.resident_id)}|${e.program}|${e.start_date}`),
    );
    const updated = values.filter((v) =>
      existingKeys.has(`${v.resident_id}|${v.program}|${v.start_date}`),
    ).length;
    await trx
      .insertInto('enrollments')
      .values(values)
      .onConflict((oc) =>
        oc.columns(['resident_id', 'program', 'start_date']).doUpdateSet((eb) => ({
          county_code: eb.ref('excluded.county_code'),
          end_date: eb.ref('excluded.end_date'),
          end_reason: eb.ref('excluded.end_reason'),
          detail: eb.ref('excluded.detail'),
        })),
      )
      .execute();
    counts.updated += updated;
    counts.inserted += part.length - updated;
    for (const id of residentIds) changed.add(id);
  }
  await runAfterRecordsWrite(trx, { residentIds: [...changed], activityOrgCodes: [] });
  return counts;
}

const SERVICE_COLUMNS = [
  'county_code',
  'resident_id',
  'service_key',
  'type',
  'service_date',
  'org_code',
  'institution',
  'doctor',
  'sbp',
  'dbp',
  'sbp_right',
  'dbp_right',
  'heart_rate',
  'fasting_glucose',
  'weight',
  'waist',
  'controlled',
  'guidance',
  'payload',
  'created_at',
] as const satisfies readonly (keyof ServiceTable)[];

/**
 * Inserts or updates service events, matched on `serviceKey`. Payloads are validated
 * against their type's schema, hot values go to their columns and the rest to JSON. The
 * org of a personal service defaults to the resident's village; the county is the first 6
 * digits of the org. Refused as a whole (RecordsWriteError) when any row is invalid, names
 * an unknown record number, or (for activities and explicit orgs) an unknown org.
 *
 * @example await db.kysely.transaction().execute((trx) => upsertServices(trx, rows));
 */
export async function upsertServices(
  trx: Kysely<Database>,
  rows: readonly ServiceInput[],
): Promise<WriteCounts> {
  const valid = validateAll(rows, validateService as (row: ServiceInput) => Validated<ServiceInput>);
  const refs = await requireResidents(
    trx,
    valid.map((r) => r.recordNo),
  );
  const explicitOrgs = valid.flatMap((r, index) =>
    r.orgCode === null ? [] : [{ index, field: 'orgCode', orgCode: r.orgCode }],
  );
  await requireOrgs(trx, explicitOrgs);
  return writeValidatedServices(trx, valid, refs);
}

/**
 * The write half of `upsertServices`, for a write path that has already normalised every
 * row with `validateService`, resolved every record number and checked every explicit org.
 *
 * @example await writeValidatedServices(trx, rows, await findResidentsByRecordNo(trx, numbers));
 */
export async function writeValidatedServices(
  trx: Kysely<Database>,
  valid: readonly ServiceInput[],
  refs: ReadonlyMap<string, ResidentRef>,
): Promise<WriteCounts> {
  const keyed = lastPerKey(valid, serviceKey);
  const counts: WriteCounts = { inserted: 0, updated: valid.length - keyed.size };
  const now = new Date().toISOString();
  const touched: { resident_id: number | null; org_code: string; service_date: string }[] = [];
  for (const part of chunks([...keyed], rowsPerStatement(SERVICE_COLUMNS.length))) {
    const values: unknown[] = [];
    for (const [key, r] of part) {
      const resident = r.recordNo === null ? undefined : refs.get(r.recordNo);
      const orgCode = r.orgCode ?? resident!.orgCode;
      const c = serviceColumns(r);
      const residentId = resident?.id ?? null;
      touched.push({ resident_id: residentId, org_code: orgCode, service_date: r.serviceDate });
      values.push(
        countyOf(orgCode),
        residentId,
        key,
        r.type,
        r.serviceDate,
        orgCode,
        r.institution,
        r.doctor,
        c.sbp,
        c.dbp,
        c.sbpRight,
        c.dbpRight,
        c.heartRate,
        c.fastingGlucose,
        c.weight,
        c.waist,
        c.controlled,
        c.guidance,
        c.rest === null ? null : JSON.stringify(c.rest),
        now,
      );
    }
    const existing = await executeBatch(
      trx,
      'services.stored',
      1,
      part.map(([key]) => key),
      (positions) =>
        trx
          .selectFrom('services')
          .select(['resident_id', 'org_code', 'service_date'])
          .where('service_key', 'in', positions.map((p) => p[0]) as never[]),
    );
    await executeBatch(trx, 'services.upsert', SERVICE_COLUMNS.length, values, (positions) =>
      trx
        .insertInto('services')
        .values(positions.map((p) => positionsOf(SERVICE_COLUMNS, p)) as never[])
        .onConflict((oc) =>
          oc.column('service_key').doUpdateSet((eb) => ({
            county_code: eb.ref('excluded.county_code'),
            resident_id: eb.ref('excluded.resident_id'),
            type: eb.ref('excluded.type'),
            service_date: eb.ref('excluded.service_date'),
            org_code: eb.ref('excluded.org_code'),
            institution: eb.ref('excluded.institution'),
            doctor: eb.ref('excluded.doctor'),
            sbp: eb.ref('excluded.sbp'),
            dbp: eb.ref('excluded.dbp'),
            sbp_right: eb.ref('excluded.sbp_right'),
            dbp_right: eb.ref('excluded.dbp_right'),
            heart_rate: eb.ref('excluded.heart_rate'),
            fasting_glucose: eb.ref('excluded.fasting_glucose'),
            weight: eb.ref('excluded.weight'),
            waist: eb.ref('excluded.waist'),
            controlled: eb.ref('excluded.controlled'),
            guidance: eb.ref('excluded.guidance'),
            payload: eb.ref('excluded.payload'),
          })),
        ),
    );
    counts.updated += existing.length;
    counts.inserted += part.length - existing.length;
    // A service that moved to another resident or org changes both the old and the new one.
    for (const e of existing) touched.push(e);
  }
  await runAfterRecordsWrite(trx, changedBy(touched));
  return counts;
}

/** What a write of services changed: its residents from the earliest date written (old or new), its activity orgs. */
function changedBy(
  rows: readonly { resident_id: number | null; org_code: string; service_date: string }[],
): ChangedRecords {
  const since = new Map<number, string>();
  const activityOrgCodes = new Set<string>();
  for (const row of rows) {
    if (row.resident_id === null) activityOrgCodes.add(row.org_code);
    else {
      const id = Number(row.resident_id);
      const earlier = since.get(id);
      if (earlier === undefined || row.service_date < earlier) since.set(id, row.service_date);
    }
  }
  return { residentIds: [...since.keys()], activityOrgCodes: [...activityOrgCodes], servicesSince: since };
}

/**
 * Deletes one service event by id. Returns false when there was none.
 *
 * @example await db.kysely.transaction().execute((trx) => deleteService(trx, 42));
 */
export async function deleteService(trx: Kysely<Database>, id: number): Promise<boolean> {
  const deleted = await trx
    .deleteFrom('services')
    .where('id', '=', id)
    .returning(['resident_id', 'org_code', 'service_date'])
    .executeTakeFirst();
  if (deleted === undefined) return false;
  await runAfterRecordsWrite(trx, changedBy([deleted]));
  return true;
}

const NO_RESIDENT = { zh: '档案编号不存在', en: 'no resident with this record number' } as const;

function requireDate(date: string, field: string): void {
  if (!isIsoDate(date)) throw new RecordsWriteError([{ index: 0, field, reason: REASONS.date }]);
}

async function updateResident(
  trx: Kysely<Database>,
  recordNo: string,
  set: Partial<Pick<ResidentTable, 'death_date' | 'moved_out_date' | 'org_code' | 'county_code'>>,
): Promise<number> {
  const row = await trx
    .updateTable('residents')
    .set({ ...set, updated_at: new Date().toISOString() })
    .where('record_no', '=', recordNo)
    .returning('id')
    .executeTakeFirst();
  if (row === undefined) throw new RecordNotFoundError(NO_RESIDENT);
  const id = Number(row.id);
  await runAfterRecordsWrite(trx, { residentIds: [id], activityOrgCodes: [] });
  return id;
}

/**
 * Records a death (死亡). The record is kept; indicators stop counting the person from that date.
 *
 * @example await recordDeath(trx, '62088110020100001', '2020-05-03');
 */
export async function recordDeath(trx: Kysely<Database>, recordNo: string, date: string): Promise<void> {
  requireDate(date, 'date');
  await updateResident(trx, recordNo, { death_date: date });
}

/**
 * Records a move out of the area (迁出). The record is kept; indicators stop counting the person.
 *
 * @example await recordMoveOut(trx, '62088110020100001', '2020-05-03');
 */
export async function recordMoveOut(trx: Kysely<Database>, recordNo: string, date: string): Promise<void> {
  requireDate(date, 'date');
  await updateResident(trx, recordNo, { moved_out_date: date });
}

/**
 * Moves a resident to another village (12-digit code that must exist). The record number
 * stays the person's identifier. Enrolments follow the resident's county so that a
 * person's registry rows stay on one shard; services keep the org where they happened.
 *
 * @example await moveResident(trx, '62088110020100001', '620881100202');
 */
export async function moveResident(
  trx: Kysely<Database>,
  recordNo: string,
  newOrgCode: string,
): Promise<void> {
  if (!/^\d{12}$/.test(newOrgCode))
    throw new RecordsWriteError([{ index: 0, field: 'orgCode', reason: REASONS.villageCode }]);
  await requireOrgs(trx, [{ index: 0, field: 'orgCode', orgCode: newOrgCode }]);
  const id = await updateResident(trx, recordNo, { org_code: newOrgCode, county_code: countyOf(newOrgCode) });
  await trx
    .updateTable('enrollments')
    .set({ county_code: countyOf(newOrgCode) })
    .where('resident_id', '=', id)
    .execute();
}

/**
 * Ends a resident's active enrolment in a programme (结案). Throws RecordNotFoundError when
 * the resident has no active enrolment in it.
 *
 * @example await endEnrollment(trx, '62088110020100001', 'maternal', '2020-06-01', '产后42天结案');
 */
export async function endEnrollment(
  trx: Kysely<Database>,
  recordNo: string,
  program: string,
  endDate: string,
  endReason: string | null,
): Promise<void> {
  requireDate(endDate, 'endDate');
  const refs = await findResidentsByRecordNo(trx, [recordNo]);
  const ref = refs.get(recordNo);
  if (ref === undefined) throw new RecordNotFoundError(NO_RESIDENT);
  const ended = await trx
    .updateTable('enrollments')
    .set({ end_date: endDate, end_reason: endReason })
    .where('resident_id', '=', ref.id)
    .where('program', '=', program)
    .where('end_date', 'is', null)
    .where('start_date', '<=', endDate)
    .returning('id')
    .execute();
  if (ended.length === 0)
    throw new RecordNotFoundError({
      zh: '该项目没有进行中的管理',
      en: 'no active enrolment in this programme',
    });
  await runAfterRecordsWrite(trx, { residentIds: [ref.id], activityOrgCodes: [] });
}

/**
 * A resident by record number, or null.
 *
 * @example const resident = await getResidentByRecordNo(db.kysely, '62088110020100001');
 */
export async function getResidentByRecordNo(
  db: Kysely<Database>,
  recordNo: string,
): Promise<StoredResident | null> {
  const row = await db
    .selectFrom('residents')
    .selectAll()
    .where('record_no', '=', recordNo)
    .executeTakeFirst();
  if (row === undefined) return null;
  return {
    id: Number(row.id),
    countyCode: row.county_code,
    recordNo: row.record_no,
    idNumber: row.id_number,
    name: row.name,
    sex: row.sex === 'M' || row.sex === 'F' ? row.sex : null,
    birthDate: row.birth_date,
    ethnicity: row.ethnicity,
    orgCode: row.org_code,
    phone: row.phone,
    contactName: row.contact_name,
    contactPhone: row.contact_phone,
    electronic: row.electronic === 1,
    recordCreated: row.record_created,
    recordUpdated: row.record_updated,
    deathDate: row.death_date,
    movedOutDate: row.moved_out_date,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
