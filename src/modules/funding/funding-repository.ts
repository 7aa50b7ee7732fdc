/**
 * Storage of allocations, their units and disbursements, and the reads the funds status needs
 * (unit populations, disbursed sums, assessment scores). Unit rows carry `county_code` and
 * `unit_code` so that every read is confined to the caller's scope by {@link rowsInScope}.
 */
import { sql, type Kysely } from 'kysely';
import type { Db } from '../../db/database.js';
import type { Database } from '../../db/schema.js';
import { ancestorColumn, rowsInScope, type OrgLineage, type OrgScope } from '../orgs/org-scope.js';
import { fundingHandle as handle } from './funding-tables.js';

/** An allocation's header: its parameters and rule. */
export interface AllocationRow {
  id: number;
  orgCode: string;
  countyCode: string | null;
  year: number;
  perCapitaFen: number;
  earmarkFen: number;
  villageShareBp: number;
  advanceShareBp: number;
  countyShareBp: number;
  population: number;
  totalFen: number;
  allocatedOn: string;
  idleAfter: string;
  idleThresholdBp: number;
  lateAfterDays: number;
  source: string;
  createdBy: string;
  createdAt: string;
}

/** A unit of an allocation as stored. */
export interface AllocationUnitRow {
  unitCode: string;
  countyCode: string;
  unitName: string;
  population: number;
  amountFen: number;
  earmarkFen: number;
  villageFen: number;
  advanceFen: number;
}

/** A township's resident population (the sum of its villages') and its county. */
export interface UnitPopulationRow {
  code: string;
  name: string;
  countyCode: string;
  countyName: string;
  population: number;
}

/**
 * The townships (level 4) under `org` with the summed population of their villages in `year`,
 * in code order. Village rows only: a township's own row, where one exists, would count twice.
 */
export async function listUnitPopulations(
  db: Db,
  scope: OrgScope,
  org: OrgLineage,
  year: number,
): Promise<UnitPopulationRow[]> {
  const rows = await db.kysely
    .selectFrom('org_population as p')
    .innerJoin('orgs as v', 'v.code', 'p.org_code')
    .innerJoin('orgs as t', 't.code', 'v.township_code')
    .innerJoin('orgs as c', 'c.code', 'v.county_code')
    .select([
      't.code as code',
      't.name as name',
      'c.code as countyCode',
      'c.name as countyName',
      (eb) => eb.fn.sum<number | string>('p.total').as('population'),
    ])
    .where('p.year', '=', year)
    .where('v.level', '=', 5)
    .where(sql.ref(`v.${ancestorColumn(org.level)}`), '=', org.code)
    .where(rowsInScope(scope, { county: 'v.county_code', org: 'v.code' }))
    .groupBy(['t.code', 't.name', 'c.code', 'c.name'])
    .orderBy('t.code')
    .execute();
  return rows.map((r) => ({ ...r, population: Number(r.population) }));
}

/** What {@link insertAllocation} stores. */
export type AllocationInput = Omit<AllocationRow, 'id'> & { units: readonly AllocationUnitRow[] };

/** Stores an allocation and its units; the caller owns the transaction. */
export async function insertAllocation(trx: Kysely<Database>, a: AllocationInput): Promise<number> {
  const h = handle(trx);
  const { id } = await h
    .insertInto('funding_allocations')
    .values({
      org_code: a.orgCode,
      county_code: a.countyCode,
      year: a.year,
      per_capita_fen: a.perCapitaFen,
      earmark_fen: a.earmarkFen,
      village_share_bp: a.villageShareBp,
      advance_share_bp: a.advanceShareBp,
      county_share_bp: a.countyShareBp,
      population: a.population,
      total_fen: a.totalFen,
      allocated_on: a.allocatedOn,
      idle_after: a.idleAfter,
      idle_threshold_bp: a.idleThresholdBp,
      late_after_days: a.lateAfterDays,
      source: a.source,
      created_by: a.createdBy,
      created_at: a.createdAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const allocationId = Number(id);
  const rows = a.units.map((u) => ({
    allocation_id: allocationId,
    unit_code: u.unitCode,
    county_code: u.countyCode,
    unit_name: u.unitName,
    population: u.population,
    amount_fen: u.amountFen,
    earmark_fen: u.earmarkFen,
    village_fen: u.villageFen,
    advance_fen: u.advanceFen,
  }));
  for (let i = 0; i < rows.length; i += 200) {
    await h
      .insertInto('funding_allocation_units')
      .values(rows.slice(i, i + 200))
      .execute();
  }
  return allocationId;
}

const ALLOCATION_COLUMNS = [
  'a.id as id',
  'a.org_code as orgCode',
  'a.county_code as countyCode',
  'a.year as year',
  'a.per_capita_fen as perCapitaFen',
  'a.earmark_fen as earmarkFen',
  'a.village_share_bp as villageShareBp',
  'a.advance_share_bp as advanceShareBp',
  'a.county_share_bp as countyShareBp',
  'a.population as population',
  'a.total_fen as totalFen',
  'a.allocated_on as allocatedOn',
  'a.idle_after as idleAfter',
  'a.idle_threshold_bp as idleThresholdBp',
  'a.late_after_days as lateAfterDays',
  'a.source as source',
  'a.created_by as createdBy',
  'a.created_at as createdAt',
] as const;

/**
 * The allocation of `org` for `year` when one of its units lies in scope (a township sees
 * its city's allocation, but only its own unit).
 */
export async function findAllocation(
  db: Db | Kysely<Database>,
  scope: OrgScope,
  orgCode: string,
  year: number,
): Promise<AllocationRow | null> {
  const row = await handle(db)
    .selectFrom('funding_allocations as a')
    .select(ALLOCATION_COLUMNS)
    .where('a.org_code', '=', orgCode)
    .where('a.year', '=', year)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('funding_allocation_units as u')
          .select('u.unit_code')
          .whereRef('u.allocation_id', '=', 'a.id')
          .where(rowsInScope(scope, { county: 'u.county_code', org: 'u.unit_code' })),
      ),
    )
    .executeTakeFirst();
  return row ?? null;
}

/** Allocations with at least one unit in scope, newest year first. */
export async function listAllocations(db: Db, scope: OrgScope): Promise<AllocationRow[]> {
  return handle(db)
    .selectFrom('funding_allocations as a')
    .select(ALLOCATION_COLUMNS)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('funding_allocation_units as u')
          .select('u.unit_code')
          .whereRef('u.allocation_id', '=', 'a.id')
          .where(rowsInScope(scope, { county: 'u.county_code', org: 'u.unit_code' })),
      ),
    )
    .orderBy('a.year', 'desc')
    .orderBy('a.org_code')
    .execute();
}

/** The units of an allocation in scope, in code order. */
export async function listAllocationUnits(
  db: Db | Kysely<Database>,
  scope: OrgScope,
  allocationId: number,
): Promise<AllocationUnitRow[]> {
  return handle(db)
    .selectFrom('funding_allocation_units as u')
    .select([
      'u.unit_code as unitCode',
      'u.county_code as countyCode',
      'u.unit_name as unitName',
      'u.population as population',
      'u.amount_fen as amountFen',
      'u.earmark_fen as earmarkFen',
      'u.village_fen as villageFen',
      'u.advance_fen as advanceFen',
    ])
    .where('u.allocation_id', '=', allocationId)
    .where(rowsInScope(scope, { county: 'u.county_code', org: 'u.unit_code' }))
    .orderBy('u.unit_code')
    .execute();
}

/** A disbursement as stored. */
export interface DisbursementRow {
  id: number;
  unitCode: string;
  paidOn: string;
  payer: string;
  amountFen: number;
  purpose: string;
  createdBy: string;
}

/** Stores disbursements of an allocation; the caller owns the transaction. */
export async function insertDisbursements(
  trx: Kysely<Database>,
  allocationId: number,
  rows: readonly {
    unitCode: string;
    countyCode: string;
    paidOn: string;
    payer: string;
    amountFen: number;
    purpose: string;
  }[],
  who: { by: string; at: string },
): Promise<void> {
  const values = rows.map((r) => ({
    allocation_id: allocationId,
    unit_code: r.unitCode,
    county_code: r.countyCode,
    paid_on: r.paidOn,
    payer: r.payer,
    amount_fen: r.amountFen,
    purpose: r.purpose,
    created_by: who.by,
    created_at: who.at,
  }));
  for (let i = 0; i < values.length; i += 200) {
    await handle(trx)
      .insertInto('funding_disbursements')
      .values(values.slice(i, i + 200))
      .execute();
  }
}

/** Disbursements of an allocation in scope, paid on or before `asOf`, by date. */
export async function listDisbursements(
  db: Db,
  scope: OrgScope,
  allocationId: number,
  asOf: string,
): Promise<DisbursementRow[]> {
  return handle(db)
    .selectFrom('funding_disbursements as d')
    .select([
      'd.id as id',
      'd.unit_code as unitCode',
      'd.paid_on as paidOn',
      'd.payer as payer',
      'd.amount_fen as amountFen',
      'd.purpose as purpose',
      'd.created_by as createdBy',
    ])
    .where('d.allocation_id', '=', allocationId)
    .where('d.paid_on', '<=', asOf)
    .where(rowsInScope(scope, { county: 'd.county_code', org: 'd.unit_code' }))
    .orderBy('d.paid_on')
    .orderBy('d.id')
    .execute();
}

/** A unit's latest assessment score in a year (any period of the year, latest run first). */
export interface UnitScoreRow {
  unitCode: string;
  runId: number;
  period: string;
  convertedCenti: number;
  maxCenti: number;
}

/**
 * The latest assessment result of each of `unitCodes` among runs of periods in `year`
 * ('2020', '2020H1', '2020Q2', …), in scope.
 */
export async function listUnitScores(
  db: Db,
  scope: OrgScope,
  unitCodes: readonly string[],
  year: number,
): Promise<UnitScoreRow[]> {
  if (unitCodes.length === 0) return [];
  const rows = await db.kysely
    .withTables<{
      assessment_runs: { id: number; period: string; created_at: string };
      assessment_unit_results: {
        run_id: number;
        unit_code: string;
        county_code: string | null;
        converted_centi: number;
        max_centi: number;
      };
    }>()
    .selectFrom('assessment_unit_results as r')
    .innerJoin('assessment_runs as a', 'a.id', 'r.run_id')
    .select([
      'r.unit_code as unitCode',
      'a.id as runId',
      'a.period as period',
      'r.converted_centi as convertedCenti',
      'r.max_centi as maxCenti',
    ])
    .where('r.unit_code', 'in', unitCodes)
    .where('a.period', 'like', `${year}%`)
    .where(rowsInScope(scope, { county: 'r.county_code', org: 'r.unit_code' }))
    .orderBy('a.id', 'desc')
    .execute();
  const latest = new Map<string, UnitScoreRow>();
  for (const r of rows) if (!latest.has(r.unitCode)) latest.set(r.unitCode, { ...r, runId: Number(r.runId) });
  return [...latest.values()];
}
