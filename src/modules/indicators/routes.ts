import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/database.js';
import { INDICATORS } from '../../domain/indicators/catalogue.js';
import { noteAccess } from '../../server/access-notes.js';
import { callerScope } from '../../server/caller-scope.js';
import { ErrorSchema } from '../../server/error-reply.js';
import { pooledRead, serveIndicatorValues } from '../../server/serving.js';
import { MAX_PAGE_SIZE } from './indicator-people.js';

const OrgCode = z
  .string()
  .regex(/^(\d{6}|\d{9}|\d{12})$/, 'org code has 6, 9 or 12 digits')
  .describe('division code: 6 digits (province/city/county), 9 (township) or 12 (village)');

const Period = z
  .string()
  .max(12)
  .describe(
    "period: '2020', '2020H1', '2020Q2', '2020-06' or a 旬 '2020-06-1' (1..3); year to date as of its end",
  );

const ValueSchema = z
  .object({
    org: z.string(),
    orgName: z.string(),
    level: z.number().int(),
    period: z.string(),
    indicator: z.string(),
    numerator: z.number(),
    denominator: z.number().nullable(),
    value: z
      .number()
      .nullable()
      .describe('fraction 0..1 for percent indicators, the count for counts; null when the denominator is 0'),
  })
  .describe('One indicator value of one org');

const PersonSchema = z
  .object({
    residentId: z.number().int(),
    recordNo: z.string(),
    name: z.string().describe('masked: the first character and two stars (陈**)'),
    sex: z.string().nullable(),
    age: z
      .number()
      .int()
      .nullable()
      .describe('whole years at the end of the period; the birth date is never listed'),
    idNumber: z
      .string()
      .nullable()
      .describe('masked to the region (first 6 characters): sex and age are beside it'),
    phone: z.string().nullable().describe('masked: first 3 and last 4 digits'),
    orgCode: z.string(),
    orgName: z.string().nullable(),
  })
  .describe('One person of a drill-down list, masked');

const CatalogueSchema = z.object({
  id: z.string(),
  name: z.object({ zh: z.string(), en: z.string() }),
  unit: z.enum(['percent', 'count']),
  program: z.string(),
  period: z.enum(['ytd', 'as_of', 'window']),
  formula: z.object({ zh: z.string(), en: z.string() }),
  source: z.object({ zh: z.string(), en: z.string() }),
  parameters: z.array(z.string()),
});

/**
 * REST routes of the indicator engine: the catalogue, values for an org subtree and period
 * (aggregates, confined to the caller's scope: an org beside it is 403, an org above it
 * narrows to the caller's part), and the people behind a value (drill-down: a list, always
 * masked, at most 100 a page, every page written to the access trail).
 */
export async function registerIndicatorRoutes(app: FastifyInstance, db: Db): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/indicators/catalogue',
    {
      config: { access: 'aggregates.read' },
      schema: {
        tags: ['indicators'],
        summary: 'The indicator catalogue | 指标目录',
        response: { 200: z.array(CatalogueSchema) },
      },
    },
    async () =>
      INDICATORS.map((i) => ({
        id: i.id,
        name: i.name,
        unit: i.unit,
        program: i.program,
        period: i.period,
        formula: i.formula,
        source: i.source,
        parameters: [...i.parameters],
      })),
  );

  api.get(
    '/indicators',
    {
      config: { access: 'aggregates.read' },
      schema: {
        tags: ['indicators'],
        summary: 'Indicator values of an org and its descendants for a period | 指标值',
        description:
          'Rolled up as sums of numerators over sums of denominators. depth 0 = the org only, 1 = with its children, …',
        querystring: z.object({
          org: OrgCode,
          period: Period,
          depth: z.coerce.number().int().min(0).max(4).default(0),
          ids: z.string().max(4000).optional().describe('comma-separated indicator ids; default all'),
        }),
        response: { 200: z.array(ValueSchema), 400: ErrorSchema, 403: ErrorSchema, 503: ErrorSchema },
      },
    },
    // Cached under the data versions, computed off the event loop (ADR 0014).
    async (request, reply) => {
      const { org, period, depth, ids } = request.query;
      const list = ids
        ?.split(',')
        .map((s) => s.trim())
        .filter((s) => s !== '');
      await serveIndicatorValues(request, reply, db, {
        orgCode: org,
        period,
        depth,
        ...(list ? { ids: list } : {}),
      });
    },
  );

  api.get(
    '/indicators/:id/people',
    {
      config: { access: 'personal.read' },
      schema: {
        tags: ['indicators'],
        summary: 'People behind an indicator value (drill-down) | 指标明细名单',
        description:
          'set=numerator: counted; set=gap: in the denominator but not counted (the work list). ' +
          'A list is always masked (names 陈**, ID numbers to the region, phones 138****1234, age ' +
          'instead of the birth date), whatever the role; each page is written to the access trail.',
        params: z.object({ id: z.string().max(80) }),
        querystring: z.object({
          org: OrgCode,
          period: Period,
          set: z.enum(['numerator', 'gap']).default('numerator'),
          page: z.coerce.number().int().min(1).default(1),
          pageSize: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(50),
        }),
        response: {
          200: z.object({
            total: z.number().int(),
            page: z.number().int(),
            pageSize: z.number().int(),
            people: z.array(PersonSchema),
          }),
          400: ErrorSchema,
          403: ErrorSchema,
          503: ErrorSchema,
        },
      },
    },
    async (request, reply) => {
      const { org, period, set, page, pageSize } = request.query;
      const answer = await pooledRead(request, reply, db, {
        kind: 'indicator-people',
        scope: callerScope(request),
        query: { orgCode: org, period, indicator: request.params.id, set, page, pageSize },
      });
      noteAccess(request, {
        action: 'indicator-people.read',
        objectType: 'indicator',
        objectId: request.params.id,
        orgCode: answer.org.code,
        countyCode: answer.org.countyCode,
        rowCount: answer.page.people.length,
      });
      return answer.page;
    },
  );
}
