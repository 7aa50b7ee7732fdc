/**
 * REST routes of reported values: enter reports (all or none), list them within the caller's
 * scope, and read the history of one. Translation only: each route calls one use-case or
 * repository read with the caller's scope; errors are answered by src/server/error-reply.ts.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/database.js';
import { ORG_CODE_PATTERN } from '../../domain/orgs/division-codes.js';
import { callerOf, callerScope } from '../../server/caller-scope.js';
import { ErrorSchema } from '../../server/error-reply.js';
import { scopeOfOrg } from '../orgs/org-scope.js';
import { enterReportedValues } from './enter-reported-values.js';
import { listReportedChanges, listReportedValues } from './reported-repository.js';

const tags = ['reported'];
const OrgCode = z.string().regex(ORG_CODE_PATTERN, 'org code has 6, 9 or 12 digits');
const Count = z.number().int().min(0).nullable().optional();

const ReportedInputSchema = z.object({
  orgCode: OrgCode,
  period: z
    .string()
    .min(4)
    .max(12)
    .describe("'2020', '2020H1', '2020Q2' or '2020-06', as the indicator allows"),
  indicator: z
    .string()
    .min(1)
    .max(80)
    .describe('a reported indicator of the catalogue (catalogue `reported`)'),
  numerator: Count,
  denominator: Count,
  percent: z
    .number()
    .min(0)
    .max(100)
    .nullable()
    .optional()
    .describe('a survey percentage 0..100, only when the sample numerator and denominator are not given'),
  source: z.string().min(1).max(200).describe('where the figure comes from, e.g. 传染病报告信息管理系统'),
});

const StoredSchema = z.object({
  orgCode: z.string(),
  orgName: z.string().nullable(),
  period: z.string(),
  indicator: z.string(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  percent: z.number().nullable(),
  source: z.string(),
  enteredBy: z.string(),
  enteredAt: z.string(),
});

const ChangeSchema = z.object({
  action: z.enum(['insert', 'update', 'delete']),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  percent: z.number().nullable(),
  source: z.string().nullable(),
  changedBy: z.string(),
  changedAt: z.string(),
});

/**
 * Adds the `/reported-values…` routes to `app`.
 *
 * @example
 * await app.register(async (api) => registerReportedRoutes(api, db), { prefix: '/api' });
 */
export async function registerReportedRoutes(app: FastifyInstance, db: Db): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post(
    '/reported-values',
    {
      config: { access: 'targets.write' },
      schema: {
        tags,
        summary: 'Enter reported values (all or none) | 录入上报指标数据',
        description:
          "Every org must be in the caller's scope (403 otherwise); any bad item refuses the whole batch (400, every problem in `issues`, named `items.<n>.<field>`). Kept in the history as entered by the signed-in user.",
        body: z.object({ items: z.array(ReportedInputSchema).min(1).max(5000) }),
        response: {
          200: z.object({ inserted: z.number(), updated: z.number(), unchanged: z.number() }),
          400: ErrorSchema,
          403: ErrorSchema,
        },
      },
    },
    async (req) =>
      enterReportedValues(db, callerScope(req), req.body.items, {
        by: callerOf(req).name,
        at: new Date().toISOString(),
      }),
  );

  api.get(
    '/reported-values',
    {
      config: { access: 'aggregates.read' },
      schema: {
        tags,
        summary: 'Reported values of an org subtree | 上报指标数据列表',
        querystring: z.object({
          org: OrgCode,
          period: z.string().min(4).max(12).optional(),
          indicator: z.string().min(1).max(80).optional(),
        }),
        response: { 200: z.array(StoredSchema), 403: ErrorSchema, 404: ErrorSchema },
      },
    },
    async (req) => {
      const { scope } = await scopeOfOrg(db.kysely, callerScope(req), req.query.org);
      return listReportedValues(db.kysely, scope, {
        ...(req.query.period === undefined ? {} : { period: req.query.period }),
        ...(req.query.indicator === undefined ? {} : { indicator: req.query.indicator }),
      });
    },
  );

  api.get(
    '/reported-values/history',
    {
      config: { access: 'aggregates.read' },
      schema: {
        tags,
        summary: 'History of one reported value, oldest first | 上报数据修改记录',
        querystring: z.object({
          org: OrgCode,
          period: z.string().min(4).max(12),
          indicator: z.string().min(1).max(80),
        }),
        response: { 200: z.array(ChangeSchema), 403: ErrorSchema, 404: ErrorSchema },
      },
    },
    async (req) => {
      // The org's own history: confined by checking the org against the caller's scope.
      await scopeOfOrg(db.kysely, callerScope(req), req.query.org);
      return listReportedChanges(db.kysely, {
        orgCode: req.query.org,
        period: req.query.period,
        indicator: req.query.indicator,
      });
    },
  );
}
