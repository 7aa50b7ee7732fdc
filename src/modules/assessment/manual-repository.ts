/**
 * Storage of assessors' manual entries (现场考核得分): appended, never overwritten; the
 * newest entry of a (scheme, period, unit, item) is the one that counts, the older ones
 * stay as the history. Confined to the caller's scope by the unit.
 */
import type { Kysely } from 'kysely';
import type { Db } from '../../db/database.js';
import type { Database } from '../../db/schema.js';
import { orgsInScope, type OrgScope } from '../orgs/org-scope.js';
import { assessmentHandle as handle } from './assessment-tables.js';

/** A manual entry. */
export interface ManualEntryRow {
  id: number;
  schemeCode: string;
  itemId: string;
  unitCode: string;
  period: string;
  scoreCenti: number;
  evidence: string;
  assessor: string;
  enteredAt: string;
}

/** Appends an entry; the caller has checked the unit is in scope and the score in range. */
export async function insertManualEntry(
  db: Db | Kysely<Database>,
  e: Omit<ManualEntryRow, 'id'> & { countyCode: string | null },
): Promise<number> {
  const row = await handle(db)
    .insertInto('assessment_manual_entries')
    .values({
      scheme_code: e.schemeCode,
      item_id: e.itemId,
      unit_code: e.unitCode,
      county_code: e.countyCode,
      period: e.period,
      score_centi: e.scoreCenti,
      evidence: e.evidence,
      assessor: e.assessor,
      entered_at: e.enteredAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

/** Every entry of a scheme and period for units in scope, oldest first (the last one counts). */
export async function selectManualEntries(
  db: Db,
  scope: OrgScope,
  query: { schemeCode: string; period: string; unitCodes?: readonly string[] },
): Promise<ManualEntryRow[]> {
  let q = handle(db)
    .selectFrom('assessment_manual_entries as m')
    .innerJoin('orgs as o', 'o.code', 'm.unit_code')
    .selectAll('m')
    .where('m.scheme_code', '=', query.schemeCode)
    .where('m.period', '=', query.period)
    .where(orgsInScope(scope, 'o'));
  if (query.unitCodes !== undefined) {
    if (query.unitCodes.length === 0) return [];
    q = q.where('m.unit_code', 'in', query.unitCodes);
  }
  const rows = await q.orderBy('m.id').execute();
  return rows.map((r) => ({
    id: Number(r.id),
    schemeCode: r.scheme_code,
    itemId: r.item_id,
    unitCode: r.unit_code,
    period: r.period,
    scoreCenti: Number(r.score_centi),
    evidence: r.evidence,
    assessor: r.assessor,
    enteredAt: r.entered_at,
  }));
}
