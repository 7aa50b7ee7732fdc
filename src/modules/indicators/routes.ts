import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/database.js';
import { INDICATORS } from '../../domain/indicators/catalogue.js';
import { parsePeriod, periodLabel } from '../../domain/periods/period.js';
import { DEFAULT_PARAMETERS, PARAMETER_NOTES } from '../../domain/indicators/parameters.js';
import { noteAccess } from '../../server/access-notes.js';
import { callerScope } from '../../server/caller-scope.js';
import { ErrorSchema } from '../../server/error-reply.js';
import { pooledRead, serveIndicatorValues } from '../../server/serving.js';
import { exportIndicatorPeople, MAX_PAGE_SIZE } from './indicator-people.js';
import { latestPeriod } from './latest-period.js';
import { peopleXlsx } from './people-export.js';

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
    remark: z
      .object({ zh: z.string(), en: z.string() })
      .optional()
      .describe(
        'present on a rate above 100 %: the denominator is too low (population or prevalence to check)',
      ),
    source: z
      .enum(['reported', 'summed'])
      .optional()
      .describe(
        "only on a reported indicator with a value: 'reported' = the org's own report, 'summed' = sum of the numerators over sum of the denominators of the reports below it",
      ),
    reportSource: z
      .string()
      .optional()
      .describe('with source: where the reported figure comes from (a reporting system, a survey)'),
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
  period: z.enum(['ytd', 'as_of', 'window', 'reported']),
  formula: z.object({ zh: z.string(), en: z.string() }),
  source: z.object({ zh: z.string(), en: z.string() }),
  parameters: z.array(z.string()),
  reported: z
    .object({
      kind: z.enum(['ratio', 'count', 'survey']),
      periods: z.array(z.enum(['year', 'half', 'quarter', 'month', 'dekad'])),
      numerator: z.object({ zh: z.string(), en: z.string() }),
      denominator: z.object({ zh: z.string(), en: z.string() }).optional(),
    })
    .optional()
    .describe('present on an indicator reported per org and period rather than computed from services'),
  parameterNotes: z
    .array(
      z.object({
        name: z.string(),
        default: z.number(),
        note: z.object({ zh: z.string(), en: z.string() }),
      }),
    )
    .describe('each named parameter with its official default and what it means'),
});

/** Sends a workbook as an attachment; a Buffer is sent as it is, never through the 200 serializer. */
function sendXlsx(reply: FastifyReply, fileName: string, content: Buffer): FastifyReply {
  return reply
    .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    .header(
      'content-disposition',
      `attachment; filename="people.xlsx"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
    )
    .send(content);
}

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
        ...(i.reported
          ? {
              reported: {
                kind: i.reported.kind,
                periods: [...i.reported.periods],
                numerator: i.reported.numerator,
                ...(i.reported.denominator ? { denominator: i.reported.denominator } : {}),
              },
            }
          : {}),
        parameterNotes: i.parameters.map((name) => ({
          name,
          default: DEFAULT_PARAMETERS[name],
          note: PARAMETER_NOTES[name],
        })),
      })),
  );

  api.get(
    '/indicators/latest-period',
    {
      config: { access: 'aggregates.read' },
      schema: {
        tags: ['indicators'],
        summary: 'The latest period with data of an org (where a first visit opens) | 最近有数据的时段',
        description:
          "The quarter of the latest service (never after today) in the caller's part of the org, " +
          'among the years whose indicator facts are maintained; nulls when there is none.',
        querystring: z.object({ org: OrgCode }),
        response: {
          200: z.object({
            year: z.number().int().nullable(),
            lastDate: z.string().nullable().describe('ISO date of the latest service'),
            period: z.string().nullable().describe("the quarter holding it, e.g. '2020Q2'"),
          }),
          400: ErrorSchema,
          403: ErrorSchema,
          404: ErrorSchema,
        },
      },
    },
    async (request) => latestPeriod(db, callerScope(request), request.query.org),
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

  api.get(
    '/indicators/:id/people/export',
    {
      config: { access: 'personal.export' },
      schema: {
        tags: ['indicators'],
        summary: 'The people behind an indicator value as Excel, unmasked | 指标明细名单导出',
        description:
          'Every person of the list (set=numerator or gap) in one .xlsx, with full names, ID numbers and ' +
          'phones: only for a role with personal.export; written to the access trail with its row count. ' +
          'A list over 50,000 people is refused (400 naming org): export a unit below.',
        params: z.object({ id: z.string().max(80) }),
        querystring: z.object({
          org: OrgCode,
          period: Period,
          set: z.enum(['numerator', 'gap']).default('numerator'),
        }),
        response: {
          200: z.string().describe('the .xlsx file (attachment)'),
          400: ErrorSchema,
          403: ErrorSchema,
        },
      },
    },
    async (request, reply) => {
      const { org, period, set } = request.query;
      const indicator = INDICATORS.find((i) => i.id === request.params.id);
      const exported = await exportIndicatorPeople(db, callerScope(request), {
        orgCode: org,
        period,
        indicator: request.params.id,
        set,
      });
      noteAccess(request, {
        action: 'indicator-people.export',
        objectType: 'indicator',
        objectId: request.params.id,
        orgCode: exported.org.code,
        countyCode: exported.org.countyCode,
        rowCount: exported.people.length,
      });
      const title = [
        exported.orgName,
        indicator?.name.zh ?? request.params.id,
        periodLabel(parsePeriod(period)).zh,
        set === 'numerator' ? '名单' : '未达标名单',
      ].join(' ');
      return sendXlsx(reply, `${title.replaceAll(' ', '-')}.xlsx`, await peopleXlsx(title, exported.people));
    },
  );
}
