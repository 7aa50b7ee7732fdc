/**
 * Storage of push-plan snapshots: a push plan as computed at a checkpoint, with its rows in
 * their order (`push_plan_snapshots`, `push_plan_rows`), the history of a push plan.
 */
import type { Kysely, Selectable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { Database } from '../../db/schema.js';
import { chunks, rowsPerStatement } from '../../db/statement-chunks.js';
import type { DayCounting } from '../../domain/targets/calendar.js';
import type { PushPlanRow } from '../../domain/targets/push-plan.js';
import type { OrgScope } from '../orgs/org-scope.js';
import { targetsHandle as handle, type TargetTables } from './target-tables.js';
import { orgCodesInScope } from './targets-repository.js';

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

// Bound parameters of one push_plan_rows row.
const ROW_COLUMNS = 14;

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
  let position = 0;
  for (const part of chunks(rows, rowsPerStatement(ROW_COLUMNS))) {
    await h
      .insertInto('push_plan_rows')
      .values(
        part.map((r) => ({
          snapshot_id: id,
          position: position++,
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

/**
 * Snapshots of an org (optionally one period), oldest as-of first: the history of a push
 * plan. None when the org lies outside `scope`.
 */
export async function listSnapshots(
  db: Db,
  scope: OrgScope,
  query: { orgCode: string; period?: string },
): Promise<PushPlanSnapshot[]> {
  const h = handle(db);
  let q = h
    .selectFrom('push_plan_snapshots')
    .selectAll()
    .where('org_code', '=', query.orgCode)
    .where('org_code', 'in', orgCodesInScope(h, scope));
  if (query.period !== undefined) q = q.where('period', '=', query.period);
  const rows = await q.orderBy('as_of').orderBy('id').execute();
  return rows.map(toSnapshot);
}

/** One snapshot with its rows in their order; null when there is none with that id in `scope`. */
export async function readSnapshot(
  db: Db,
  scope: OrgScope,
  id: number,
): Promise<{ snapshot: PushPlanSnapshot; rows: SnapshotRow[] } | null> {
  const h = handle(db);
  const row = await h
    .selectFrom('push_plan_snapshots')
    .selectAll()
    .where('id', '=', id)
    .where('org_code', 'in', orgCodesInScope(h, scope))
    .executeTakeFirst();
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
