/**
 * Storage of assessment runs: the run (scheme version, org, period, data cut-off, who),
 * each unit's totals and rank, each item's value, target, rule, score and explanation.
 * Reads are confined to the caller's scope by the units: a run is visible when one of its
 * units lies in scope, and only those units are read.
 */
import { sql, type Kysely } from 'kysely';
import type { Db } from '../../db/database.js';
import type { Database } from '../../db/schema.js';
import type { ItemResult } from '../../domain/assessment/assess-unit.js';
import type { ScoringSpec } from '../../domain/assessment/rules/index.js';
import type { ItemStatus } from '../../domain/assessment/rules/scoring-rule.js';
import { orgsInScope, type OrgScope } from '../orgs/org-scope.js';
import { assessmentHandle as handle } from './assessment-tables.js';

/** A stored run. */
export interface RunRow {
  id: number;
  schemeId: number;
  schemeCode: string;
  schemeVersion: number;
  orgCode: string;
  orgName: string;
  period: string;
  dataCutoff: string;
  unitCount: number;
  createdBy: string;
  createdAt: string;
}

/** A unit's stored result. */
export interface UnitResultRow {
  unitCode: string;
  unitName: string;
  totalCenti: number;
  maxCenti: number;
  applicableCenti: number;
  convertedCenti: number;
  missing: number;
  rank: number;
}

/** What {@link insertRun} stores. */
export interface RunInput {
  schemeId: number;
  orgCode: string;
  countyCode: string | null;
  period: string;
  dataCutoff: string;
  createdBy: string;
  createdAt: string;
  units: ReadonlyArray<UnitResultRow & { countyCode: string | null; items: readonly ItemResult[] }>;
}

/**
 * Stores a run with its units and items; the caller owns the transaction.
 *
 * @example
 * const id = await db.kysely.transaction().execute((trx) => insertRun(trx, run));
 */
export async function insertRun(trx: Kysely<Database>, run: RunInput): Promise<number> {
  const h = handle(trx);
  const { id } = await h
    .insertInto('assessment_runs')
    .values({
      scheme_id: run.schemeId,
      org_code: run.orgCode,
      county_code: run.countyCode,
      period: run.period,
      data_cutoff: run.dataCutoff,
      unit_count: run.units.length,
      created_by: run.createdBy,
      created_at: run.createdAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const runId = Number(id);
  for (const u of run.units) {
    await h
      .insertInto('assessment_unit_results')
      .values({
        run_id: runId,
        unit_code: u.unitCode,
        county_code: u.countyCode,
        unit_name: u.unitName,
        total_centi: u.totalCenti,
        max_centi: u.maxCenti,
        applicable_centi: u.applicableCenti,
        converted_centi: u.convertedCenti,
        missing: u.missing,
        rank: u.rank,
      })
      .execute();
    if (u.items.length === 0) continue;
    await h
      .insertInto('assessment_item_results')
      .values(
        u.items.map((i, position) => ({
          run_id: runId,
          unit_code: u.unitCode,
          position,
          section_id: i.sectionId,
          item_id: i.itemId,
          kind: i.kind,
          indicator: i.indicator,
          value: i.value,
          numerator: i.numerator,
          denominator: i.denominator,
          target: i.target,
          target_source: i.targetSource,
          scoring: JSON.stringify(i.scoring),
          points_centi: i.pointsCenti,
          score_centi: i.centi,
          status: i.status,
          explanation_zh: i.explanation.zh,
          explanation_en: i.explanation.en,
          inputs: JSON.stringify(i.inputs),
        })),
      )
      .execute();
  }
  return runId;
}

function runsQuery(db: Db, scope: OrgScope) {
  const h = handle(db);
  return h
    .selectFrom('assessment_runs as r')
    .innerJoin('assessment_schemes as s', 's.id', 'r.scheme_id')
    .innerJoin('orgs as ro', 'ro.code', 'r.org_code')
    .select([
      'ro.name as org_name',
      'r.id',
      'r.scheme_id',
      's.code as scheme_code',
      's.version as scheme_version',
      'r.org_code',
      'r.period',
      'r.data_cutoff',
      'r.unit_count',
      'r.created_by',
      'r.created_at',
    ])
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('assessment_unit_results as u')
          .innerJoin('orgs as o', 'o.code', 'u.unit_code')
          .select(sql`1`.as('one'))
          .whereRef('u.run_id', '=', 'r.id')
          .where(orgsInScope(scope, 'o')),
      ),
    );
}

function toRun(r: {
  id: number;
  scheme_id: number;
  scheme_code: string;
  scheme_version: number;
  org_code: string;
  org_name: string;
  period: string;
  data_cutoff: string;
  unit_count: number;
  created_by: string;
  created_at: string;
}): RunRow {
  return {
    id: Number(r.id),
    schemeId: Number(r.scheme_id),
    schemeCode: r.scheme_code,
    schemeVersion: Number(r.scheme_version),
    orgCode: r.org_code,
    orgName: r.org_name,
    period: r.period,
    dataCutoff: r.data_cutoff,
    unitCount: Number(r.unit_count),
    createdBy: r.created_by,
    createdAt: r.created_at,
  };
}

/** Runs with a unit in scope, newest first; optionally of one org, period or scheme code. */
export async function listRuns(
  db: Db,
  scope: OrgScope,
  query: { orgCode?: string; period?: string; schemeCode?: string; limit: number },
): Promise<RunRow[]> {
  let q = runsQuery(db, scope);
  if (query.orgCode !== undefined) q = q.where('r.org_code', '=', query.orgCode);
  if (query.period !== undefined) q = q.where('r.period', '=', query.period);
  if (query.schemeCode !== undefined) q = q.where('s.code', '=', query.schemeCode);
  const rows = await q.orderBy('r.id', 'desc').limit(query.limit).execute();
  return rows.map(toRun);
}

/** One run with a unit in scope, or null. */
export async function selectRun(db: Db, scope: OrgScope, id: number): Promise<RunRow | null> {
  const row = await runsQuery(db, scope).where('r.id', '=', id).executeTakeFirst();
  return row ? toRun(row) : null;
}

/** The run before `before` of the same org and scheme code (any period), or null. */
export async function selectPreviousRun(
  db: Db,
  scope: OrgScope,
  run: { id: number; orgCode: string; schemeCode: string },
): Promise<RunRow | null> {
  const row = await runsQuery(db, scope)
    .where('r.org_code', '=', run.orgCode)
    .where('s.code', '=', run.schemeCode)
    .where('r.id', '<', run.id)
    .orderBy('r.id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? toRun(row) : null;
}

/** The units of a run that lie in scope, by rank and code. */
export async function selectRunUnits(db: Db, scope: OrgScope, runId: number): Promise<UnitResultRow[]> {
  const rows = await handle(db)
    .selectFrom('assessment_unit_results as u')
    .innerJoin('orgs as o', 'o.code', 'u.unit_code')
    .selectAll('u')
    .where('u.run_id', '=', runId)
    .where(orgsInScope(scope, 'o'))
    .orderBy('u.rank')
    .orderBy('u.unit_code')
    .execute();
  return rows.map((r) => ({
    unitCode: r.unit_code,
    unitName: r.unit_name,
    totalCenti: Number(r.total_centi),
    maxCenti: Number(r.max_centi),
    applicableCenti: Number(r.applicable_centi),
    convertedCenti: Number(r.converted_centi),
    missing: Number(r.missing),
    rank: Number(r.rank),
  }));
}

/** A stored item result of a unit. */
export type StoredItem = ItemResult & { unitCode: string };

/** The items of a run's units in scope (of one unit when given), in scheme order. */
export async function selectRunItems(
  db: Db,
  scope: OrgScope,
  runId: number,
  unitCode?: string,
): Promise<StoredItem[]> {
  let q = handle(db)
    .selectFrom('assessment_item_results as i')
    .innerJoin('orgs as o', 'o.code', 'i.unit_code')
    .selectAll('i')
    .where('i.run_id', '=', runId)
    .where(orgsInScope(scope, 'o'));
  if (unitCode !== undefined) q = q.where('i.unit_code', '=', unitCode);
  const rows = await q.orderBy('i.unit_code').orderBy('i.position').execute();
  const num = (v: number | null): number | null => (v === null ? null : Number(v));
  return rows.map((r) => ({
    unitCode: r.unit_code,
    sectionId: r.section_id,
    itemId: r.item_id,
    kind: r.kind as ItemResult['kind'],
    indicator: r.indicator,
    value: num(r.value),
    numerator: num(r.numerator),
    denominator: num(r.denominator),
    target: num(r.target),
    targetSource: r.target_source,
    scoring: JSON.parse(r.scoring) as ScoringSpec,
    pointsCenti: Number(r.points_centi),
    centi: num(r.score_centi),
    status: r.status as ItemStatus,
    explanation: { zh: r.explanation_zh, en: r.explanation_en },
    inputs: JSON.parse(r.inputs) as Record<string, unknown>,
  }));
}
