import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/database.js';
import { ORG_CODE_PATTERN } from '../../domain/orgs/division-codes.js';
import { requireDate } from '../../domain/targets/calendar.js';
import { checkPlanTable } from '../../domain/targets/plan-check.js';
import { PlanInputError } from '../../domain/targets/plan-input-error.js';
import { decomposePlan, decompositionPlanSchema } from '../../domain/targets/plan-decomposition.js';
import { computePushPlan, type PushPlan } from '../../domain/targets/push-plan.js';
import { POPULATION_BANDS } from '../../domain/targets/target-rule.js';
import { getOrg } from '../orgs/org-repository.js';
import { intervalFromEnv, repeatWhileUp } from '../../server/interval-job.js';
import { localIsoDate } from '../bulletins/local-date.js';
import { orgPushPlan, savePushPlan } from './org-push-plan.js';
import { progress } from './progress.js';
import { createPushPlanSchedule, runDueCheckpoints } from './run-push-plan-checkpoints.js';
import { pushPlanCsv, pushPlanDocx, pushPlanXlsx } from './push-plan-export.js';
import { setTargets } from './set-targets.js';
import { splitTarget } from './split-target.js';
import {
  endPushPlanSchedule,
  listPushPlanSchedules,
  listSnapshots,
  listTargets,
  readSnapshot,
  targetHistory,
  writeParameter,
} from './targets-repository.js';

const OrgCode = z.string().regex(ORG_CODE_PATTERN, 'org code has 6, 9 or 12 digits');
const Year = z.coerce.number().int().min(1949).max(2100);
const BodyYear = z.number().int().min(1949).max(2100);
const IsoDate = z.string().describe('date, 2020-06-30 (also 2020/6/30 or 2020年6月30日)');
const Actor = z.string().trim().min(1).max(100).describe('who makes the change (kept in the history)');
const Rate = z.number().min(0).max(1).describe('fraction: 0.8 for 80 %');
const Band = z.enum(POPULATION_BANDS);

const BaseSchema = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('population'), band: Band }),
    z.object({ kind: z.literal('expected'), band: Band, parameter: z.string().min(1) }),
    z.object({ kind: z.literal('count'), count: z.number().int().nonnegative() }),
  ])
  .describe('what the rate applies to: a population band, expected patients (band × parameter), or a count');

const MilestoneSchema = z.object({ due: z.string(), cumulative: z.number().int() });

const TargetSchema = z.object({
  orgCode: z.string(),
  orgName: z.string(),
  level: z.number(),
  indicator: z.string(),
  year: z.number(),
  base: BaseSchema,
  parameterValue: z.number().nullable(),
  baseValue: z.number(),
  rate: z.number(),
  target: z.number().int(),
  milestones: z.array(MilestoneSchema),
  responsibleUnit: z.string().nullable(),
  responsiblePerson: z.string().nullable(),
  source: z.enum(['set', 'split', 'default']),
  setBy: z.string(),
  setAt: z.string(),
});

const PushRowSchema = z.object({
  unit: z.string(),
  task: z.string(),
  target: z.number(),
  done: z.number(),
  remaining: z.number(),
  daysLeft: z.number(),
  perDay: z.number(),
  leader: z.string().nullable(),
  phone: z.string().nullable(),
  total: z.boolean(),
});

const PushPlanSchema = z.object({
  asOf: z.string(),
  deadline: z.string(),
  days: z.enum(['calendar', 'working']),
  daysLeft: z.number(),
  rows: z.array(PushRowSchema),
});

const Format = z.enum(['json', 'csv', 'xlsx', 'docx']).default('json');
const DateList = z.array(IsoDate).max(400).default([]);

async function sendPlan(
  reply: FastifyReply,
  plan: PushPlan,
  format: z.infer<typeof Format>,
  title: string,
  extra: object = {},
): Promise<unknown> {
  if (format === 'csv') return reply.type('text/csv; charset=utf-8').send(pushPlanCsv(plan));
  if (format === 'xlsx') {
    return reply
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', 'attachment; filename="push-plan.xlsx"')
      .send(await pushPlanXlsx(plan, { title }));
  }
  if (format === 'docx') {
    return reply
      .type('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
      .header('content-disposition', 'attachment; filename="push-plan.docx"')
      .send(await pushPlanDocx(plan, { title }));
  }
  return reply.send({ ...extra, ...plan });
}

function dates(list: readonly string[], field: string): string[] {
  return list.map((d, i) => requireDate(d, `${field}.${i}`));
}

/**
 * REST routes of targets (C4): set, list, history, parameters, downward split, decomposition
 * of a plan, progress; plan check, push plans (from rows or the database) and their snapshots.
 */
export async function registerTargetRoutes(app: FastifyInstance, db: Db): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['targets'];

  api.get(
    '/targets',
    {
      schema: {
        tags,
        summary: 'Targets of an org subtree | 任务列表',
        querystring: z.object({
          org: OrgCode,
          depth: z.coerce.number().int().min(0).max(4).default(0),
          year: Year.optional(),
          indicator: z.string().optional(),
        }),
        response: { 200: z.array(TargetSchema) },
      },
    },
    async (req) =>
      listTargets(db, {
        orgCode: req.query.org,
        depth: req.query.depth,
        ...(req.query.year !== undefined ? { year: req.query.year } : {}),
        ...(req.query.indicator ? { indicator: req.query.indicator } : {}),
      }),
  );

  api.put(
    '/targets',
    {
      schema: {
        tags,
        summary: 'Set targets: rate × base; missing rate/base from the urban/rural defaults | 设定任务',
        body: z.object({
          setBy: Actor,
          targets: z
            .array(
              z.object({
                orgCode: OrgCode,
                indicator: z.string().min(1),
                year: BodyYear,
                rate: Rate.nullable().optional(),
                base: BaseSchema.nullable().optional(),
                plan: z
                  .object({
                    share: z.number().gt(0).max(1),
                    due: z.array(z.string()).min(1),
                    curve: z.array(z.number().nonnegative()).min(1),
                  })
                  .nullable()
                  .optional(),
                responsibleUnit: z.string().max(200).nullable().optional(),
                responsiblePerson: z.string().max(100).nullable().optional(),
              }),
            )
            .min(1)
            .max(5000),
        }),
        response: {
          200: z.object({ inserted: z.number(), updated: z.number(), targets: z.array(TargetSchema) }),
        },
      },
    },
    async (req) => setTargets(db, req.body.targets, { by: req.body.setBy, at: new Date().toISOString() }),
  );

  api.get(
    '/targets/history',
    {
      schema: {
        tags,
        summary: 'Every change of the targets of an org | 任务变更记录',
        querystring: z.object({ org: OrgCode, indicator: z.string().optional(), year: Year.optional() }),
      },
    },
    async (req) =>
      targetHistory(db, {
        orgCode: req.query.org,
        ...(req.query.indicator ? { indicator: req.query.indicator } : {}),
        ...(req.query.year !== undefined ? { year: req.query.year } : {}),
      }),
  );

  api.put(
    '/targets/parameters',
    {
      schema: {
        tags,
        summary: 'Set a named parameter (e.g. hypertensionPrevalence) for an area and year | 设定参数',
        body: z.object({
          org: OrgCode,
          year: BodyYear,
          name: z.string().min(1).max(100),
          value: Rate,
          setBy: Actor,
        }),
      },
    },
    async (req) => {
      const b = req.body;
      if (!(await getOrg(db, b.org)))
        throw new PlanInputError({ zh: `未知机构 ${b.org}`, en: `unknown org ${b.org}` }, { column: 'org' });
      await db.kysely.transaction().execute((trx) =>
        writeParameter(trx, {
          orgCode: b.org,
          year: b.year,
          name: b.name,
          value: b.value,
          setBy: b.setBy,
          setAt: new Date().toISOString(),
        }),
      );
      return { org: b.org, year: b.year, name: b.name, value: b.value };
    },
  );

  api.post(
    '/targets/split',
    {
      schema: {
        tags,
        summary: 'Split a stored target over the children by their bases (largest remainder) | 任务向下分解',
        body: z.object({
          org: OrgCode,
          indicator: z.string().min(1),
          year: BodyYear,
          depth: z.number().int().min(1).max(4).default(1),
          setBy: Actor,
        }),
        response: { 200: z.array(TargetSchema) },
      },
    },
    async (req) =>
      splitTarget(
        db,
        { orgCode: req.body.org, indicator: req.body.indicator, year: req.body.year, depth: req.body.depth },
        { by: req.body.setBy, at: new Date().toISOString() },
      ),
  );

  api.post(
    '/targets/decompose',
    {
      schema: {
        tags,
        summary:
          'Decompose a plan (fixture shape: areas × indicators) into half-year and cumulative milestones | 任务分解',
        body: decompositionPlanSchema,
      },
    },
    async (req) => decomposePlan(req.body),
  );

  api.get(
    '/targets/progress',
    {
      schema: {
        tags,
        summary: 'Progress of the children of an org against the milestone due by the period end | 任务进度',
        querystring: z.object({ org: OrgCode, period: z.string().min(4) }),
        response: {
          200: z.array(
            z.object({
              org: z.string(),
              orgName: z.string(),
              indicator: z.string(),
              target: z.number(),
              milestone: z.number(),
              achieved: z.number(),
              gap: z.number(),
              completion: z.number().nullable(),
            }),
          ),
        },
      },
    },
    async (req) => progress(db, { orgCode: req.query.org, period: req.query.period }),
  );

  const planTags = ['plans'];

  api.post(
    '/plans/check',
    {
      schema: {
        tags: planTags,
        summary:
          'Check a hand-made decomposition table against the rule (layout of docs/targets.md) | 核对任务分解表',
        body: z.object({
          headers: z.array(z.string()).min(1).max(500),
          rows: z.array(z.array(z.union([z.string(), z.number(), z.null()])).max(500)).max(10_000),
          halfShare: z.number().gt(0).max(1).default(0.5),
        }),
      },
    },
    async (req) =>
      checkPlanTable(
        { headers: req.body.headers, rows: req.body.rows.map((cells, i) => ({ row: i + 2, cells })) },
        { halfShare: req.body.halfShare },
      ),
  );

  api.post(
    '/plans/push',
    {
      schema: {
        tags: planTags,
        summary: 'Push plan from rows: remaining work per day until the deadline | 攻坚计划',
        querystring: z.object({ format: Format, title: z.string().max(100).default('基本公共卫生服务') }),
        body: z.object({
          asOf: IsoDate,
          deadline: IsoDate,
          days: z.enum(['calendar', 'working']).default('calendar'),
          holidays: DateList,
          workdays: DateList,
          rows: z
            .array(
              z.object({
                unit: z.string().min(1).max(200),
                task: z.string().min(1).max(200),
                target: z.number().int().nonnegative().nullable().optional(),
                base: z.number().nonnegative().nullable().optional(),
                rate: Rate.nullable().optional(),
                done: z.number().int().nonnegative(),
                leader: z.string().max(100).nullable().optional(),
                phone: z.string().max(50).nullable().optional(),
              }),
            )
            .min(1)
            .max(10_000),
        }),
      },
    },
    async (req, reply) => {
      const b = req.body;
      const plan = computePushPlan(
        b.rows.map((r, i) => ({
          row: i + 1,
          unit: r.unit,
          task: r.task,
          target: r.target ?? null,
          base: r.base ?? null,
          rate: r.rate ?? null,
          done: r.done,
          leader: r.leader ?? null,
          phone: r.phone ?? null,
        })),
        {
          asOf: requireDate(b.asOf, 'asOf'),
          deadline: requireDate(b.deadline, 'deadline'),
          days: b.days,
          holidays: dates(b.holidays, 'holidays'),
          workdays: dates(b.workdays, 'workdays'),
        },
      );
      return sendPlan(reply, plan, req.query.format, req.query.title);
    },
  );

  const OrgPushQuery = z.object({
    org: OrgCode,
    period: z.string().min(4),
    asOf: IsoDate,
    deadline: IsoDate.optional(),
    days: z.enum(['calendar', 'working']).default('calendar'),
    holidays: z.string().optional().describe('comma-separated dates'),
    format: Format,
  });

  api.get(
    '/plans/push',
    {
      schema: {
        tags: planTags,
        summary:
          'Push plan of the children of an org: stored targets, done from the indicator engine | 攻坚计划（数据库）',
        querystring: OrgPushQuery,
      },
    },
    async (req, reply) => {
      const q = req.query;
      const computed = await orgPushPlan(db, {
        orgCode: q.org,
        period: q.period,
        asOf: requireDate(q.asOf, 'asOf'),
        ...(q.deadline ? { deadline: requireDate(q.deadline, 'deadline') } : {}),
        days: q.days,
        holidays: dates(q.holidays ? q.holidays.split(',').filter((d) => d.trim() !== '') : [], 'holidays'),
      });
      return sendPlan(reply, computed.plan, q.format, `${computed.orgName}基本公共卫生服务`, {
        org: computed.orgCode,
        orgName: computed.orgName,
        period: computed.period,
        doneAsOf: computed.doneAsOf,
      });
    },
  );

  api.post(
    '/plans/push/snapshots',
    {
      schema: {
        tags: planTags,
        summary: 'Compute the push plan of an org and keep it in the history (a checkpoint) | 保存攻坚计划',
        body: z.object({
          org: OrgCode,
          period: z.string().min(4),
          asOf: IsoDate,
          deadline: IsoDate.optional(),
          days: z.enum(['calendar', 'working']).default('calendar'),
          holidays: DateList,
          workdays: DateList,
          createdBy: Actor,
        }),
      },
    },
    async (req) => {
      const b = req.body;
      const saved = await savePushPlan(
        db,
        {
          orgCode: b.org,
          period: b.period,
          asOf: requireDate(b.asOf, 'asOf'),
          ...(b.deadline ? { deadline: requireDate(b.deadline, 'deadline') } : {}),
          days: b.days,
          holidays: dates(b.holidays, 'holidays'),
          workdays: dates(b.workdays, 'workdays'),
        },
        { by: b.createdBy, at: new Date().toISOString() },
      );
      return {
        snapshotId: saved.snapshotId,
        doneAsOf: saved.doneAsOf,
        plan: PushPlanSchema.parse(saved.plan),
      };
    },
  );

  api.get(
    '/plans/push/snapshots',
    {
      schema: {
        tags: planTags,
        summary: 'Push-plan snapshots of an org, oldest first | 攻坚计划历史',
        querystring: z.object({ org: OrgCode, period: z.string().optional() }),
      },
    },
    async (req) =>
      listSnapshots(db, {
        orgCode: req.query.org,
        ...(req.query.period ? { period: req.query.period } : {}),
      }),
  );

  api.get(
    '/plans/push/snapshots/:id',
    {
      schema: {
        tags: planTags,
        summary: 'One push-plan snapshot with its rows | 攻坚计划快照',
        params: z.object({ id: z.coerce.number().int().positive() }),
      },
    },
    async (req, reply) => {
      const found = await readSnapshot(db, req.params.id);
      if (!found) return reply.status(404).send({ error: 'not_found', message: '未找到 not found' });
      return found;
    },
  );

  const ScheduleSchema = z.object({
    id: z.number().int(),
    orgCode: z.string(),
    period: z.string(),
    deadline: z.string(),
    days: z.enum(['calendar', 'working']),
    holidays: z.array(z.string()),
    workdays: z.array(z.string()),
    active: z.boolean(),
    createdBy: z.string(),
    createdAt: z.string(),
    lastRunOn: z.string().nullable().describe('checkpoint day of the last run'),
    lastRunAt: z.string().nullable(),
    lastSnapshotId: z.number().int().nullable(),
    lastError: z.string().nullable().describe('why the last run failed; null when it succeeded'),
    endedAt: z.string().nullable(),
    endedReason: z.enum(['deadline', 'unscheduled']).nullable(),
  });
  const ErrorSchema = z.object({ error: z.string(), message: z.string() });

  api.post(
    '/push-plan-schedules',
    {
      schema: {
        tags: planTags,
        summary:
          'Re-compute the push plan of an org at every checkpoint (10th, 20th, last day) until the deadline | 攻坚计划定时',
        body: z.object({
          org: OrgCode,
          period: z.string().min(4).max(12).describe("period of the targets, e.g. '2020H1'"),
          deadline: IsoDate,
          days: z.enum(['calendar', 'working']).default('calendar'),
          holidays: DateList,
          workdays: DateList,
          createdBy: Actor,
        }),
        response: {
          201: ScheduleSchema.extend({ next: z.string().nullable().describe('next checkpoint') }),
          400: ErrorSchema,
        },
      },
    },
    async (req, reply) => {
      const b = req.body;
      const now = new Date();
      const created = await createPushPlanSchedule(
        db,
        {
          orgCode: b.org,
          period: b.period,
          deadline: b.deadline,
          days: b.days,
          holidays: b.holidays,
          workdays: b.workdays,
        },
        { by: b.createdBy, at: now.toISOString() },
        localIsoDate(now),
      );
      return reply.status(201).send(created);
    },
  );

  api.get(
    '/push-plan-schedules',
    {
      schema: {
        tags: planTags,
        summary: 'Push-plan schedules, oldest first | 攻坚计划定时任务',
        querystring: z.object({
          org: OrgCode.optional().describe('only schedules of this org and its subtree'),
          active: z.enum(['true', 'false']).optional().describe('true: only the active ones'),
        }),
        response: { 200: z.array(ScheduleSchema) },
      },
    },
    async (req) =>
      listPushPlanSchedules(db, {
        ...(req.query.org ? { orgCode: req.query.org } : {}),
        active: req.query.active === 'true',
      }),
  );

  api.delete(
    '/push-plan-schedules/:id',
    {
      schema: {
        tags: planTags,
        summary: 'Stop a push-plan schedule (its snapshots are kept) | 停止攻坚计划定时',
        params: z.object({ id: z.coerce.number().int().positive() }),
        response: { 204: z.null(), 404: ErrorSchema },
      },
    },
    async (req, reply) => {
      const ended = await endPushPlanSchedule(db, req.params.id, {
        at: new Date().toISOString(),
        reason: 'unscheduled',
      });
      if (!ended)
        return reply.status(404).send({
          error: 'not_found',
          message: `没有该运行中的定时任务 no active schedule #${req.params.id}`,
        });
      return reply.status(204).send(null);
    },
  );

  api.post(
    '/push-plan-schedules/run',
    {
      schema: {
        tags: planTags,
        summary: 'Run the checkpoints due today (what the server timer does) | 运行攻坚计划节点',
        body: z
          .object({ asOf: IsoDate.optional().describe('run as if today were this day (default: today)') })
          .default({}),
        response: {
          200: z.array(
            z.object({
              scheduleId: z.number().int(),
              kind: z.enum(['saved', 'failed', 'already_run', 'not_a_checkpoint', 'ended']),
              date: z.string(),
              snapshotId: z.number().int().optional(),
              error: z.string().optional(),
              next: z.string().nullable().optional(),
            }),
          ),
          400: ErrorSchema,
        },
      },
    },
    async (req) => {
      const asOf = req.body.asOf;
      return runDueCheckpoints(db, new Date(), asOf ? { today: requireDate(asOf, 'asOf') } : {});
    },
  );

  // Milliseconds between checkpoint runs: GONGWEI_PUSH_PLAN_SCHEDULER_MS, 'off' disables.
  repeatWhileUp(app, intervalFromEnv('GONGWEI_PUSH_PLAN_SCHEDULER_MS'), 'push-plan checkpoints', async () => {
    for (const r of await runDueCheckpoints(db, new Date())) {
      if (r.kind === 'saved' || r.kind === 'failed' || r.kind === 'ended')
        app.log.info(
          {
            schedule: r.scheduleId,
            kind: r.kind,
            date: r.date,
            ...(r.kind === 'saved' ? { snapshot: r.snapshotId } : {}),
            ...(r.kind === 'failed' ? { error: r.error } : {}),
          },
          'push-plan checkpoint ran',
        );
    }
  });
}
