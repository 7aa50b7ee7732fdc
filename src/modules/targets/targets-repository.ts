/**
 * Storage of targets, their change history, named parameters per area and year, push-plan
 * snapshots and push-plan schedules. The only file of the targets module with SQL.
 */
import type { Generated, Kysely, Selectable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { Database, OrgLevel } from '../../db/schema.js';
import type { Milestone } from '../../domain/targets/milestones.js';
import type { PushPlanRow } from '../../domain/targets/push-plan.js';
import type { DayCounting } from '../../domain/targets/calendar.js';
import type { PopulationBand, TargetBase } from '../../domain/targets/target-rule.js';
import { subtreeColumn } from '../orgs/org-repository.js';

/** Tables of migrations 003 and 006. */
export type TargetTables = {
  push_plan_schedules: {
    id: Generated<number>;
    org_code: string;
    county_code: string | null;
    period: string;
    deadline: string;
    days: string;
    holidays: string;
    workdays: string;
    active: Generated<number>;
    created_by: string;
    created_at: string;
    last_run_on: string | null;
    last_run_at: string | null;
    last_snapshot_id: number | null;
    last_error: string | null;
    ended_at: string | null;
    ended_reason: string | null;
  };
  targets: {
    id: Generated<number>;
    org_code: string;
    county_code: string | null;
    indicator: string;
    year: number;
    base_kind: string;
    base_band: string | null;
    base_parameter: string | null;
    parameter_value: number | null;
    base: number;
    rate: number;
    target: number;
    milestones: string;
    responsible_unit: string | null;
    responsible_person: string | null;
    source: string;
    set_by: string;
    set_at: string;
  };
  target_changes: {
    id: Generated<number>;
    org_code: string;
    county_code: string | null;
    indicator: string;
    year: number;
    action: string;
    base_kind: string | null;
    base_band: string | null;
    base_parameter: string | null;
    parameter_value: number | null;
    base: number | null;
    rate: number | null;
    target: number | null;
    milestones: string | null;
    responsible_unit: string | null;
    responsible_person: string | null;
    source: string | null;
    changed_by: string;
    changed_at: string;
  };
  target_parameters: {
    org_code: string;
    year: number;
    name: string;
    value: number;
    set_by: string;
    set_at: string;
  };
  push_plan_snapshots: {
    id: Generated<number>;
    org_code: string;
    county_code: string | null;
    period: string;
    as_of: string;
    done_as_of: string;
    deadline: string;
    days: string;
    days_left: number;
    created_by: string;
    created_at: string;
  };
  push_plan_rows: {
    snapshot_id: number;
    position: number;
    unit_code: string | null;
    unit: string;
    task: string;
    task_name: string;
    target: number;
    done: number;
    remaining: number;
    days_left: number;
    per_day: number;
    leader: string | null;
    phone: string | null;
    is_total: number;
  };
};

type Handle = Kysely<Database & TargetTables>;

function handle(db: Db | Kysely<Database>): Handle {
  const kysely = 'kysely' in db ? db.kysely : db;
  return kysely.withTables<TargetTables>();
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

/** Which targets to list. */
export interface TargetQuery {
  orgCode: string;
  /** 0 = the org only (default), 1 = with its children, …, levels below the org. */
  depth?: number;
  year?: number;
  indicator?: string;
}

/**
 * Targets of an org's subtree down to `depth` levels below it, ordered by org code,
 * indicator and year. Empty when the org is unknown.
 */
export async function listTargets(db: Db, query: TargetQuery): Promise<StoredTarget[]> {
  const h = handle(db);
  const root = await h
    .selectFrom('orgs')
    .select(['level'])
    .where('code', '=', query.orgCode)
    .executeTakeFirst();
  if (!root) return [];
  const level = root.level as OrgLevel;
  let q = h
    .selectFrom('targets as t')
    .innerJoin('orgs as o', 'o.code', 't.org_code')
    .selectAll('t')
    .select(['o.name as org_name', 'o.level as org_level'])
    .where(`o.${subtreeColumn(level)}`, '=', query.orgCode)
    .where('o.level', '<=', Math.min(5, level + (query.depth ?? 0)) as OrgLevel);
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

/** Every change of the targets of an org (optionally one indicator and year), oldest first. */
export async function targetHistory(
  db: Db,
  query: { orgCode: string; indicator?: string; year?: number },
): Promise<TargetChange[]> {
  let q = handle(db).selectFrom('target_changes').selectAll().where('org_code', '=', query.orgCode);
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

/** Sets a named parameter (a prevalence) for an area and year. The caller owns the transaction. */
export async function writeParameter(
  trx: Kysely<Database>,
  p: { orgCode: string; year: number; name: string; value: number; setBy: string; setAt: string },
): Promise<void> {
  const h = handle(trx);
  const updated = await h
    .updateTable('target_parameters')
    .set({ value: p.value, set_by: p.setBy, set_at: p.setAt })
    .where('org_code', '=', p.orgCode)
    .where('year', '=', p.year)
    .where('name', '=', p.name)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 0) {
    await h
      .insertInto('target_parameters')
      .values({
        org_code: p.orgCode,
        year: p.year,
        name: p.name,
        value: p.value,
        set_by: p.setBy,
        set_at: p.setAt,
      })
      .execute();
  }
}

/**
 * The value of a named parameter for an org and year: the org's own, else the nearest
 * ancestor's (township, county, city, province); null when no area sets it.
 */
export async function parameterFor(
  db: Db | Kysely<Database>,
  orgCode: string,
  year: number,
  name: string,
): Promise<number | null> {
  const h = handle(db);
  const org = await h
    .selectFrom('orgs')
    .select(['code', 'province_code', 'city_code', 'county_code', 'township_code'])
    .where('code', '=', orgCode)
    .executeTakeFirst();
  if (!org) return null;
  const chain = [org.code, org.township_code, org.county_code, org.city_code, org.province_code].filter(
    (c): c is string => c !== null,
  );
  const rows = await h
    .selectFrom('target_parameters')
    .select(['org_code', 'value'])
    .where('org_code', 'in', chain)
    .where('year', '=', year)
    .where('name', '=', name)
    .execute();
  for (const code of chain) {
    const row = rows.find((r) => r.org_code === code);
    if (row) return Number(row.value);
  }
  return null;
}

/** A push-plan snapshot as stored. */
export interface PushPlanSnapshot {
  id: number;
  orgCode: string;
  period: string;
  asOf: string;
  doneAsOf: string;
  deadline: string;
  days: DayCounting;
  daysLeft: number;
  createdBy: string;
  createdAt: string;
}

/** A row of a stored push plan: the domain row plus the unit's org code and the task's name. */
export interface SnapshotRow extends PushPlanRow {
  unitCode: string | null;
  taskName: string;
}

/**
 * Stores a push-plan snapshot with its rows, replacing an earlier one of the same org,
 * period, as-of date, deadline and day counting (a checkpoint re-run). Returns its id.
 * The caller owns the transaction.
 */
export async function writeSnapshot(
  trx: Kysely<Database>,
  snapshot: Omit<PushPlanSnapshot, 'id'> & { countyCode: string | null },
  rows: readonly SnapshotRow[],
): Promise<number> {
  const h = handle(trx);
  const old = await h
    .selectFrom('push_plan_snapshots')
    .select('id')
    .where('org_code', '=', snapshot.orgCode)
    .where('period', '=', snapshot.period)
    .where('as_of', '=', snapshot.asOf)
    .where('deadline', '=', snapshot.deadline)
    .where('days', '=', snapshot.days)
    .executeTakeFirst();
  if (old) {
    await h.deleteFrom('push_plan_rows').where('snapshot_id', '=', old.id).execute();
    await h.deleteFrom('push_plan_snapshots').where('id', '=', old.id).execute();
  }
  const inserted = await h
    .insertInto('push_plan_snapshots')
    .values({
      org_code: snapshot.orgCode,
      county_code: snapshot.countyCode,
      period: snapshot.period,
      as_of: snapshot.asOf,
      done_as_of: snapshot.doneAsOf,
      deadline: snapshot.deadline,
      days: snapshot.days,
      days_left: snapshot.daysLeft,
      created_by: snapshot.createdBy,
      created_at: snapshot.createdAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const id = Number(inserted.id);
  // 14 columns a row: 1000 rows stay far below the bind limits of both dialects.
  for (let i = 0; i < rows.length; i += 1000) {
    await h
      .insertInto('push_plan_rows')
      .values(
        rows.slice(i, i + 1000).map((r, j) => ({
          snapshot_id: id,
          position: i + j,
          unit_code: r.unitCode,
          unit: r.unit,
          task: r.task,
          task_name: r.taskName,
          target: r.target,
          done: r.done,
          remaining: r.remaining,
          days_left: r.daysLeft,
          per_day: r.perDay,
          leader: r.leader,
          phone: r.phone,
          is_total: r.total ? 1 : 0,
        })),
      )
      .execute();
  }
  return id;
}

function toSnapshot(
  r: Omit<Selectable<TargetTables['push_plan_snapshots']>, 'county_code'>,
): PushPlanSnapshot {
  return {
    id: Number(r.id),
    orgCode: r.org_code,
    period: r.period,
    asOf: r.as_of,
    doneAsOf: r.done_as_of,
    deadline: r.deadline,
    days: r.days as DayCounting,
    daysLeft: Number(r.days_left),
    createdBy: r.created_by,
    createdAt: r.created_at,
  };
}

/** Snapshots of an org (optionally one period), oldest as-of first: the history of a push plan. */
export async function listSnapshots(
  db: Db,
  query: { orgCode: string; period?: string },
): Promise<PushPlanSnapshot[]> {
  let q = handle(db).selectFrom('push_plan_snapshots').selectAll().where('org_code', '=', query.orgCode);
  if (query.period !== undefined) q = q.where('period', '=', query.period);
  const rows = await q.orderBy('as_of').orderBy('id').execute();
  return rows.map(toSnapshot);
}

/** One snapshot with its rows in their order; null when there is none with that id. */
export async function readSnapshot(
  db: Db,
  id: number,
): Promise<{ snapshot: PushPlanSnapshot; rows: SnapshotRow[] } | null> {
  const h = handle(db);
  const row = await h.selectFrom('push_plan_snapshots').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return null;
  const rows = await h
    .selectFrom('push_plan_rows')
    .selectAll()
    .where('snapshot_id', '=', id)
    .orderBy('position')
    .execute();
  return {
    snapshot: toSnapshot(row),
    rows: rows.map((r) => ({
      unitCode: r.unit_code,
      unit: r.unit,
      task: r.task,
      taskName: r.task_name,
      target: Number(r.target),
      done: Number(r.done),
      remaining: Number(r.remaining),
      daysLeft: Number(r.days_left),
      perDay: Number(r.per_day),
      leader: r.leader,
      phone: r.phone,
      total: Number(r.is_total) === 1,
    })),
  };
}

/** True when a snapshot of that org, period, as-of day, deadline and day counting is kept. */
export async function snapshotExists(
  db: Db,
  key: { orgCode: string; period: string; asOf: string; deadline: string; days: DayCounting },
): Promise<boolean> {
  const row = await handle(db)
    .selectFrom('push_plan_snapshots')
    .select('id')
    .where('org_code', '=', key.orgCode)
    .where('period', '=', key.period)
    .where('as_of', '=', key.asOf)
    .where('deadline', '=', key.deadline)
    .where('days', '=', key.days)
    .executeTakeFirst();
  return row !== undefined;
}

/** Why a push-plan schedule stopped: its deadline came, or someone removed it. */
export type ScheduleEndReason = 'deadline' | 'unscheduled';

/** A stored push-plan schedule: the plan to re-compute at each checkpoint until the deadline. */
export interface PushPlanSchedule {
  id: number;
  orgCode: string;
  period: string;
  deadline: string;
  days: DayCounting;
  holidays: string[];
  workdays: string[];
  active: boolean;
  createdBy: string;
  createdAt: string;
  /** The checkpoint day of the last run (saved or failed); a day is attempted once. */
  lastRunOn: string | null;
  lastRunAt: string | null;
  lastSnapshotId: number | null;
  /** One-line reason of the last run's failure; null when it succeeded. */
  lastError: string | null;
  endedAt: string | null;
  endedReason: ScheduleEndReason | null;
}

function toSchedule(r: Selectable<TargetTables['push_plan_schedules']>): PushPlanSchedule {
  return {
    id: Number(r.id),
    orgCode: r.org_code,
    period: r.period,
    deadline: r.deadline,
    days: r.days as DayCounting,
    holidays: JSON.parse(r.holidays) as string[],
    workdays: JSON.parse(r.workdays) as string[],
    active: Number(r.active) === 1,
    createdBy: r.created_by,
    createdAt: r.created_at,
    lastRunOn: r.last_run_on,
    lastRunAt: r.last_run_at,
    lastSnapshotId: r.last_snapshot_id === null ? null : Number(r.last_snapshot_id),
    lastError: r.last_error,
    endedAt: r.ended_at,
    endedReason: r.ended_reason as ScheduleEndReason | null,
  };
}

/** Stores an active push-plan schedule; returns its id. */
export async function insertPushPlanSchedule(
  db: Db,
  s: {
    orgCode: string;
    countyCode: string | null;
    period: string;
    deadline: string;
    days: DayCounting;
    holidays: readonly string[];
    workdays: readonly string[];
    createdBy: string;
    createdAt: string;
  },
): Promise<number> {
  const row = await handle(db)
    .insertInto('push_plan_schedules')
    .values({
      org_code: s.orgCode,
      county_code: s.countyCode,
      period: s.period,
      deadline: s.deadline,
      days: s.days,
      holidays: JSON.stringify(s.holidays),
      workdays: JSON.stringify(s.workdays),
      created_by: s.createdBy,
      created_at: s.createdAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

/** One push-plan schedule; null when there is none with that id. */
export async function getPushPlanSchedule(db: Db, id: number): Promise<PushPlanSchedule | null> {
  const row = await handle(db)
    .selectFrom('push_plan_schedules')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toSchedule(row) : null;
}

/**
 * Push-plan schedules, oldest first: of an org's subtree when `orgCode` is given (unknown
 * org: none), only the active ones when `active` is true.
 */
export async function listPushPlanSchedules(
  db: Db,
  query: { orgCode?: string; active?: boolean } = {},
): Promise<PushPlanSchedule[]> {
  const h = handle(db);
  let q = h.selectFrom('push_plan_schedules as s').selectAll('s');
  if (query.orgCode !== undefined) {
    const root = await h
      .selectFrom('orgs')
      .select('level')
      .where('code', '=', query.orgCode)
      .executeTakeFirst();
    if (!root) return [];
    q = q
      .innerJoin('orgs as o', 'o.code', 's.org_code')
      .where(`o.${subtreeColumn(root.level as OrgLevel)}`, '=', query.orgCode);
  }
  if (query.active) q = q.where('s.active', '=', 1);
  const rows = await q.orderBy('s.id').execute();
  return rows.map(toSchedule);
}

/** Records a run of a schedule on a checkpoint day: the snapshot kept, or the one-line reason it failed. */
export async function recordPushPlanScheduleRun(
  db: Db,
  id: number,
  run: { on: string; at: string; snapshotId: number | null; error: string | null },
): Promise<void> {
  await handle(db)
    .updateTable('push_plan_schedules')
    .set({
      last_run_on: run.on,
      last_run_at: run.at,
      // A failed run keeps pointing at the last snapshot that was kept.
      ...(run.snapshotId !== null ? { last_snapshot_id: run.snapshotId } : {}),
      last_error: run.error,
    })
    .where('id', '=', id)
    .execute();
}

/** Stops an active schedule; false when there is no active schedule with that id. */
export async function endPushPlanSchedule(
  db: Db,
  id: number,
  end: { at: string; reason: ScheduleEndReason },
): Promise<boolean> {
  const result = await handle(db)
    .updateTable('push_plan_schedules')
    .set({ active: 0, ended_at: end.at, ended_reason: end.reason })
    .where('id', '=', id)
    .where('active', '=', 1)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
