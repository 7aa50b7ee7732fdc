/**
 * REST routes of targets (C4): list, set, history, parameters, downward split, decomposition
 * of a plan, progress. Translation only: each route reads the request, calls one use-case
 * with the caller's scope and answers; errors are thrown and answered by
 * src/server/error-reply.ts.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/database.js';
import { decomposePlan, decompositionPlanSchema } from '../../domain/targets/plan-decomposition.js';
import { callerOf, callerScope } from '../../server/caller-scope.js';
import { ErrorSchema } from '../../server/error-reply.js';
import { progress } from './progress.js';
import {
  BaseSchema,
  BY_THE_CALLER,
  BodyYear,
  DecompositionSchema,
  OrgCode,
  ParameterSchema,
  PeriodText,
  ProgressRowSchema,
  Rate,
  TargetChangeSchema,
  TargetSchema,
  Year,
} from './route-schemas.js';
import { setParameter } from './set-parameter.js';
import { setTargets } from './set-targets.js';
import { splitTarget } from './split-target.js';
import { historyOfOrg, targetsOfSubtree } from './subtree-lists.js';

/**
 * Adds the `/targets…` routes to `app`.
 *
 * @example
 * await app.register(async (api) => registerTargetListRoutes(api, db), { prefix: '/api' });
 */
export async function registerTargetListRoutes(app: FastifyInstance, db: Db): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['targets'];

  api.get(
    '/targets',
    {
      config: { access: 'aggregates.read' },
      schema: {
        tags,
        summary: 'Targets of an org subtree | 任务列表',
        description: "Only the targets in the caller's scope; an org beside it is refused (403).",
        querystring: z.object({
          org: OrgCode,
          depth: z.coerce.number().int().min(0).max(4).default(0),
          year: Year.optional(),
          indicator: z.string().optional(),
        }),
        response: { 200: z.array(TargetSchema), 400: ErrorSchema },
      },
    },
    async (req) =>
      targetsOfSubtree(db, callerScope(req), {
        orgCode: req.query.org,
        depth: req.query.depth,
        ...(req.query.year !== undefined ? { year: req.query.year } : {}),
        ...(req.query.indicator ? { indicator: req.query.indicator } : {}),
      }),
  );

  api.put(
    '/targets',
    {
      config: { access: 'targets.write' },
      schema: {
        tags,
        summary: 'Set targets: rate × base; missing rate/base from the urban/rural defaults | 设定任务',
        description: `Every row's org must be in the caller's scope: one outside refuses the whole table (403 naming the first such row). ${BY_THE_CALLER}`,
        body: z.object({
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
          400: ErrorSchema,
        },
      },
    },
    async (req) =>
      setTargets(db, callerScope(req), req.body.targets, {
        by: callerOf(req).name,
        at: new Date().toISOString(),
      }),
  );

  api.get(
    '/targets/history',
    {
      config: { access: 'aggregates.read' },
      schema: {
        tags,
        summary: 'Every change of the targets of an org | 任务变更记录',
        querystring: z.object({ org: OrgCode, indicator: z.string().optional(), year: Year.optional() }),
        response: { 200: z.array(TargetChangeSchema), 400: ErrorSchema },
      },
    },
    async (req) =>
      historyOfOrg(db, callerScope(req), {
        orgCode: req.query.org,
        ...(req.query.indicator ? { indicator: req.query.indicator } : {}),
        ...(req.query.year !== undefined ? { year: req.query.year } : {}),
      }),
  );

  api.put(
    '/targets/parameters',
    {
      config: { access: 'targets.write' },
      schema: {
        tags,
        summary: 'Set a named parameter (e.g. hypertensionPrevalence) for an area and year | 设定参数',
        description: `The org must be in the caller's scope (403 otherwise). ${BY_THE_CALLER}`,
        body: z.object({
          org: OrgCode,
          year: BodyYear,
          name: z.string().min(1).max(100),
          value: Rate,
        }),
        response: { 200: ParameterSchema, 400: ErrorSchema },
      },
    },
    async (req) => {
      const b = req.body;
      const set = await setParameter(
        db,
        callerScope(req),
        { orgCode: b.org, year: b.year, name: b.name, value: b.value },
        { by: callerOf(req).name, at: new Date().toISOString() },
      );
      return { org: set.orgCode, year: set.year, name: set.name, value: set.value };
    },
  );

  api.post(
    '/targets/split',
    {
      config: { access: 'targets.write' },
      schema: {
        tags,
        summary: 'Split a stored target over the children by their bases (largest remainder) | 任务向下分解',
        description: `The org must be in the caller's scope (403 otherwise). ${BY_THE_CALLER}`,
        body: z.object({
          org: OrgCode,
          indicator: z.string().min(1),
          year: BodyYear,
          depth: z.number().int().min(1).max(4).default(1),
        }),
        response: { 200: z.array(TargetSchema), 400: ErrorSchema },
      },
    },
    async (req) =>
      splitTarget(
        db,
        callerScope(req),
        { orgCode: req.body.org, indicator: req.body.indicator, year: req.body.year, depth: req.body.depth },
        { by: callerOf(req).name, at: new Date().toISOString() },
      ),
  );

  api.post(
    '/targets/decompose',
    {
      // A computation over the plan in the body (areas by name, no org): it stores nothing.
      config: { access: 'aggregates.read' },
      schema: {
        tags,
        summary:
          'Decompose a plan (fixture shape: areas × indicators) into half-year and cumulative milestones | 任务分解',
        body: decompositionPlanSchema,
        response: { 200: DecompositionSchema, 400: ErrorSchema },
      },
    },
    async (req) => decomposePlan(req.body),
  );

  api.get(
    '/targets/progress',
    {
      config: { access: 'aggregates.read' },
      schema: {
        tags,
        summary: 'Progress of the children of an org against the milestone due by the period end | 任务进度',
        querystring: z.object({ org: OrgCode, period: PeriodText }),
        response: { 200: z.array(ProgressRowSchema), 400: ErrorSchema },
      },
    },
    async (req) => progress(db, callerScope(req), { orgCode: req.query.org, period: req.query.period }),
  );
}
