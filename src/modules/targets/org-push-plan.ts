/**
 * Use-case: the push plan of an org's children from the database — targets stored for the
 * period's year (the milestone due by the deadline), done counted by the indicator engine —
 * and its checkpoints: re-computed on the 10th, 20th and last day of each month by default,
 * each run kept as a snapshot (the history of the plan).
 */
import type { Db } from '../../db/database.js';
import { findIndicator } from '../../domain/indicators/catalogue.js';
import {
  checkpointDates,
  DEFAULT_CHECKPOINT_DAYS,
  periodEndingBy,
  requirePeriod,
  type CheckpointDay,
  type DayCounting,
} from '../../domain/targets/calendar.js';
import { milestoneDueBy } from '../../domain/targets/milestones.js';
import { PlanInputError } from '../../domain/targets/plan-input-error.js';
import { computePushPlan, type PushPlan, type PushPlanInput } from '../../domain/targets/push-plan.js';
import { computeIndicatorValues } from '../indicators/indicator-values.js';
import { listChildren } from '../orgs/org-repository.js';
import type { OrgScope } from '../orgs/org-scope.js';
import { writeSnapshot, type SnapshotRow } from './push-plan-snapshots-repository.js';
import type { Actor } from './set-targets.js';
import { levelsDown, orgToRead, orgToWrite } from './target-scope.js';
import { listTargets } from './targets-repository.js';

/** What to plan. */
export interface OrgPushPlanRequest {
  orgCode: string;
  /** Period whose targets are pushed; the deadline defaults to its end. */
  period: string;
  asOf: string;
  deadline?: string;
  days: DayCounting;
  holidays?: readonly string[];
  workdays?: readonly string[];
}

/** A push plan computed from the database. */
export interface OrgPushPlan {
  orgCode: string;
  orgName: string;
  period: string;
  /** Done is counted up to this day: the last 旬 end on or before the as-of date. */
  doneAsOf: string;
  plan: PushPlan;
  rows: SnapshotRow[];
}

/**
 * The push plan of the children of an org (of the org itself when it has none), from the
 * targets within `scope` (the caller's).
 *
 * @example
 * await orgPushPlan(db, OPERATOR_SCOPE, { orgCode: '620881', period: '2020H1', asOf: '2020-06-10', days: 'working' })
 */
export async function orgPushPlan(
  db: Db,
  callerScope: OrgScope,
  request: OrgPushPlanRequest,
): Promise<OrgPushPlan> {
  const range = requirePeriod(request.period, 'period');
  const { org, scope } = await orgToRead(db, callerScope, request.orgCode);
  const deadline = request.deadline ?? range.end;
  const children = await listChildren(db, scope, org.code);
  const units = children.length > 0 ? children : [org];
  const unitCodes = new Set(units.map((u) => u.code));
  const targets = (await listTargets(db, scope, { maxLevel: levelsDown(org, 2), year: range.year })).filter(
    (t) => unitCodes.has(t.orgCode),
  );
  if (targets.length === 0) {
    throw new PlanInputError(
      {
        zh: `${org.name}的下级没有${range.year}年任务，请先设定或分解`,
        en: `no ${range.year} targets for the units of ${org.code}`,
      },
      { column: 'org' },
    );
  }
  const counted = periodEndingBy(request.asOf);
  const ids = [...new Set(targets.map((t) => t.indicator))];
  const values = await computeIndicatorValues(db, scope, {
    orgCode: org.code,
    period: counted.period,
    depth: children.length > 0 ? 1 : 0,
    ids,
  });
  const done = new Map(values.map((v) => [`${v.org}|${v.indicator}`, v.numerator]));
  const byCode = new Map(units.map((u) => [u.code, u]));
  const taskName = (id: string): string => findIndicator(id)?.name.zh ?? id;
  const inputs: PushPlanInput[] = targets
    .sort((a, b) =>
      a.indicator === b.indicator ? (a.orgCode < b.orgCode ? -1 : 1) : a.indicator < b.indicator ? -1 : 1,
    )
    .map((t, i) => {
      const unit = byCode.get(t.orgCode);
      return {
        row: i + 1,
        unit: t.orgName,
        task: taskName(t.indicator),
        target: milestoneDueBy(t.milestones, deadline),
        base: null,
        rate: null,
        done: done.get(`${t.orgCode}|${t.indicator}`) ?? 0,
        leader: unit?.responsiblePerson ?? t.responsiblePerson,
        phone: unit?.contactPhone ?? null,
      };
    });
  const plan = computePushPlan(inputs, {
    asOf: request.asOf,
    deadline,
    days: request.days,
    holidays: request.holidays ?? [],
    workdays: request.workdays ?? [],
  });
  const idOfTask = new Map(targets.map((t) => [taskName(t.indicator), t.indicator]));
  // Targets are sorted by indicator, so the plan's unit rows come in the targets' order
  // (only total rows are added): the n-th unit row is the n-th target, even if two units
  // share a name.
  let next = 0;
  const rows: SnapshotRow[] = plan.rows.map((r) => ({
    ...r,
    unitCode: r.total ? null : (targets[next++]?.orgCode ?? null),
    taskName: r.task,
    task: idOfTask.get(r.task) ?? r.task,
  }));
  return { orgCode: org.code, orgName: org.name, period: request.period, doneAsOf: counted.end, plan, rows };
}

/**
 * Computes the push plan and keeps it as a snapshot (replacing an earlier run of the same
 * org, period, as-of date, deadline and day counting). Returns the snapshot id with the plan.
 * An org outside `scope` (the caller's) is refused (403); `actor.by` is the caller's name.
 */
export async function savePushPlan(
  db: Db,
  scope: OrgScope,
  request: OrgPushPlanRequest,
  actor: Actor,
): Promise<OrgPushPlan & { snapshotId: number }> {
  // Keeping a snapshot writes for the org: refused (403) before anything is computed when
  // the org is not the caller's own.
  const org = await orgToWrite(db, scope, request.orgCode);
  const computed = await orgPushPlan(db, scope, request);
  const snapshotId = await db.kysely.transaction().execute((trx) =>
    writeSnapshot(
      trx,
      {
        orgCode: computed.orgCode,
        countyCode: org.countyCode,
        period: computed.period,
        asOf: computed.plan.asOf,
        doneAsOf: computed.doneAsOf,
        deadline: computed.plan.deadline,
        days: computed.plan.days,
        daysLeft: computed.plan.daysLeft,
        createdBy: actor.by,
        createdAt: actor.at,
      },
      computed.rows,
    ),
  );
  return { ...computed, snapshotId };
}

/** What a checkpoint run did. */
export type CheckpointResult =
  | { kind: 'saved'; date: string; snapshotId: number; plan: OrgPushPlan }
  | { kind: 'not_a_checkpoint'; date: string; next: string | null };

/**
 * Runs the checkpoint of `request.asOf`: when that day is a checkpoint (10th, 20th, last
 * day of the month by default) before the deadline, computes and keeps the push plan;
 * otherwise says when the next checkpoint is. Meant to be run daily by a scheduler.
 *
 * @example
 * await runCheckpoint(db, OPERATOR_SCOPE, { orgCode: '620881', period: '2020H1', asOf: '2020-06-10', days: 'calendar' }, actor)
 * // → { kind: 'saved', date: '2020-06-10', snapshotId: 3, plan: … }
 */
export async function runCheckpoint(
  db: Db,
  scope: OrgScope,
  request: OrgPushPlanRequest,
  actor: Actor,
  days: readonly CheckpointDay[] = DEFAULT_CHECKPOINT_DAYS,
): Promise<CheckpointResult> {
  const range = requirePeriod(request.period, 'period');
  const deadline = request.deadline ?? range.end;
  if (!checkpointDates(request.asOf, request.asOf, days).includes(request.asOf) || request.asOf >= deadline) {
    const next =
      checkpointDates(request.asOf, deadline, days).find((d) => d > request.asOf && d < deadline) ?? null;
    return { kind: 'not_a_checkpoint', date: request.asOf, next };
  }
  const saved = await savePushPlan(db, scope, { ...request, deadline }, actor);
  return { kind: 'saved', date: request.asOf, snapshotId: saved.snapshotId, plan: saved };
}
