/**
 * Storage of push-plan schedules (`push_plan_schedules`, migration 006): the push plan of an
 * org to re-compute at every checkpoint until a deadline, with its last run.
 */
import type { Selectable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { DayCounting } from '../../domain/targets/calendar.js';
import type { OrgScope } from '../orgs/org-scope.js';
import { targetsHandle as handle, type TargetTables } from './target-tables.js';
import { orgCodesInScope } from './targets-repository.js';

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

/** One push-plan schedule; null when there is none with that id in `scope`. */
export async function getPushPlanSchedule(
  db: Db,
  scope: OrgScope,
  id: number,
): Promise<PushPlanSchedule | null> {
  const h = handle(db);
  const row = await h
    .selectFrom('push_plan_schedules')
    .selectAll()
    .where('id', '=', id)
    .where('org_code', 'in', orgCodesInScope(h, scope))
    .executeTakeFirst();
  return row ? toSchedule(row) : null;
}

/**
 * Push-plan schedules of the orgs in `scope`, oldest first; only the active ones when
 * `active` is true.
 *
 * @example
 * await listPushPlanSchedules(db, scope, { active: true }) // what the checkpoint runner works through
 */
export async function listPushPlanSchedules(
  db: Db,
  scope: OrgScope,
  query: { active?: boolean } = {},
): Promise<PushPlanSchedule[]> {
  const h = handle(db);
  let q = h
    .selectFrom('push_plan_schedules as s')
    .selectAll('s')
    .where('s.org_code', 'in', orgCodesInScope(h, scope));
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

/** Stops an active schedule; false when there is no active schedule with that id in `scope`. */
export async function endPushPlanSchedule(
  db: Db,
  scope: OrgScope,
  id: number,
  end: { at: string; reason: ScheduleEndReason },
): Promise<boolean> {
  const h = handle(db);
  const result = await h
    .updateTable('push_plan_schedules')
    .set({ active: 0, ended_at: end.at, ended_reason: end.reason })
    .where('id', '=', id)
    .where('active', '=', 1)
    .where('org_code', 'in', orgCodesInScope(h, scope))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
