/**
 * Use-cases of push-plan schedules (C4.5): store a schedule, and run the checkpoints that
 * are due — the server calls `runDueCheckpoints` on its timer, `gongwei plan run-checkpoints`
 * by hand. Each saved checkpoint is a snapshot, so the history of the plan is
 * `listSnapshots` (`gongwei plan history`).
 */
import type { Db } from '../../db/database.js';
import {
  checkpointDates,
  DEFAULT_CHECKPOINT_DAYS,
  periodRange,
  requireDate,
  requirePeriod,
  type DayCounting,
} from '../../domain/targets/calendar.js';
import { PlanInputError } from '../../domain/targets/plan-input-error.js';
import { localIsoDate } from '../bulletins/local-date.js';
import { getOrg } from '../orgs/org-repository.js';
import { runCheckpoint } from './org-push-plan.js';
import type { Actor } from './set-targets.js';
import {
  endPushPlanSchedule,
  getPushPlanSchedule,
  insertPushPlanSchedule,
  listPushPlanSchedules,
  recordPushPlanScheduleRun,
  snapshotExists,
  type PushPlanSchedule,
} from './targets-repository.js';

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
 * Stores an active schedule after checking it: a known org, a valid period, a deadline
 * after `today`, and no active schedule of the same org, period, deadline and day counting
 * (it would keep the same snapshots twice). Errors name the field.
 *
 * @example
 * await createPushPlanSchedule(db, { orgCode: '620881', period: '2020H1', deadline: '2020-06-30',
 *   days: 'working' }, { by: '县卫健局', at: new Date().toISOString() }, '2020-06-01')
 * // → { ...schedule, id: 1, next: '2020-06-10' }
 */
export async function createPushPlanSchedule(
  db: Db,
  request: PushPlanScheduleRequest,
  actor: Actor,
  today: string,
): Promise<PushPlanSchedule & { next: string | null }> {
  const range = requirePeriod(request.period, 'period');
  const deadline = requireDate(request.deadline, 'deadline');
  const holidays = (request.holidays ?? []).map((d, i) => requireDate(d, `holidays.${i}`));
  const workdays = (request.workdays ?? []).map((d, i) => requireDate(d, `workdays.${i}`));
  const org = await getOrg(db, request.orgCode);
  if (!org)
    throw new PlanInputError(
      { zh: `未知机构 ${request.orgCode}`, en: `unknown org ${request.orgCode}` },
      { column: 'org' },
    );
  if (deadline <= today) {
    throw new PlanInputError(
      {
        zh: `截止日期 ${deadline} 不晚于今天 ${today}，没有可运行的检查节点`,
        en: `deadline ${deadline} is not after today ${today}: no checkpoint is left`,
      },
      { column: 'deadline' },
    );
  }
  const same = (await listPushPlanSchedules(db, { orgCode: org.code, active: true })).find(
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
  const stored = (await getPushPlanSchedule(db, id))!;
  return { ...stored, next: nextCheckpoint(today, range.start, deadline, true) };
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
 * Runs, for each active schedule, the checkpoint of today when today is a checkpoint day
 * (the 10th, 20th and last day of the month) from the start of the schedule's period to
 * before its deadline, and it was not yet run that day; keeps the snapshot; deactivates
 * the schedules whose deadline has come (no day is left to push after it). A failing schedule records its one-line reason and does not stop the others;
 * it is tried again at the next checkpoint, not on every tick of the same day.
 * `today` defaults to the local date of `now` (a bureau's server runs on China time).
 *
 * @example
 * await runDueCheckpoints(db, new Date('2020-06-10T02:00:00Z'))
 * // → [{ scheduleId: 1, kind: 'saved', date: '2020-06-10', snapshotId: 7 }]
 */
export async function runDueCheckpoints(
  db: Db,
  now: Date,
  options: { today?: string } = {},
): Promise<CheckpointRun[]> {
  const today = options.today ?? localIsoDate(now);
  const at = now.toISOString();
  const runs: CheckpointRun[] = [];
  for (const s of await listPushPlanSchedules(db, { active: true })) {
    if (today >= s.deadline) {
      await endPushPlanSchedule(db, s.id, { at, reason: 'deadline' });
      runs.push({ scheduleId: s.id, kind: 'ended', date: today });
      continue;
    }
    // A period unknown here (not stored by createPushPlanSchedule) fails in runCheckpoint,
    // recorded like any other failure.
    const periodStart = periodRange(s.period)?.start ?? '';
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
