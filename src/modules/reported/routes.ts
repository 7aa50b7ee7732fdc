/**
 * REST routes of reported values: enter reports (all or none, as JSON or as an uploaded
 * .csv/.xlsx file), list them within the caller's scope, remove one, and read the history of one. Translation only: each route calls one use-case or
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
import { withUploadedFile } from '../import/routes.js';
import { enterReportedValues } from './enter-reported-values.js';
import { importReportedFile } from './import-reported-file.js';
import { removeReportedValue } from './remove-reported-value.js';
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

const KeySchema = z.object({
  org: OrgCode,
  period: z.string().min(4).max(12).describe("'2020', '2020H1', '2020Q2' or '2020-06'"),
  indicator: z.string().min(1).max(80),
});

const EnteredSchema = z.object({ inserted: z.number(), updated: z.number(), unchanged: z.number() });

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
          200: EnteredSchema,
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
          year: z.coerce
            .number()
            .int()
            .min(1900)
            .max(2999)
            .optional()
            .describe('every period of the year (a quarter, a half-year, the year …)'),
          indicator: z.string().min(1).max(80).optional(),
        }),
        response: { 200: z.array(StoredSchema), 403: ErrorSchema, 404: ErrorSchema },
      },
    },
    async (req) => {
      const { scope } = await scopeOfOrg(db.kysely, callerScope(req), req.query.org);
      return listReportedValues(db.kysely, scope, {
        ...(req.query.period === undefined ? {} : { period: req.query.period }),
        ...(req.query.year === undefined ? {} : { year: req.query.year }),
        ...(req.query.indicator === undefined ? {} : { indicator: req.query.indicator }),
      });
    },
  );

  api.delete(
    '/reported-values',
    {
      config: { access: 'targets.write' },
      schema: {
        tags,
        summary: 'Remove one reported value | 删除上报指标数据',
        description:
          "The org must be within the caller's scope (403 otherwise); 404 when there is no such report. The removal is kept in the history as a `delete` entry, and every cached indicator answer of the county is emptied.",
        querystring: KeySchema,
        response: { 204: z.null(), 400: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema },
      },
    },
    async (req, reply) => {
      await removeReportedValue(
        db,
        callerScope(req),
        { orgCode: req.query.org, period: req.query.period, indicator: req.query.indicator },
        { by: callerOf(req).name, at: new Date().toISOString() },
      );
      return reply.status(204).send(null);
    },
  );

  // Encapsulated: only this route reads raw bytes (the file itself, as the import does).
  await app.register(async (scoped) => {
    scoped.addContentTypeParser('application/octet-stream', { parseAs: 'buffer' }, (_request, body, done) =>
      done(null, body),
    );
    scoped.withTypeProvider<ZodTypeProvider>().post(
      '/reported-values/import',
      {
        config: { access: 'targets.write' },
        schema: {
          tags,
          summary: 'Enter the reported values of a .csv or .xlsx file (all rows or none) | 导入上报指标数据',
          description:
            'Headers 单位编码, 时期, 指标, 分子, 分母, 数值, 来源, as `gongwei reported import`. ' +
            "A file with one bad row is refused whole (400), each problem in `issues` named by row and column; an org outside the caller's scope is a 403.",
          consumes: ['application/octet-stream'],
          querystring: z.object({
            file: z.string().min(1).max(200).describe('the file name; .csv or .xlsx decides how it is read'),
          }),
          body: z
            .custom<Buffer>((value) => Buffer.isBuffer(value), 'send the file as application/octet-stream')
            .describe('the bytes of the .csv or .xlsx file'),
          response: {
            200: EnteredSchema.extend({ rows: z.number() }),
            400: ErrorSchema,
            403: ErrorSchema,
            413: ErrorSchema,
            415: ErrorSchema,
          },
        },
      },
      async (req) =>
        withUploadedFile(req.body, req.query.file, (path) =>
          importReportedFile(db, callerScope(req), path, {
            by: callerOf(req).name,
            at: new Date().toISOString(),
          }),
        ),
    );
  });

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
