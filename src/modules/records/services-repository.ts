/**
 * Writes of service events (follow-ups, check-ups, visits, vaccinations, activities):
 * batches matched on their service key, and the deletion of one event.
 */
import type { Kysely } from 'kysely';
import type { Database, ServiceTable } from '../../db/schema.js';
import { chunks, rowsPerStatement } from '../../db/statement-chunks.js';
import type { ServiceInput } from '../../domain/records/inputs.js';
import { serviceColumns } from '../../domain/records/service-columns.js';
import { serviceKey } from '../../domain/records/service-key.js';
import type { Validated } from '../../domain/records/validation.js';
import { validateService } from '../../domain/records/validation.js';
import { rowsInScope, type OrgScope } from '../orgs/org-scope.js';
import { runAfterRecordsWrite, type ChangedRecords } from './after-write.js';
import {
  countyOf,
  lastPerKey,
  positionsOf,
  requireOrgs,
  requireResidents,
  validateAll,
  type WriteCounts,
} from './batch-write.js';
import { executeBatch } from './compiled-batches.js';
import type { ResidentRef } from './record-lookups-repository.js';

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
 * a record number `scope` does not hold, or (for activities and explicit orgs) an org
 * outside it.
 *
 * @example await db.kysely.transaction().execute((trx) => upsertServices(trx, scope, rows));
 */
export async function upsertServices(
  trx: Kysely<Database>,
  scope: OrgScope,
  rows: readonly ServiceInput[],
): Promise<WriteCounts> {
  const valid = validateAll(rows, validateService as (row: ServiceInput) => Validated<ServiceInput>);
  const refs = await requireResidents(
    trx,
    scope,
    valid.map((r) => r.recordNo),
  );
  const explicitOrgs = valid.flatMap((r, index) =>
    r.orgCode === null ? [] : [{ index, field: 'orgCode', orgCode: r.orgCode }],
  );
  await requireOrgs(trx, scope, explicitOrgs);
  return writeValidatedServices(trx, valid, refs);
}

/**
 * The write half of `upsertServices`, for a write path that has already normalised every
 * row with `validateService`, resolved every record number and checked every explicit org
 * within its scope.
 *
 * @example await writeValidatedServices(trx, rows, await findResidentsByRecordNo(trx, scope, numbers));
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
 * Deletes one service event of `scope` by id. Returns false when there was none (or it lies
 * outside the scope).
 *
 * @example await db.kysely.transaction().execute((trx) => deleteService(trx, scope, 42));
 */
export async function deleteService(trx: Kysely<Database>, scope: OrgScope, id: number): Promise<boolean> {
  const deleted = await trx
    .deleteFrom('services')
    .where('id', '=', id)
    .where(rowsInScope(scope, { county: 'services.county_code', org: 'services.org_code' }))
    .returning(['resident_id', 'org_code', 'service_date'])
    .executeTakeFirst();
  if (deleted === undefined) return false;
  await runAfterRecordsWrite(trx, changedBy([deleted]));
  return true;
}
