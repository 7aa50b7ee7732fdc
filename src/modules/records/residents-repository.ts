/**
 * Writes of resident health records: batches matched on record number, and the changes of
 * one resident's life the programme records (death, move out, move to another village).
 */
import type { Kysely } from 'kysely';
import type { Database, ResidentTable } from '../../db/schema.js';
import { chunks, rowsPerStatement } from '../../db/statement-chunks.js';
import type { ResidentInput } from '../../domain/records/inputs.js';
import { isIsoDate } from '../../domain/records/iso-date.js';
import { futureDates } from '../../domain/records/record-dates.js';
import { REASONS, validateResident } from '../../domain/records/validation.js';
import { localIsoDate } from '../bulletins/local-date.js';
import { rowsInScope, type OrgScope } from '../orgs/org-scope.js';
import { runAfterRecordsWrite } from './after-write.js';
import {
  countyOf,
  lastPerKey,
  positionsOf,
  refuseStoredOutside,
  requireOrgs,
  validateAll,
  type WriteCounts,
} from './batch-write.js';
import { executeBatch } from './compiled-batches.js';
import { RESIDENT_SCOPE_COLUMNS, storedKeys } from './record-lookups-repository.js';
import { RecordNotFoundError, RecordsWriteError } from './records-errors.js';

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

/**
 * Inserts new residents and updates existing ones (matched on record number), validating
 * every row first; the whole batch is refused (naming item and field) if any row is invalid
 * (RecordsWriteError, 400) or lives in a village `scope` does not hold, or its record number
 * is stored outside `scope` (RecordsScopeError, 403). A death or move-out
 * date already stored is kept when the incoming row leaves it empty: a later export that
 * predates the event must not bring the person back. Within one batch the later row of a
 * record number wins and counts as an update. No date may lie after `today` (by default the
 * server's local date), nor the birth after the record's creation or a death before it.
 *
 * @example await db.kysely.transaction().execute((trx) => upsertResidents(trx, scope, rows));
 */
export async function upsertResidents(
  trx: Kysely<Database>,
  scope: OrgScope,
  rows: readonly ResidentInput[],
  today: string = localIsoDate(new Date()),
): Promise<WriteCounts> {
  const valid = validateAll(rows, (row) => validateResident(row, today));
  await requireOrgs(
    trx,
    scope,
    valid.map((r, index) => ({ index, field: 'orgCode', orgCode: r.orgCode })),
  );
  return writeValidatedResidents(trx, scope, valid);
}

/**
 * The write half of `upsertResidents`, for a write path that has already normalised every
 * row with `validateResident` and checked its village is in its scope (the file import
 * does both per row, to report each refused row). A record number already stored outside
 * `scope` refuses the batch (RecordsScopeError, 403): the upsert must not update a resident
 * the writer may not see, nor move one into its scope. Other callers use `upsertResidents`.
 *
 * @example await writeValidatedResidents(trx, scope, rows.map((r) => validated(r)));
 */
export async function writeValidatedResidents(
  trx: Kysely<Database>,
  scope: OrgScope,
  valid: readonly ResidentInput[],
): Promise<WriteCounts> {
  const unique = [...lastPerKey(valid, (r) => r.recordNo).values()];
  const counts: WriteCounts = { inserted: 0, updated: valid.length - unique.length };
  const now = new Date().toISOString();
  const changed: number[] = [];
  const parts = [...chunks(unique, rowsPerStatement(RESIDENT_COLUMNS.length))];
  // Every stored key is looked up before anything is written, so that a refusal names every
  // item outside the scope and the batch stays all or nothing.
  const existing: ReadonlySet<string>[] = [];
  const outside = new Set<string>();
  for (const part of parts) {
    const found = await storedKeys(
      trx,
      scope,
      'residents',
      'record_no',
      part.map((r) => r.recordNo),
    );
    existing.push(found.stored);
    for (const key of found.outside) outside.add(key);
  }
  refuseStoredOutside(
    valid,
    (r) => r.recordNo,
    () => 'recordNo',
    outside,
  );
  for (const [partIndex, part] of parts.entries()) {
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
    counts.updated += existing[partIndex]!.size;
    counts.inserted += part.length - existing[partIndex]!.size;
    for (const w of written) changed.push(Number(w.id));
  }
  // Once per batch, not per statement: the maintainers then see each resident once.
  await runAfterRecordsWrite(trx, { residentIds: changed, activityOrgCodes: [] });
  return counts;
}

const NO_RESIDENT = { zh: '档案编号不存在', en: 'no resident with this record number' } as const;

/** Refuses a change whose date is not an ISO date, or lies after `today` (default: the local date). */
export function requireDate(date: string, field: string, today: string = localIsoDate(new Date())): void {
  if (!isIsoDate(date))
    throw new RecordsWriteError([{ index: 0, field, reason: REASONS.date }], { single: true });
  const future = futureDates({ [field]: date }, today);
  if (future.length > 0) throw new RecordsWriteError([{ index: 0, ...future[0]! }], { single: true });
}

/**
 * Finds the resident of `scope` with this record number, or throws RecordNotFoundError.
 *
 * @example const ref = await requireResident(trx, scope, '62088110020100001');
 */
export async function requireResident(
  trx: Kysely<Database>,
  scope: OrgScope,
  recordNo: string,
): Promise<{ id: number }> {
  const row = await trx
    .selectFrom('residents')
    .select('id')
    .where('record_no', '=', recordNo)
    .where(rowsInScope(scope, RESIDENT_SCOPE_COLUMNS))
    .executeTakeFirst();
  if (row === undefined) throw new RecordNotFoundError(NO_RESIDENT);
  return { id: Number(row.id) };
}

async function updateResident(
  trx: Kysely<Database>,
  scope: OrgScope,
  recordNo: string,
  set: Partial<Pick<ResidentTable, 'death_date' | 'moved_out_date' | 'org_code' | 'county_code'>>,
): Promise<number> {
  const row = await trx
    .updateTable('residents')
    .set({ ...set, updated_at: new Date().toISOString() })
    .where('record_no', '=', recordNo)
    .where(rowsInScope(scope, RESIDENT_SCOPE_COLUMNS))
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
 * @example await recordDeath(trx, scope, '62088110020100001', '2020-05-03');
 */
export async function recordDeath(
  trx: Kysely<Database>,
  scope: OrgScope,
  recordNo: string,
  date: string,
): Promise<void> {
  requireDate(date, 'date');
  await updateResident(trx, scope, recordNo, { death_date: date });
}

/**
 * Records a move out of the area (迁出). The record is kept; indicators stop counting the person.
 *
 * @example await recordMoveOut(trx, scope, '62088110020100001', '2020-05-03');
 */
export async function recordMoveOut(
  trx: Kysely<Database>,
  scope: OrgScope,
  recordNo: string,
  date: string,
): Promise<void> {
  requireDate(date, 'date');
  await updateResident(trx, scope, recordNo, { moved_out_date: date });
}

/**
 * Moves a resident of `scope` to another village of `scope` (12-digit code that must exist).
 * The record number stays the person's identifier. Enrolments follow the resident's county
 * so that a person's registry rows stay on one shard; services keep the org where they
 * happened.
 *
 * @example await moveResident(trx, scope, '62088110020100001', '620881100202');
 */
export async function moveResident(
  trx: Kysely<Database>,
  scope: OrgScope,
  recordNo: string,
  newOrgCode: string,
): Promise<void> {
  if (!/^\d{12}$/.test(newOrgCode))
    throw new RecordsWriteError([{ index: 0, field: 'orgCode', reason: REASONS.villageCode }], {
      single: true,
    });
  await requireOrgs(trx, scope, [{ index: 0, field: 'orgCode', orgCode: newOrgCode }], { single: true });
  const id = await updateResident(trx, scope, recordNo, {
    org_code: newOrgCode,
    county_code: countyOf(newOrgCode),
  });
  await trx
    .updateTable('enrollments')
    .set({ county_code: countyOf(newOrgCode) })
    .where('resident_id', '=', id)
    .execute();
}
