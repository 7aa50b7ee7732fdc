/**
 * Use-cases of push-plan schedules (C4.5): store a schedule, stop it, and run the
 * checkpoints that are due — the server's background jobs call `runDueCheckpoints` on a
 * timer (logging each run with `checkpointRunLog`), `gongwei plan run-checkpoints` and
 * `POST /api/push-plan-schedules/run` by hand. Each saved checkpoint is a snapshot, so the
 * history of the plan is `listSnapshots` (`gongwei plan history`).
 */
import type { Db } from '../../db/database.js';
import { GongweiError } from '../../domain/gongwei-error.js';
import { periodOrNull } from '../../domain/periods/period.js';
import {
  checkpointDates,
  DEFAULT_CHECKPOINT_DAYS,
  requireDate,
  requirePeriod,
  type DayCounting,
} from '../../domain/targets/calendar.js';
import { PlanInputError } from '../../domain/targets/plan-input-error.js';
import { localIsoDate } from '../bulletins/local-date.js';
import { narrowScope, type OrgScope } from '../orgs/org-scope.js';
import { runCheckpoint } from './org-push-plan.js';
import {
  endPushPlanSchedule,
  getPushPlanSchedule,
  insertPushPlanSchedule,
  listPushPlanSchedules,
  recordPushPlanScheduleRun,
  type PushPlanSchedule,
} from './push-plan-schedules-repository.js';
import { snapshotExists } from './push-plan-snapshots-repository.js';
import type { Actor } from './set-targets.js';
import { orgToWrite } from './target-scope.js';

/** What to schedule: the push plan of an org's children for a period, until a deadline. */
export interface PushPlanScheduleRequest {
  orgCode: string;
  period: string;
  /** ISO date; must be after today. */
  deadline: string;
  days: DayCounting;
  holidays?: readonly string[];
  workdays?: readonly string[];
}

/**
 * Stores an active schedule after checking it: a known org within `scope` (the caller's), a
 * valid period, a deadline after `today`, and no active schedule of the same org, period,
 * deadline and day counting (it would keep the same snapshots twice). Errors name the field.
 *
 * @example
 * await createPushPlanSchedule(db, OPERATOR_SCOPE, { orgCode: '620881', period: '2020H1', deadline: '2020-06-30',
 *   days: 'working' }, { by: '县卫健局', at: new Date().toISOString() }, '2020-06-01')
 * // → { ...schedule, id: 1, next: '2020-06-10' }
 */
export async function createPushPlanSchedule(
  db: Db,
  scope: OrgScope,
  request: PushPlanScheduleRequest,
  actor: Actor,
  today: string,
): Promise<PushPlanSchedule & { next: string | null }> {
  const range = requirePeriod(request.period, 'period');
  const deadline = requireDate(request.deadline, 'deadline');
  const holidays = (request.holidays ?? []).map((d, i) => requireDate(d, `holidays.${i}`));
  const workdays = (request.workdays ?? []).map((d, i) => requireDate(d, `workdays.${i}`));
  const org = await orgToWrite(db, scope, request.orgCode);
  if (deadline <= today) {
    throw new PlanInputError(
      {
        zh: `截止日期 ${deadline} 不晚于今天 ${today}，没有可运行的检查节点`,
        en: `deadline ${deadline} is not after today ${today}: no checkpoint is left`,
      },
      { column: 'deadline' },
    );
  }
  const same = (await listPushPlanSchedules(db, narrowScope(scope, org), { active: true })).find(
    (s) =>
      s.orgCode === org.code &&
      s.period === request.period &&
      s.deadline === deadline &&
      s.days === request.days,
  );
  if (same) {
    throw new PlanInputError(
      {
        zh: `已有相同的攻坚计划定时任务 #${same.id}`,
        en: `schedule #${same.id} already runs this org, period, deadline and day counting`,
      },
      { column: 'org' },
    );
  }
  const id = await insertPushPlanSchedule(db, {
    orgCode: org.code,
    countyCode: org.countyCode,
    period: request.period,
    deadline,
    days: request.days,
    holidays,
    workdays,
    createdBy: actor.by,
    createdAt: actor.at,
  });
  const stored = (await getPushPlanSchedule(db, scope, id))!;
  return { ...stored, next: nextCheckpoint(today, range.start, deadline, true) };
}

/**
 * Stops an active schedule of an org within `scope`; its snapshots are kept. A schedule
 * that is not active (or not within the scope) is a `not_found` (404) naming `idField`.
 *
 * @param idField how the request named the schedule, for the error (`id`)
 * @example
 * await stopPushPlanSchedule(db, OPERATOR_SCOPE, 3, new Date().toISOString())
 */
export async function stopPushPlanSchedule(
  db: Db,
  scope: OrgScope,
  id: number,
  at: string,
  idField = 'id',
): Promise<void> {
  if (!(await endPushPlanSchedule(db, scope, id, { at, reason: 'unscheduled' })))
    throw GongweiError.notFound(
      { zh: `没有该运行中的定时任务 #${id}`, en: `no active schedule #${id}` },
      idField,
    );
}

/**
 * The next checkpoint on or after (or strictly after) `from`, not before the period starts
 * (done is counted from 1 January of the period's year) and before the deadline.
 */
function nextCheckpoint(
  from: string,
  periodStart: string,
  deadline: string,
  inclusive: boolean,
): string | null {
  const start = from > periodStart ? from : periodStart;
  return (
    checkpointDates(start, deadline, DEFAULT_CHECKPOINT_DAYS).find(
      (d) => (inclusive || d > from) && d >= start && d < deadline,
    ) ?? null
  );
}

/** What `runDueCheckpoints` did with one active schedule. */
export type CheckpointRun =
  | { scheduleId: number; kind: 'saved'; date: string; snapshotId: number }
  | { scheduleId: number; kind: 'failed'; date: string; error: string }
  /** Already run (or a snapshot of that day already kept): nothing done. */
  | { scheduleId: number; kind: 'already_run'; date: string }
  | { scheduleId: number; kind: 'not_a_checkpoint'; date: string; next: string | null }
  /** The deadline came: the schedule was deactivated. */
  | { scheduleId: number; kind: 'ended'; date: string };

/**
 * Runs, for each active schedule within `scope`, the checkpoint of today when today is a
 * checkpoint day (the 10th, 20th and last day of the month) from the start of the
 * schedule's period to before its deadline, and it was not yet run that day; keeps the
 * snapshot; deactivates the schedules whose deadline has come (no day is left to push after
 * it). A failing schedule records its one-line reason and does not stop the others; it is
 * tried again at the next checkpoint, not on every tick of the same day. `today` defaults
 * to the local date of `now` (a bureau's server runs on China time).
 *
 * The server's timer runs it over the whole tree (`WHOLE_TREE`, from the composition root).
 *
 * @example
 * await runDueCheckpoints(db, WHOLE_TREE, new Date('2020-06-10T02:00:00Z'))
 * // → [{ scheduleId: 1, kind: 'saved', date: '2020-06-10', snapshotId: 7 }]
 */
export async function runDueCheckpoints(
  db: Db,
  scope: OrgScope,
  now: Date,
  options: { today?: string } = {},
): Promise<CheckpointRun[]> {
  const today = options.today ?? localIsoDate(now);
  const at = now.toISOString();
  const runs: CheckpointRun[] = [];
  for (const s of await listPushPlanSchedules(db, scope, { active: true })) {
    if (today >= s.deadline) {
      await endPushPlanSchedule(db, scope, s.id, { at, reason: 'deadline' });
      runs.push({ scheduleId: s.id, kind: 'ended', date: today });
      continue;
    }
    // A period unknown here (not stored by createPushPlanSchedule) fails in runCheckpoint,
    // recorded like any other failure.
    const periodStart = periodOrNull(s.period)?.start ?? '';
    if (today < periodStart || !checkpointDates(today, today, DEFAULT_CHECKPOINT_DAYS).includes(today)) {
      runs.push({
        scheduleId: s.id,
        kind: 'not_a_checkpoint',
        date: today,
        next: nextCheckpoint(today, periodStart, s.deadline, false),
      });
      continue;
    }
    const key = { orgCode: s.orgCode, period: s.period, asOf: today, deadline: s.deadline, days: s.days };
    if (s.lastRunOn === today || (await snapshotExists(db, key))) {
      runs.push({ scheduleId: s.id, kind: 'already_run', date: today });
      continue;
    }
    try {
      const result = await runCheckpoint(
        db,
        scope,
        { ...key, holidays: s.holidays, workdays: s.workdays },
        { by: `定时任务 schedule #${s.id}`, at },
      );
      if (result.kind === 'saved') {
        await recordPushPlanScheduleRun(db, s.id, {
          on: today,
          at,
          snapshotId: result.snapshotId,
          error: null,
        });
        runs.push({ scheduleId: s.id, kind: 'saved', date: today, snapshotId: result.snapshotId });
      } else {
        runs.push({ scheduleId: s.id, kind: 'not_a_checkpoint', date: today, next: result.next });
      }
    } catch (e) {
      const error = (e instanceof Error ? e.message : String(e)).split('\n')[0]!;
      await recordPushPlanScheduleRun(db, s.id, { on: today, at, snapshotId: null, error });
      runs.push({ scheduleId: s.id, kind: 'failed', date: today, error });
    }
  }
  return runs;
}

/** The message of the log line of a checkpoint run that did something. */
export const CHECKPOINT_RUN_MESSAGE = 'push-plan checkpoint ran';

/**
 * The fields of the log line of a checkpoint run — `schedule`, `kind`, `date`, and
 * `snapshot` (saved) or `error` (failed) — or null for a run that did nothing worth a line
 * (already run, not a checkpoint). The error is the one-line reason, never personal data.
 *
 * @example
 * for (const run of await runDueCheckpoints(db, WHOLE_TREE, new Date())) {
 *   const fields = checkpointRunLog(run);
 *   if (fields) app.log.info(fields, CHECKPOINT_RUN_MESSAGE);
 * }
 */
export function checkpointRunLog(run: CheckpointRun): Record<string, string | number> | null {
  if (run.kind !== 'saved' && run.kind !== 'failed' && run.kind !== 'ended') return null;
  return {
    schedule: run.scheduleId,
    kind: run.kind,
    date: run.date,
    ...(run.kind === 'saved' ? { snapshot: run.snapshotId } : {}),
    ...(run.kind === 'failed' ? { error: run.error } : {}),
  };
}
