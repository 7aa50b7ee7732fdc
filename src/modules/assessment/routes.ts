import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/database.js';
import { SchemeSchema } from '../../domain/assessment/scheme.js';
import { noteAccess } from '../../server/access-notes.js';
import { callerOf, callerScope } from '../../server/caller-scope.js';
import { ErrorSchema } from '../../server/error-reply.js';
import { fileAnswer } from '../../server/file-answers.js';
import { enterManualScore } from './enter-manual-score.js';
import { runReportDocx, runReportXlsx } from './export-report.js';
import { listRuns } from './run-repository.js';
import { readRunReport } from './run-report.js';
import { runAssessment } from './run-assessment.js';
import { schemeFromXlsx, schemeToXlsx } from './scheme-workbook.js';
import { importScheme, listSchemes, loadScheme } from './schemes.js';

const OrgCode = z.string().regex(/^(\d{6}|\d{9}|\d{12})$/, 'org code has 6, 9 or 12 digits');
const Period = z.string().min(4).max(12).describe("'2020', '2020H1', '2020Q2', '2020-06' or '2020-06-1'");
const SchemeCode = z.string().regex(/^[a-z0-9][a-z0-9_.-]{0,59}$/);
const Text = z.object({ zh: z.string(), en: z.string() });

const SchemeVersionSchema = z.object({
  id: z.number().int(),
  code: z.string(),
  version: z.number().int(),
  name: Text,
  maxCenti: z.number().int().describe('full marks in hundredths of a point'),
  createdBy: z.string(),
  createdAt: z.string(),
});

const RunSchema = z.object({
  id: z.number().int(),
  schemeId: z.number().int(),
  schemeCode: z.string(),
  schemeVersion: z.number().int(),
  orgCode: z.string(),
  orgName: z.string(),
  period: z.string(),
  dataCutoff: z.string().describe('last day of the data counted (the period end)'),
  unitCount: z.number().int(),
  createdBy: z.string().describe('who ran it (the signed-in user)'),
  createdAt: z.string(),
});

const UnitSchema = z.object({
  unitCode: z.string(),
  unitName: z.string(),
  totalCenti: z.number().int(),
  maxCenti: z.number().int(),
  applicableCenti: z.number().int().describe('full marks of the items that apply (合理缺项 left out)'),
  convertedCenti: z.number().int().describe('total × max ÷ applicable, rounded half up (折算得分)'),
  missing: z.number().int().describe('manual items not entered'),
  rank: z.number().int(),
  previousCenti: z.number().int().nullable(),
  previousRank: z.number().int().nullable(),
  changeCenti: z.number().int().nullable(),
  rankChange: z.number().int().nullable().describe('previous rank − rank: positive means up'),
});

const ItemSchema = z.object({
  unitCode: z.string(),
  sectionId: z.string(),
  itemId: z.string(),
  kind: z.enum(['indicator', 'audit', 'manual']),
  indicator: z.string().nullable(),
  value: z.number().nullable(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  target: z.number().nullable(),
  targetSource: z.string().nullable(),
  scoring: z.record(z.string(), z.unknown()),
  pointsCenti: z.number().int(),
  centi: z.number().int().nullable(),
  status: z.enum(['scored', 'not_applicable', 'missing']),
  explanation: Text,
  inputs: z.record(z.string(), z.unknown()),
});

const ReportSchema = z.object({
  run: RunSchema,
  schemeName: Text,
  previousRunId: z.number().int().nullable(),
  units: z.array(UnitSchema),
  sections: z.array(
    z.object({ id: z.string(), name: Text, items: z.array(z.object({ id: z.string(), name: Text })) }),
  ),
  items: z.array(ItemSchema),
});

const SCOPE_RULE =
  'Assessments hold aggregates only. Running one needs the org wholly inside your scope; a run is read for its units inside your scope. ' +
  '考核结果只含汇总数据；只显示您权限范围内的单位。';

const idParams = z.object({ id: z.coerce.number().int().min(1).max(2_147_483_647) });

function sendFile(reply: FastifyReply, fileName: string, contentType: string, content: Buffer): FastifyReply {
  return reply
    .header('content-type', contentType)
    .header(
      'content-disposition',
      `attachment; filename="assessment${fileName.slice(fileName.lastIndexOf('.'))}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
    )
    .send(content);
}

/**
 * REST routes of performance assessment under /api/assessment: schemes (list, export,
 * import as a new version), runs (run, list, read with items and the comparison with the
 * previous run, Word and Excel), and assessors' manual scores. Writing needs
 * `assessment.write`; who ran, imported or entered is the caller.
 */
export async function registerAssessmentRoutes(app: FastifyInstance, db: Db): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/assessment/schemes',
    {
      config: { access: 'aggregates.read' },
      schema: {
        tags: ['assessment'],
        summary: 'Assessment schemes, every version | 考核方案',
        response: { 200: z.array(SchemeVersionSchema) },
      },
    },
    async () => listSchemes(db),
  );

  api.get(
    '/assessment/schemes/:code',
    {
      config: { access: 'aggregates.read' },
      schema: {
        tags: ['assessment'],
        summary: 'One scheme as JSON (the newest version unless one is named) | 导出考核方案',
        params: z.object({ code: SchemeCode }),
        querystring: z.object({ version: z.coerce.number().int().min(1).max(2_147_483_647).optional() }),
        response: {
          200: SchemeVersionSchema.extend({ definition: z.unknown() }),
          400: ErrorSchema,
          404: ErrorSchema,
        },
      },
    },
    async (request) =>
      (await loadScheme(db, request.params.code, request.query.version, 'code', { readOnly: true })).stored,
  );

  api.post(
    '/assessment/schemes',
    {
      config: { access: 'assessment.write' },
      schema: {
        tags: ['assessment'],
        summary: 'Import a scheme as the next version of its code | 导入考核方案',
        description:
          'A scheme equal to the newest version is not stored again (created: false). 导入人为当前登录用户。',
        body: SchemeSchema,
        response: {
          200: z.object({ created: z.boolean(), scheme: SchemeVersionSchema }),
          400: ErrorSchema,
          403: ErrorSchema,
        },
      },
    },
    async (request) => {
      const r = await importScheme(db, request.body, {
        by: callerOf(request).name,
        at: new Date().toISOString(),
      });
      const { definition: _d, ...scheme } = r.stored;
      return { created: r.created, scheme };
    },
  );

  api.get(
    '/assessment/schemes/:code/scheme.xlsx',
    {
      config: { access: 'aggregates.read' },
      schema: {
        tags: ['assessment'],
        summary: 'One scheme as an Excel workbook (sheets 方案 and 项目) | 导出考核方案（Excel）',
        description: 'Reading it back (POST /api/assessment/schemes/xlsx) gives the same scheme.',
        params: z.object({ code: SchemeCode }),
        querystring: z.object({ version: z.coerce.number().int().min(1).max(2_147_483_647).optional() }),
        response: { 200: fileAnswer(['xlsx'], 'the scheme'), 400: ErrorSchema, 404: ErrorSchema },
      },
    },
    async (request, reply) => {
      const { stored, scheme } = await loadScheme(db, request.params.code, request.query.version, 'code', {
        readOnly: true,
      });
      return sendFile(
        reply,
        `${stored.code}-v${stored.version}.xlsx`,
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        await schemeToXlsx(scheme),
      );
    },
  );

  // Encapsulated: only this route reads raw bytes.
  await app.register(async (scoped) => {
    scoped.addContentTypeParser('application/octet-stream', { parseAs: 'buffer' }, (_request, body, done) =>
      done(null, body),
    );
    scoped.withTypeProvider<ZodTypeProvider>().post(
      '/assessment/schemes/xlsx',
      {
        config: { access: 'assessment.write' },
        schema: {
          tags: ['assessment'],
          summary:
            'Import a scheme from an Excel workbook as the next version of its code | 导入考核方案（Excel）',
          description:
            'The body is the .xlsx file (application/octet-stream) as exported. A cell that cannot be read is refused ' +
            'naming its sheet, row and column; nothing is stored then. 导入人为当前登录用户。',
          consumes: ['application/octet-stream'],
          body: z
            .custom<Buffer>((value) => Buffer.isBuffer(value), 'send the file as application/octet-stream')
            .describe('the bytes of the .xlsx file'),
          response: {
            200: z.object({ created: z.boolean(), scheme: SchemeVersionSchema }),
            400: ErrorSchema,
            403: ErrorSchema,
            413: ErrorSchema,
            415: ErrorSchema,
          },
        },
      },
      async (request) => {
        const r = await importScheme(db, await schemeFromXlsx(request.body), {
          by: callerOf(request).name,
          at: new Date().toISOString(),
        });
        const { definition: _d, ...scheme } = r.stored;
        return { created: r.created, scheme };
      },
    );
  });

  api.post(
    '/assessment/runs',
    {
      config: { access: 'assessment.write' },
      schema: {
        tags: ['assessment'],
        summary: 'Assess the children of an org for a period and store the run | 运行绩效考核',
        description: SCOPE_RULE,
        body: z
          .object({
            schemeCode: SchemeCode.default('national-basic'),
            schemeVersion: z.number().int().min(1).max(2_147_483_647).optional(),
            orgCode: OrgCode,
            period: Period,
          })
          .strict(),
        response: {
          201: ReportSchema,
          400: ErrorSchema,
          403: ErrorSchema,
          404: ErrorSchema,
          422: ErrorSchema,
        },
      },
    },
    async (request, reply) => {
      const b = request.body;
      const scope = callerScope(request);
      const id = await runAssessment(
        db,
        scope,
        {
          schemeCode: b.schemeCode,
          ...(b.schemeVersion === undefined ? {} : { schemeVersion: b.schemeVersion }),
          orgCode: b.orgCode,
          period: b.period,
        },
        { by: callerOf(request).name, at: new Date().toISOString() },
      );
      noteAccess(request, {
        action: 'assessment.run',
        objectType: 'assessment_run',
        objectId: id,
        orgCode: b.orgCode,
      });
      return reply.status(201).send(await readRunReport(db, scope, id));
    },
  );

  api.get(
    '/assessment/runs',
    {
      config: { access: 'aggregates.read' },
      schema: {
        tags: ['assessment'],
        summary: 'Assessment runs with a unit in your scope, newest first | 考核记录',
        querystring: z.object({
          org: OrgCode.optional(),
          period: Period.optional(),
          scheme: SchemeCode.optional(),
          limit: z.coerce.number().int().min(1).max(500).default(50),
        }),
        response: { 200: z.array(RunSchema), 400: ErrorSchema },
      },
    },
    async (request) => {
      const q = request.query;
      return listRuns(db, callerScope(request), {
        ...(q.org ? { orgCode: q.org } : {}),
        ...(q.period ? { period: q.period } : {}),
        ...(q.scheme ? { schemeCode: q.scheme } : {}),
        limit: q.limit,
      });
    },
  );

  api.get(
    '/assessment/runs/:id',
    {
      config: { access: 'aggregates.read' },
      schema: {
        tags: ['assessment'],
        summary: 'One run: units ranked, compared with the previous run; items on request | 考核结果',
        description: SCOPE_RULE,
        params: idParams,
        querystring: z.object({
          items: z.enum(['true', 'false']).default('false').describe('include every item of every unit'),
          unit: OrgCode.optional().describe('the items of one unit'),
        }),
        response: { 200: ReportSchema, 400: ErrorSchema, 404: ErrorSchema },
      },
    },
    async (request) =>
      readRunReport(db, callerScope(request), request.params.id, {
        items: request.query.items === 'true',
        ...(request.query.unit ? { unitCode: request.query.unit } : {}),
      }),
  );

  for (const format of ['xlsx', 'docx'] as const)
    api.get(
      `/assessment/runs/:id/report.${format}`,
      {
        config: { access: 'aggregates.read' },
        schema: {
          tags: ['assessment'],
          summary:
            format === 'xlsx'
              ? 'A run as an Excel table (results and item detail) | 考核结果表'
              : 'A run as a Word report in the bulletin layout | 考核结果通报',
          description: SCOPE_RULE,
          params: idParams,
          querystring: z.object({ issuer: z.string().min(1).max(100).optional() }),
          response: {
            200: fileAnswer([format], format === 'xlsx' ? 'the results and item detail' : 'the Word report'),
            400: ErrorSchema,
            404: ErrorSchema,
          },
        },
      },
      async (request, reply) => {
        const report = await readRunReport(db, callerScope(request), request.params.id, { items: true });
        const name = `${report.run.orgName}${report.run.period}绩效考核.${format}`;
        return format === 'xlsx'
          ? sendFile(
              reply,
              name,
              'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
              await runReportXlsx(report, report.run.orgName),
            )
          : sendFile(
              reply,
              name,
              'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
              await runReportDocx(
                report,
                report.run.orgName,
                request.query.issuer ?? `${report.run.orgName}卫生健康局`,
              ),
            );
      },
    );

  api.post(
    '/assessment/manual-scores',
    {
      config: { access: 'assessment.write' },
      schema: {
        tags: ['assessment'],
        summary: 'Enter the score of a manual item with its evidence | 录入现场考核得分',
        description:
          'The assessor is the signed-in user; the newest entry counts in the next run. 考核人为当前登录用户。',
        body: z
          .object({
            schemeCode: SchemeCode.default('national-basic'),
            itemId: z.string().min(1).max(60),
            unitCode: OrgCode,
            period: Period,
            score: z.number().min(0).max(1000),
            evidence: z.string().min(1).max(2000),
          })
          .strict(),
        response: {
          201: z.object({
            id: z.number().int(),
            scoreCenti: z.number().int(),
            pointsCenti: z.number().int(),
          }),
          400: ErrorSchema,
          403: ErrorSchema,
          404: ErrorSchema,
        },
      },
    },
    async (request, reply) => {
      const saved = await enterManualScore(db, callerScope(request), request.body, {
        by: callerOf(request).name,
        at: new Date().toISOString(),
      });
      return reply.status(201).send(saved);
    },
  );
}
