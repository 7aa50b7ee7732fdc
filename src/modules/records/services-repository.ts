/**
 * Writes of service events (follow-ups, check-ups, visits, vaccinations, activities):
 * batches matched on their service key, and the deletion of one event.
 */
import { sql, type Kysely } from 'kysely';
import type { Database, ServiceTable } from '../../db/schema.js';
import { chunks, rowsPerStatement } from '../../db/statement-chunks.js';
import type { ServiceInput } from '../../domain/records/inputs.js';
import { serviceColumns } from '../../domain/records/service-columns.js';
import { serviceKey } from '../../domain/records/service-key.js';
import type { Validated } from '../../domain/records/validation.js';
import { serviceAgainstPerson } from '../../domain/records/record-dates.js';
import { validateService } from '../../domain/records/validation.js';
import { localIsoDate } from '../bulletins/local-date.js';
import type { OrgScope } from '../orgs/org-scope.js';
import { runAfterRecordsWrite, type ChangedRecords } from './after-write.js';
import {
  countyOf,
  lastPerKey,
  positionsOf,
  refuseStoredOutside,
  requireOrgs,
  requireResidents,
  validateAll,
  type WriteCounts,
} from './batch-write.js';
import { executeBatch } from './compiled-batches.js';
import { servicesInScope, type ResidentRef } from './record-lookups-repository.js';
import { RecordsWriteError } from './records-errors.js';

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
 * digits of the org. Refused as a whole when any row is invalid or names a record number or
 * org that does not exist (RecordsWriteError, 400), or names a resident, an org (activities
 * and explicit orgs) or a stored service key outside `scope` (RecordsScopeError, 403), or
 * dated after today or outside its person's life (RecordsWriteError naming `serviceDate`).
 *
 * @example await db.kysely.transaction().execute((trx) => upsertServices(trx, scope, rows));
 */
export async function upsertServices(
  trx: Kysely<Database>,
  scope: OrgScope,
  rows: readonly ServiceInput[],
  options: ServiceWriteOptions = {},
): Promise<WriteCounts> {
  const today = options.today ?? localIsoDate(new Date());
  const valid = validateAll(rows, (row) => validateService(row, today) as Validated<ServiceInput>);
  const refs = await requireResidents(
    trx,
    scope,
    valid.map((r) => r.recordNo),
  );
  const beyondLife = valid.flatMap((r, index) => {
    const person = r.recordNo === null ? undefined : refs.get(r.recordNo);
    return person === undefined
      ? []
      : serviceAgainstPerson(r.serviceDate, person).map((issue) => ({ index, ...issue }));
  });
  if (beyondLife.length > 0 && options.beyondLife !== 'keep') throw new RecordsWriteError(beyondLife);
  const explicitOrgs = valid.flatMap((r, index) =>
    r.orgCode === null ? [] : [{ index, field: 'orgCode', orgCode: r.orgCode }],
  );
  await requireOrgs(trx, scope, explicitOrgs);
  return writeValidatedServices(trx, scope, valid, refs);
}

/** How {@link upsertServices} checks the dates of a batch. */
export interface ServiceWriteOptions {
  /** No service may lie after it (default: the server's local date). */
  readonly today?: string;
  /**
   * `'refuse'` (default): a service before its person's birth or after their death refuses
   * the batch. `'keep'` is for the demo alone, which replays records as they were stored
   * over a half year, some before the death was known — the rows the audits must find.
   */
  readonly beyondLife?: 'refuse' | 'keep';
}

/** The field that names a service's key in a batch: its service number, else its person, else its org. */
function keyField(row: ServiceInput): string {
  if (row.serviceNo !== null && row.serviceNo !== '') return 'serviceNo';
  return row.recordNo !== null ? 'recordNo' : 'orgCode';
}

/**
 * The write half of `upsertServices`, for a write path that has already normalised every
 * row with `validateService`, resolved every record number and checked every explicit org
 * within its scope. A service key already stored outside `scope` (another village's service,
 * or one of a person the scope does not hold) refuses the batch (RecordsScopeError, 403):
 * the upsert must not update it.
 *
 * @example await writeValidatedServices(trx, scope, rows, await findResidentsByRecordNo(trx, scope, numbers));
 */
export async function writeValidatedServices(
  trx: Kysely<Database>,
  scope: OrgScope,
  valid: readonly ServiceInput[],
  refs: ReadonlyMap<string, ResidentRef>,
): Promise<WriteCounts> {
  const keyed = lastPerKey(valid, serviceKey);
  const counts: WriteCounts = { inserted: 0, updated: valid.length - keyed.size };
  const now = new Date().toISOString();
  const touched: TouchedService[] = [];
  const parts = [...chunks([...keyed], rowsPerStatement(SERVICE_COLUMNS.length))];
  // Every stored key is looked up before anything is written, so that a refusal names every
  // item outside the scope and the batch stays all or nothing.
  const existing: StoredService[][] = [];
  const outside = new Set<string>();
  for (const part of parts) {
    const stored = await storedServices(
      trx,
      scope,
      part.map(([key]) => key),
    );
    existing.push(stored);
    for (const e of stored) if (Number(e.in_scope) !== 1) outside.add(e.service_key);
  }
  refuseStoredOutside(valid, serviceKey, keyField, outside);
  for (const [partIndex, part] of parts.entries()) {
    const values: unknown[] = [];
    for (const [key, r] of part) {
      const resident = r.recordNo === null ? undefined : refs.get(r.recordNo);
      const orgCode = r.orgCode ?? resident!.orgCode;
      const c = serviceColumns(r);
      const residentId = resident?.id ?? null;
      touched.push({ resident_id: residentId, org_code: orgCode, service_date: r.serviceDate, type: r.type });
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
    const stored = existing[partIndex]!;
    counts.updated += stored.length;
    counts.inserted += part.length - stored.length;
    // A service that moved to another resident or org changes both the old and the new one.
    for (const e of stored)
      touched.push({
        resident_id: e.resident_id,
        org_code: e.org_code,
        service_date: e.service_date,
        type: e.type,
      });
  }
  await runAfterRecordsWrite(trx, changedBy(touched));
  return counts;
}

/** A service as written or as stored before the write (old and new versions both count). */
interface TouchedService {
  readonly resident_id: number | null;
  readonly org_code: string;
  readonly service_date: string;
  readonly type: string;
}

/**
 * What a write of services changed: its residents from the earliest date written (old or
 * new) with the types written (old and new), its activity orgs.
 */
function changedBy(rows: readonly TouchedService[]): ChangedRecords {
  const since = new Map<number, string>();
  const types = new Map<number, Set<string>>();
  const activityOrgCodes = new Set<string>();
  for (const row of rows) {
    if (row.resident_id === null) activityOrgCodes.add(row.org_code);
    else {
      const id = Number(row.resident_id);
      const earlier = since.get(id);
      if (earlier === undefined || row.service_date < earlier) since.set(id, row.service_date);
      const written = types.get(id);
      if (written) written.add(row.type);
      else types.set(id, new Set([row.type]));
    }
  }
  return {
    residentIds: [...since.keys()],
    activityOrgCodes: [...activityOrgCodes],
    servicesSince: since,
    serviceTypes: types,
  };
}

/** A stored service a batch is about to update, and whether it lies in the writer's scope. */
interface StoredService {
  readonly service_key: string;
  readonly resident_id: number | null;
  readonly org_code: string;
  readonly service_date: string;
  readonly type: string;
  /** 1 when the service lies in the scope (see `servicesInScope`), else 0. */
  readonly in_scope: number;
}

/** The stored services of `keys` (one statement), each marked in or outside `scope`. */
async function storedServices(
  trx: Kysely<Database>,
  scope: OrgScope,
  keys: readonly string[],
): Promise<StoredService[]> {
  return executeBatch(
    trx,
    'services.stored',
    1,
    keys,
    (positions) =>
      trx
        .selectFrom('services')
        .select([
          'services.service_key',
          'services.resident_id',
          'services.org_code',
          'services.service_date',
          'services.type',
          sql<number>`case when ${servicesInScope(scope)} then 1 else 0 end`.as('in_scope'),
        ])
        .where('services.service_key', 'in', positions.map((p) => p[0]) as never[]),
    scope,
  );
}

/**
 * Deletes one service event of `scope` (see `servicesInScope`) by id. Returns false when
 * there was none, or it lies outside the scope: nothing is deleted then.
 *
 * @example await db.kysely.transaction().execute((trx) => deleteService(trx, scope, 42));
 */
export async function deleteService(trx: Kysely<Database>, scope: OrgScope, id: number): Promise<boolean> {
  const deleted = await trx
    .deleteFrom('services')
    .where('id', '=', id)
    .where(servicesInScope(scope))
    .returning(['resident_id', 'org_code', 'service_date', 'type'])
    .executeTakeFirst();
  if (deleted === undefined) return false;
  await runAfterRecordsWrite(trx, changedBy([deleted]));
  return true;
}
