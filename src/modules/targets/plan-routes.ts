/**
 * REST routes of plans (C4): the check of a hand-made decomposition table, push plans (from
 * rows or from the database) and their snapshots, and push-plan schedules. Translation
 * only: each route reads the request, calls one use-case with the caller's scope and
 * answers; errors are thrown and answered by src/server/error-reply.ts.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/database.js';
import { GongweiError } from '../../domain/gongwei-error.js';
import { requireDate } from '../../domain/targets/calendar.js';
import { checkPlanTable } from '../../domain/targets/plan-check.js';
import { computePushPlan, type PushPlan } from '../../domain/targets/push-plan.js';
import { disclosureFor, maskPhone } from '../../domain/privacy/masking.js';
import { noteAccess } from '../../server/access-notes.js';
import { callerOf, callerScope } from '../../server/caller-scope.js';
import { ErrorSchema } from '../../server/error-reply.js';
import { jsonOrFileAnswer } from '../../server/file-answers.js';
import { localIsoDate } from '../bulletins/local-date.js';
import { orgPushPlan, savePushPlan } from './org-push-plan.js';
import { pushPlanCsv, pushPlanDocx, pushPlanXlsx } from './push-plan-export.js';
import { readSnapshot } from './push-plan-snapshots-repository.js';
import {
  BY_THE_CALLER,
  CheckpointRunSchema,
  DayCountingFields,
  DayCountingSchema,
  Format,
  IsoDate,
  OrgCode,
  OrgPushPlanSchema,
  PeriodText,
  PlanCheckReportSchema,
  PushPlanSchema,
  Rate,
  ScheduleSchema,
  SnapshotRowSchema,
  SnapshotSchema,
} from './route-schemas.js';
import {
  createPushPlanSchedule,
  runDueCheckpoints,
  stopPushPlanSchedule,
} from './run-push-plan-checkpoints.js';
import { schedulesOfSubtree, snapshotsOfOrg } from './subtree-lists.js';

/**
 * The rows of a push plan with the phones of the units' responsible persons as the caller
 * may see them (src/domain/privacy/masking.ts): a plan lists many persons, so JSON answers
 * mask them for every role; a file (csv, xlsx, docx) is an export, in full only for a role
 * with personal.export, and then written to the access trail with its row count.
 */
function disclosedRows<R extends { readonly phone: string | null }>(
  request: FastifyRequest,
  rows: readonly R[],
  view: 'list' | 'export',
  orgCode: string | null,
): R[] {
  if (disclosureFor(callerOf(request).permissions, { view }) === 'full') {
    if (rows.some((r) => r.phone !== null))
      noteAccess(request, {
        action: 'push-plan.export',
        objectType: 'push-plan',
        ...(orgCode === null ? {} : { objectId: orgCode, orgCode }),
        rowCount: rows.length,
      });
    return [...rows];
  }
  return rows.map((r) => (r.phone === null ? r : { ...r, phone: maskPhone(r.phone) }));
}

// JSON answers follow the schema; csv, xlsx and docx are sent as they are (a string or a
// buffer is never run through the serializer). The answer is sent here: the route returns
// nothing.
async function sendPlan(
  request: FastifyRequest,
  reply: FastifyReply,
  computed: PushPlan,
  format: z.infer<typeof Format>,
  title: string,
  extra: { readonly org?: string; readonly [field: string]: unknown } = {},
): Promise<FastifyReply> {
  const view = format === 'json' ? 'list' : 'export';
  const plan = { ...computed, rows: disclosedRows(request, computed.rows, view, extra.org ?? null) };
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

const FORMAT_NOTE = 'format=json; csv, xlsx and docx answer the file';
/** The files a push plan may be answered as (`format`). */
const PLAN_FILES = ['csv', 'xlsx', 'docx'] as const;

/**
 * Adds the `/plans…` and `/push-plan-schedules…` routes to `app`.
 *
 * @example
 * await app.register(async (api) => registerPlanRoutes(api, db), { prefix: '/api' });
 */
export async function registerPlanRoutes(app: FastifyInstance, db: Db): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['plans'];

  // The check and the push plan from rows compute over the body and store nothing: reads
  // of aggregates, like the push plan from the database below.
  api.post(
    '/plans/check',
    {
      config: { access: 'aggregates.read' },
      schema: {
        tags,
        summary:
          'Check a hand-made decomposition table against the rule (layout of docs/targets.md) | 核对任务分解表',
        body: z.object({
          headers: z.array(z.string()).min(1).max(500),
          rows: z.array(z.array(z.union([z.string(), z.number(), z.null()])).max(500)).max(10_000),
          halfShare: z.number().gt(0).max(1).default(0.5),
        }),
        response: { 200: PlanCheckReportSchema, 400: ErrorSchema },
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
      config: { access: 'aggregates.read' },
      schema: {
        tags,
        summary: 'Push plan from rows: remaining work per day until the deadline | 攻坚计划',
        querystring: z.object({ format: Format, title: z.string().max(100).default('基本公共卫生服务') }),
        body: z.object({
          asOf: IsoDate,
          deadline: IsoDate,
          ...DayCountingFields,
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
        response: { 200: jsonOrFileAnswer(PushPlanSchema, PLAN_FILES, FORMAT_NOTE), 400: ErrorSchema },
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
      await sendPlan(req, reply, plan, req.query.format, req.query.title);
    },
  );

  api.get(
    '/plans/push',
    {
      config: { access: 'aggregates.read' },
      schema: {
        tags,
        summary:
          'Push plan of the children of an org: stored targets, done from the indicator engine | 攻坚计划（数据库）',
        querystring: z.object({
          org: OrgCode,
          period: PeriodText,
          asOf: IsoDate,
          deadline: IsoDate.optional(),
          days: DayCountingSchema.default('calendar'),
          holidays: z.string().optional().describe('comma-separated dates'),
          format: Format,
        }),
        response: { 200: jsonOrFileAnswer(OrgPushPlanSchema, PLAN_FILES, FORMAT_NOTE), 400: ErrorSchema },
      },
    },
    async (req, reply) => {
      const q = req.query;
      const computed = await orgPushPlan(db, callerScope(req), {
        orgCode: q.org,
        period: q.period,
        asOf: requireDate(q.asOf, 'asOf'),
        ...(q.deadline ? { deadline: requireDate(q.deadline, 'deadline') } : {}),
        days: q.days,
        holidays: dates(q.holidays ? q.holidays.split(',').filter((d) => d.trim() !== '') : [], 'holidays'),
      });
      await sendPlan(req, reply, computed.plan, q.format, `${computed.orgName}基本公共卫生服务`, {
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
      config: { access: 'targets.write' },
      schema: {
        tags,
        summary: 'Compute the push plan of an org and keep it in the history (a checkpoint) | 保存攻坚计划',
        description: `The org must be in the caller's scope (403 otherwise). ${BY_THE_CALLER}`,
        body: z.object({
          org: OrgCode,
          period: PeriodText,
          asOf: IsoDate,
          deadline: IsoDate.optional(),
          ...DayCountingFields,
        }),
        response: {
          200: z.object({ snapshotId: z.number().int(), doneAsOf: z.string(), plan: PushPlanSchema }),
          400: ErrorSchema,
        },
      },
    },
    async (req) => {
      const b = req.body;
      const saved = await savePushPlan(
        db,
        callerScope(req),
        {
          orgCode: b.org,
          period: b.period,
          asOf: requireDate(b.asOf, 'asOf'),
          ...(b.deadline ? { deadline: requireDate(b.deadline, 'deadline') } : {}),
          days: b.days,
          holidays: dates(b.holidays, 'holidays'),
          workdays: dates(b.workdays, 'workdays'),
        },
        { by: callerOf(req).name, at: new Date().toISOString() },
      );
      const plan = { ...saved.plan, rows: disclosedRows(req, saved.plan.rows, 'list', saved.orgCode) };
      return { snapshotId: saved.snapshotId, doneAsOf: saved.doneAsOf, plan };
    },
  );

  api.get(
    '/plans/push/snapshots',
    {
      config: { access: 'aggregates.read' },
      schema: {
        tags,
        summary: 'Push-plan snapshots of an org, oldest first | 攻坚计划历史',
        querystring: z.object({ org: OrgCode, period: z.string().optional() }),
        response: { 200: z.array(SnapshotSchema), 400: ErrorSchema },
      },
    },
    async (req) =>
      snapshotsOfOrg(db, callerScope(req), {
        orgCode: req.query.org,
        ...(req.query.period ? { period: req.query.period } : {}),
      }),
  );

  api.get(
    '/plans/push/snapshots/:id',
    {
      config: { access: 'aggregates.read' },
      schema: {
        tags,
        summary: 'One push-plan snapshot with its rows | 攻坚计划快照',
        params: z.object({ id: z.coerce.number().int().positive() }),
        response: {
          200: z.object({ snapshot: SnapshotSchema, rows: z.array(SnapshotRowSchema) }),
          400: ErrorSchema,
          404: ErrorSchema,
        },
      },
    },
    async (req) => {
      const found = await readSnapshot(db, callerScope(req), req.params.id);
      if (!found) throw GongweiError.notFound({ zh: '未找到', en: 'not found' }, 'id');
      return { ...found, rows: disclosedRows(req, found.rows, 'list', found.snapshot.orgCode) };
    },
  );

  api.post(
    '/push-plan-schedules',
    {
      config: { access: 'targets.write' },
      schema: {
        tags,
        summary:
          'Re-compute the push plan of an org at every checkpoint (10th, 20th, last day) until the deadline | 攻坚计划定时',
        description: `The org must be in the caller's scope (403 otherwise). ${BY_THE_CALLER}`,
        body: z.object({
          org: OrgCode,
          period: z.string().min(4).max(12).describe("period of the targets, e.g. '2020H1'"),
          deadline: IsoDate,
          ...DayCountingFields,
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
        callerScope(req),
        {
          orgCode: b.org,
          period: b.period,
          deadline: b.deadline,
          days: b.days,
          holidays: b.holidays,
          workdays: b.workdays,
        },
        { by: callerOf(req).name, at: now.toISOString() },
        localIsoDate(now),
      );
      return reply.status(201).send(created);
    },
  );

  api.get(
    '/push-plan-schedules',
    {
      config: { access: 'aggregates.read' },
      schema: {
        tags,
        summary: 'Push-plan schedules, oldest first | 攻坚计划定时任务',
        querystring: z.object({
          org: OrgCode.optional().describe('only schedules of this org and its subtree'),
          active: z.enum(['true', 'false']).optional().describe('true: only the active ones'),
        }),
        response: { 200: z.array(ScheduleSchema), 400: ErrorSchema },
      },
    },
    async (req) =>
      schedulesOfSubtree(db, callerScope(req), {
        ...(req.query.org ? { orgCode: req.query.org } : {}),
        active: req.query.active === 'true',
      }),
  );

  api.delete(
    '/push-plan-schedules/:id',
    {
      config: { access: 'targets.write' },
      schema: {
        tags,
        summary: 'Stop a push-plan schedule (its snapshots are kept) | 停止攻坚计划定时',
        params: z.object({ id: z.coerce.number().int().positive() }),
        response: { 204: z.null(), 400: ErrorSchema, 404: ErrorSchema },
      },
    },
    async (req, reply) => {
      await stopPushPlanSchedule(db, callerScope(req), req.params.id, new Date().toISOString());
      return reply.status(204).send(null);
    },
  );

  api.post(
    '/push-plan-schedules/run',
    {
      config: { access: 'targets.write' },
      schema: {
        tags,
        summary: 'Run the checkpoints due today (what the server timer does) | 运行攻坚计划节点',
        body: z
          .object({ asOf: IsoDate.optional().describe('run as if today were this day (default: today)') })
          .default({}),
        response: { 200: z.array(CheckpointRunSchema), 400: ErrorSchema },
      },
    },
    async (req) => {
      const asOf = req.body.asOf;
      return runDueCheckpoints(
        db,
        callerScope(req),
        new Date(),
        asOf ? { today: requireDate(asOf, 'asOf') } : {},
      );
    },
  );
}
