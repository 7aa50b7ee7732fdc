/**
 * Storage of targets and their change history: the current target per (org, indicator,
 * year) in `targets`, every insert, update and delete appended to `target_changes`. Lists
 * are confined to an org scope (src/modules/orgs/org-scope.ts).
 */
import type { Kysely, SelectQueryBuilder } from 'kysely';
import type { Db } from '../../db/database.js';
import type { Database, OrgLevel, OrgTable } from '../../db/schema.js';
import type { Milestone } from '../../domain/targets/milestones.js';
import type { PopulationBand, TargetBase } from '../../domain/targets/target-rule.js';
import { orgsInScope, type OrgScope } from '../orgs/org-scope.js';
import { targetsHandle as handle, type TargetsHandle, type TargetTables } from './target-tables.js';

/**
 * The codes of the orgs in `scope`, as a subquery: how a table keyed by org code alone
 * (target history, push-plan snapshots and schedules) is confined to a scope. Targets of a
 * province or city carry no county, so these tables cannot use `rowsInScope`.
 *
 * @example
 * h.selectFrom('push_plan_schedules').where('org_code', 'in', orgCodesInScope(h, scope))
 */
export function orgCodesInScope(
  h: TargetsHandle,
  scope: OrgScope,
): SelectQueryBuilder<Database & TargetTables & { o: OrgTable }, 'o', { code: string }> {
  return h.selectFrom('orgs as o').select('o.code').where(orgsInScope(scope, 'o'));
}

/** Where a target came from: set by a person, split from a parent, or an urban/rural default. */
export type TargetSource = 'set' | 'split' | 'default';

/** A stored target. */
export interface StoredTarget {
  orgCode: string;
  orgName: string;
  level: number;
  indicator: string;
  year: number;
  base: TargetBase;
  /** The parameter value the base was computed with (expected patients), else null. */
  parameterValue: number | null;
  baseValue: number;
  rate: number;
  target: number;
  milestones: Milestone[];
  responsibleUnit: string | null;
  responsiblePerson: string | null;
  source: TargetSource;
  setBy: string;
  setAt: string;
}

/** What `writeTarget` stores (the org's name and level come from the tree). */
export type TargetWrite = Omit<StoredTarget, 'orgName' | 'level'> & { countyCode: string | null };

function baseColumns(base: TargetBase): {
  base_kind: string;
  base_band: string | null;
  base_parameter: string | null;
} {
  if (base.kind === 'count') return { base_kind: 'count', base_band: null, base_parameter: null };
  if (base.kind === 'population')
    return { base_kind: 'population', base_band: base.band, base_parameter: null };
  return { base_kind: 'expected', base_band: base.band, base_parameter: base.parameter };
}

function baseOf(row: {
  base_kind: string;
  base_band: string | null;
  base_parameter: string | null;
  base: number;
}): TargetBase {
  if (row.base_kind === 'population') return { kind: 'population', band: row.base_band as PopulationBand };
  if (row.base_kind === 'expected') {
    return {
      kind: 'expected',
      band: row.base_band as PopulationBand,
      parameter: row.base_parameter as string,
    };
  }
  return { kind: 'count', count: Number(row.base) };
}

/**
 * Inserts or replaces the target of (org, indicator, year) and appends the change to the
 * history. The caller owns the transaction.
 *
 * @example
 * await db.kysely.transaction().execute((trx) => writeTarget(trx, target));
 */
export async function writeTarget(trx: Kysely<Database>, t: TargetWrite): Promise<'inserted' | 'updated'> {
  const h = handle(trx);
  const values = {
    org_code: t.orgCode,
    county_code: t.countyCode,
    indicator: t.indicator,
    year: t.year,
    ...baseColumns(t.base),
    parameter_value: t.parameterValue,
    base: t.baseValue,
    rate: t.rate,
    target: t.target,
    milestones: JSON.stringify(t.milestones),
    responsible_unit: t.responsibleUnit,
    responsible_person: t.responsiblePerson,
    source: t.source,
  };
  const existing = await h
    .selectFrom('targets')
    .select('id')
    .where('org_code', '=', t.orgCode)
    .where('indicator', '=', t.indicator)
    .where('year', '=', t.year)
    .executeTakeFirst();
  if (existing) {
    await h
      .updateTable('targets')
      .set({ ...values, set_by: t.setBy, set_at: t.setAt })
      .where('id', '=', existing.id)
      .execute();
  } else {
    await h
      .insertInto('targets')
      .values({ ...values, set_by: t.setBy, set_at: t.setAt })
      .execute();
  }
  await h
    .insertInto('target_changes')
    .values({ ...values, action: existing ? 'update' : 'insert', changed_by: t.setBy, changed_at: t.setAt })
    .execute();
  return existing ? 'updated' : 'inserted';
}

/**
 * Deletes a target, keeping the deletion in the history. False when there was none.
 */
export async function deleteTarget(
  trx: Kysely<Database>,
  key: { orgCode: string; indicator: string; year: number },
  by: string,
  at: string,
): Promise<boolean> {
  const h = handle(trx);
  const row = await h
    .selectFrom('targets')
    .selectAll()
    .where('org_code', '=', key.orgCode)
    .where('indicator', '=', key.indicator)
    .where('year', '=', key.year)
    .executeTakeFirst();
  if (!row) return false;
  await h.deleteFrom('targets').where('id', '=', row.id).execute();
  await h
    .insertInto('target_changes')
    .values({
      org_code: row.org_code,
      county_code: row.county_code,
      indicator: row.indicator,
      year: row.year,
      action: 'delete',
      base_kind: row.base_kind,
      base_band: row.base_band,
      base_parameter: row.base_parameter,
      parameter_value: row.parameter_value,
      base: row.base,
      rate: row.rate,
      target: row.target,
      milestones: row.milestones,
      responsible_unit: row.responsible_unit,
      responsible_person: row.responsible_person,
      source: row.source,
      changed_by: by,
      changed_at: at,
    })
    .execute();
  return true;
}

/** Which targets of a scope to list. */
export interface TargetQuery {
  /** Deepest org level listed (3 = counties, 5 = villages); default: every level. */
  maxLevel?: OrgLevel;
  year?: number;
  indicator?: string;
}

/**
 * Targets of the orgs in `scope` (down to `maxLevel`), ordered by org code, indicator and
 * year.
 *
 * @example
 * // the county and its townships: scope = the county's subtree, maxLevel 4
 * await listTargets(db, scope, { maxLevel: 4, year: 2020 })
 */
export async function listTargets(
  db: Db | Kysely<Database>,
  scope: OrgScope,
  query: TargetQuery = {},
): Promise<StoredTarget[]> {
  let q = handle(db)
    .selectFrom('targets as t')
    .innerJoin('orgs as o', 'o.code', 't.org_code')
    .selectAll('t')
    .select(['o.name as org_name', 'o.level as org_level'])
    .where(orgsInScope(scope, 'o'));
  if (query.maxLevel !== undefined) q = q.where('o.level', '<=', query.maxLevel);
  if (query.year !== undefined) q = q.where('t.year', '=', query.year);
  if (query.indicator !== undefined) q = q.where('t.indicator', '=', query.indicator);
  const rows = await q.orderBy('t.org_code').orderBy('t.indicator').orderBy('t.year').execute();
  return rows.map((r) => ({
    orgCode: r.org_code,
    orgName: r.org_name,
    level: Number(r.org_level),
    indicator: r.indicator,
    year: Number(r.year),
    base: baseOf(r),
    parameterValue: r.parameter_value === null ? null : Number(r.parameter_value),
    baseValue: Number(r.base),
    rate: Number(r.rate),
    target: Number(r.target),
    milestones: JSON.parse(r.milestones) as Milestone[],
    responsibleUnit: r.responsible_unit,
    responsiblePerson: r.responsible_person,
    source: r.source as TargetSource,
    setBy: r.set_by,
    setAt: r.set_at,
  }));
}

/** One change of a target, as kept in the history. */
export interface TargetChange {
  orgCode: string;
  indicator: string;
  year: number;
  action: 'insert' | 'update' | 'delete';
  baseValue: number | null;
  rate: number | null;
  target: number | null;
  source: string | null;
  changedBy: string;
  changedAt: string;
}

/**
 * Every change of the targets of an org (optionally one indicator and year), oldest first;
 * none when the org lies outside `scope`.
 */
export async function targetHistory(
  db: Db,
  scope: OrgScope,
  query: { orgCode: string; indicator?: string; year?: number },
): Promise<TargetChange[]> {
  const h = handle(db);
  let q = h
    .selectFrom('target_changes')
    .selectAll()
    .where('org_code', '=', query.orgCode)
    .where('org_code', 'in', orgCodesInScope(h, scope));
  if (query.indicator !== undefined) q = q.where('indicator', '=', query.indicator);
  if (query.year !== undefined) q = q.where('year', '=', query.year);
  const rows = await q.orderBy('id').execute();
  return rows.map((r) => ({
    orgCode: r.org_code,
    indicator: r.indicator,
    year: Number(r.year),
    action: r.action as TargetChange['action'],
    baseValue: r.base === null ? null : Number(r.base),
    rate: r.rate === null ? null : Number(r.rate),
    target: r.target === null ? null : Number(r.target),
    source: r.source,
    changedBy: r.changed_by,
    changedAt: r.changed_at,
  }));
}
