/**
 * What the entry checks need to know from the database about the service being entered:
 * the resident (in the caller's scope) and other people's recent elderly check-ups of the
 * same unit, read with the identical check-up audit rule's own query (same fields, same
 * unit: the township), so the check at the source compares what the audit compares.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { IDENTICAL_CHECKUP_RULE } from '../../domain/audits/vocabulary.js';
import type { RecentCheckup } from '../../domain/records/entry-checks/index.js';
import { selectCheckups } from '../audits/rules/identical-checkups.js';
import type { OrgScope } from '../orgs/org-scope.js';
import { findResidentsByRecordNo, type ResidentRef } from './record-lookups-repository.js';

/**
 * The resident of `scope` with this record number, or null (also outside the scope).
 *
 * @example await residentForEntry(db.kysely, scope, '62088110020100001') // { id: 7, orgCode: … } or null
 */
export async function residentForEntry(
  db: Kysely<Database>,
  scope: OrgScope,
  recordNo: string,
): Promise<ResidentRef | null> {
  return (await findResidentsByRecordNo(db, scope, [recordNo])).get(recordNo) ?? null;
}

/** The comparison unit (the township, or the village when it has none) of a village. */
async function unitOf(db: Kysely<Database>, orgCode: string): Promise<string> {
  const row = await db
    .selectFrom('orgs')
    .select('township_code')
    .where('code', '=', orgCode)
    .executeTakeFirst();
  return row?.township_code ?? orgCode;
}

/**
 * Other people's elderly check-ups of `scope` in the unit of village `orgCode`, dated in the
 * year up to `serviceDate`, with the six key values of the identical check-up rule.
 *
 * @example await recentCheckupsNear(db.kysely, scope, '620881100201', '2026-11-01', 7)
 */
export async function recentCheckupsNear(
  db: Kysely<Database>,
  scope: OrgScope,
  orgCode: string,
  serviceDate: string,
  residentId: number,
): Promise<RecentCheckup[]> {
  const from = `${String(Number(serviceDate.slice(0, 4)) - 1).padStart(4, '0')}${serviceDate.slice(4)}`;
  const unit = await unitOf(db, orgCode);
  const rows = await selectCheckups(db, IDENTICAL_CHECKUP_RULE.fields, 'township', scope, {
    from,
    to: serviceDate,
    asOf: serviceDate,
  });
  return rows
    .filter((r) => r.unit === unit && r.residentId !== residentId)
    .map((r) => ({ serviceId: r.id, residentId: r.residentId, values: r.values }));
}
