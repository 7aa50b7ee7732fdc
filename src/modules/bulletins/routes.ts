import { isoDateText } from '../../domain/records/iso-date.js';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/database.js';
import { parseCompareTo, parseThresholdList } from '../../domain/bulletins/bulletin-parameters.js';
import { SCHEDULE_EVERY } from '../../domain/bulletins/bulletin-period.js';
import { GongweiError } from '../../domain/gongwei-error.js';
import { noteAccess } from '../../server/access-notes.js';
import { callerOf, callerScope } from '../../server/caller-scope.js';
import { ErrorSchema } from '../../server/error-reply.js';
import { fileAnswer } from '../../server/file-answers.js';
import type { BulletinRequest } from './assemble-bulletin.js';
import { getBulletin, listSchedules } from './bulletin-repository.js';
import { exportIndicatorTable } from './export-indicators.js';
import { indicatorTableXlsx } from './export-xlsx.js';
import { generateBulletin } from './generate-bulletin.js';
import { listArchive, readArchivedBulletin } from './list-archive.js';
import { BULLETIN_FORMATS, type BulletinFormat } from './render-bulletin.js';
import { createSchedule, stopSchedule } from './run-schedules.js';

const OrgCode = z.string().regex(/^(\d{6}|\d{9})$/, 'org code has 6 or 9 digits');
const Period = z.string().min(4).max(12).describe("'2020', '2020H1', '2020Q2', '2020-06' or '2020-06-1'");

const RequestOptions = z.object({
  compareTo: z
    .string()
    .max(40)
    .optional()
    .describe('org code and/or rate of the level above: 620000, 620000=92.73%'),
  issuer: z.string().min(1).max(100).optional(),
  date: isoDateText.optional().describe('signing date, default today'),
  dataTakenOn: isoDateText
    .optional()
    .describe(
      'when the data was taken from the system, not after the signing date; default the earlier of today and the signing date',
    ),
  copyTo: z.string().max(200).optional().describe('抄送 line of the closing block'),
  printedBy: z
    .string()
    .max(100)
    .optional()
    .describe('印发机关 of the closing block; default the issuer’s 办公室'),
  docNumber: z.string().max(100).optional(),
  nameLowest: z.number().int().min(0).max(50).optional().describe('name the lowest N units (default 3)'),
  threshold: z
    .string()
    .max(300)
    .optional()
    .describe('naming rules per section: records=0.9,elderly=target,child=lowest:2'),
});

const ArchivedSchema = z.object({
  id: z.number().int(),
  orgCode: z.string(),
  period: z.string(),
  format: z.string(),
  title: z.string(),
  fileName: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  parameters: z.unknown(),
  dataCutoff: z.string().describe('last day of the data (period end)'),
  generatedAt: z.string(),
  scheduleId: z.number().int().nullable(),
  generatedBy: z
    .string()
    .nullable()
    .describe('username (or operator:<os user>) of who generated it, or set its schedule'),
});

const ScheduleSchema = z.object({
  id: z.number().int(),
  orgCode: z.string(),
  every: z.string(),
  format: z.string(),
  parameters: z.record(z.string(), z.unknown()),
  nextRun: z.string(),
  active: z.boolean(),
  lastRunAt: z.string().nullable(),
  lastBulletinId: z.number().int().nullable(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  createdBy: z.string().nullable().describe('username (or operator:<os user>) of who set it'),
});

/** What a body says of who acts: nothing; the server records the signed-in user. */
const WHO_ACTS =
  'Who generates or sets it is the signed-in user, recorded by the server (generatedBy, createdBy); a `by` field is refused. ' +
  '生成人、设定人为当前登录用户。';

/** What every bulletin route may answer about an org beyond the caller's scope. */
const SCOPE_RULE =
  'A bulletin reports on the whole of an org: an org not wholly inside your scope is refused (403). ' +
  'Bulletins hold aggregates only, never personal data. 通报只含汇总数据。';

/** The request options of the body; a text that cannot be read is a 400 naming its field. */
function toRequest(o: z.infer<typeof RequestOptions>): Omit<BulletinRequest, 'orgCode' | 'period'> {
  const out: Omit<BulletinRequest, 'orgCode' | 'period'> = {};
  if (o.compareTo) out.compareTo = parseCompareTo(o.compareTo, 'compareTo');
  if (o.threshold) out.naming = parseThresholdList(o.threshold, 'threshold');
  if (o.issuer) out.issuer = o.issuer;
  if (o.date) out.date = o.date;
  if (o.dataTakenOn) out.dataTakenOn = o.dataTakenOn;
  if (o.copyTo) out.copyTo = o.copyTo;
  if (o.printedBy) out.printedBy = o.printedBy;
  if (o.docNumber) out.docNumber = o.docNumber;
  if (o.nameLowest !== undefined) out.nameLowest = o.nameLowest;
  return out;
}

function noArchivedBulletin(id: number): GongweiError {
  return GongweiError.notFound(
    { zh: `没有编号为 ${id} 的存档通报`, en: `no archived bulletin #${id}` },
    'id',
  );
}

function contentDisposition(fileName: string): string {
  return `attachment; filename="bulletin${fileName.slice(fileName.lastIndexOf('.'))}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/**
 * Sends a file as an attachment under its own name. Sent as a Buffer, it is not serialised:
 * the route's 200 schema (`fileAnswer`) names its media types for the document only.
 */
function sendFile(
  reply: FastifyReply,
  file: { readonly contentType: string; readonly fileName: string; readonly content: Buffer },
): FastifyReply {
  return reply
    .header('content-type', file.contentType)
    .header('content-disposition', contentDisposition(file.fileName))
    .send(file.content);
}

/**
 * REST routes of bulletins: generate (and archive), list and download the archive, the
 * annex/indicator table as Excel, and schedules. Every read is confined to the caller's
 * scope; a bulletin, schedule or table of an org not wholly inside it is refused (403).
 * Bulletins are aggregates (rates, counts, org and place names): reading them needs
 * `aggregates.read`, making them `bulletins.write`, and who made them is the caller. The
 * schedules are run by the server's background jobs (src/server/background-jobs.ts).
 */
export async function registerBulletinRoutes(app: FastifyInstance, db: Db): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post(
    '/bulletins',
    {
      config: { access: 'bulletins.write' },
      schema: {
        tags: ['bulletins'],
        summary: 'Generate and archive a bulletin | 生成通报',
        description: `${SCOPE_RULE} ${WHO_ACTS}`,
        body: RequestOptions.extend({
          orgCode: OrgCode,
          period: Period,
          format: z.enum(BULLETIN_FORMATS as [BulletinFormat, ...BulletinFormat[]]).default('docx'),
        })
          .strict()
          .describe(WHO_ACTS),
        response: {
          201: ArchivedSchema.extend({
            named: z.record(
              z.string(),
              z.array(z.object({ org: z.string(), name: z.string(), value: z.number() })),
            ),
          }),
          400: ErrorSchema,
          403: ErrorSchema,
          422: ErrorSchema,
        },
      },
    },
    async (request, reply) => {
      const { orgCode, period, format, ...rest } = request.body;
      const scope = callerScope(request);
      const generated = await generateBulletin(
        db,
        scope,
        { ...toRequest(rest), orgCode, period },
        format,
        new Date(),
        { by: callerOf(request).name },
      );
      noteAccess(request, {
        action: 'bulletin.generate',
        objectType: 'bulletin',
        objectId: generated.id,
        orgCode,
      });
      const { content: _content, ...archived } = (await getBulletin(db, scope, generated.id))!;
      const named = Object.fromEntries(
        Object.entries(generated.model.named).map(([k, units]) => [
          k,
          units.map((u) => ({ org: u.org, name: u.name, value: u.value })),
        ]),
      );
      return reply.status(201).send({ ...archived, named });
    },
  );

  api.get(
    '/bulletins',
    {
      config: { access: 'aggregates.read' },
      schema: {
        tags: ['bulletins'],
        summary: 'Archived bulletins, newest first | 通报存档',
        description: 'Only bulletins of orgs inside your scope; an org beside it is refused (403).',
        querystring: z.object({
          org: OrgCode.optional().describe('only this org and its subtree'),
          period: Period.optional(),
          limit: z.coerce.number().int().min(1).max(500).default(50),
          offset: z.coerce.number().int().min(0).default(0),
        }),
        response: { 200: z.array(ArchivedSchema), 400: ErrorSchema, 403: ErrorSchema },
      },
    },
    async (request) => {
      const q = request.query;
      return listArchive(db, callerScope(request), {
        ...(q.org ? { org: q.org } : {}),
        ...(q.period ? { period: q.period } : {}),
        limit: q.limit,
        offset: q.offset,
      });
    },
  );

  const idParams = z.object({ id: z.coerce.number().int().min(1) });

  api.get(
    '/bulletins/:id',
    {
      config: { access: 'aggregates.read' },
      schema: {
        tags: ['bulletins'],
        summary: 'One archived bulletin (metadata)',
        description: SCOPE_RULE,
        params: idParams,
        response: { 200: ArchivedSchema, 400: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema },
      },
    },
    async (request) => {
      const b = await readArchivedBulletin(db, callerScope(request), request.params.id);
      if (!b) throw noArchivedBulletin(request.params.id);
      const { content: _content, ...meta } = b;
      return meta;
    },
  );

  api.get(
    '/bulletins/:id/download',
    {
      config: { access: 'aggregates.read' },
      schema: {
        tags: ['bulletins'],
        summary: 'Download an archived bulletin (.docx or .html) | 下载通报',
        description: SCOPE_RULE,
        params: idParams,
        response: {
          200: fileAnswer(BULLETIN_FORMATS, 'the archived bulletin, under its own file name'),
          400: ErrorSchema,
          403: ErrorSchema,
          404: ErrorSchema,
        },
      },
    },
    async (request, reply) => {
      const b = await readArchivedBulletin(db, callerScope(request), request.params.id);
      if (!b) throw noArchivedBulletin(request.params.id);
      return sendFile(reply, b);
    },
  );

  api.get(
    '/bulletins/indicator-table.xlsx',
    {
      config: { access: 'aggregates.read' },
      schema: {
        tags: ['bulletins'],
        summary: 'Every indicator of an org and its children as Excel (the bulletin annex) | 指标表导出',
        description: SCOPE_RULE,
        querystring: z.object({ org: OrgCode, period: Period }),
        response: {
          200: fileAnswer(['xlsx'], 'the indicator table, one sheet'),
          400: ErrorSchema,
          403: ErrorSchema,
        },
      },
    },
    async (request, reply) => {
      const { org, period } = request.query;
      const table = await exportIndicatorTable(db, callerScope(request), org, period);
      return sendFile(reply, {
        contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        fileName: `${table.title}.xlsx`,
        content: await indicatorTableXlsx(table, '指标'),
      });
    },
  );

  api.post(
    '/bulletin-schedules',
    {
      config: { access: 'bulletins.write' },
      schema: {
        tags: ['bulletins'],
        summary: 'Generate a bulletin every quarter, month or 旬 | 定期通报',
        description: `${SCOPE_RULE} ${WHO_ACTS}`,
        body: RequestOptions.extend({
          orgCode: OrgCode,
          every: z.enum(SCHEDULE_EVERY as ['quarter', 'month', 'xun']),
          format: z.enum(BULLETIN_FORMATS as [BulletinFormat, ...BulletinFormat[]]).default('docx'),
        })
          .strict()
          .describe(WHO_ACTS),
        response: {
          201: z.object({ id: z.number().int(), nextRun: z.string() }),
          400: ErrorSchema,
          403: ErrorSchema,
        },
      },
    },
    async (request, reply) => {
      const { orgCode, every, format, ...rest } = request.body;
      const created = await createSchedule(
        db,
        callerScope(request),
        { orgCode, every, format, request: toRequest(rest), createdBy: callerOf(request).name },
        new Date(),
      );
      noteAccess(request, {
        action: 'bulletin-schedule.create',
        objectType: 'bulletin-schedule',
        objectId: created.id,
        orgCode,
      });
      return reply.status(201).send(created);
    },
  );

  api.get(
    '/bulletin-schedules',
    {
      config: { access: 'aggregates.read' },
      schema: {
        tags: ['bulletins'],
        summary: 'Bulletin schedules',
        response: { 200: z.array(ScheduleSchema) },
      },
    },
    async (request) => listSchedules(db, callerScope(request)),
  );

  api.delete(
    '/bulletin-schedules/:id',
    {
      config: { access: 'bulletins.write' },
      schema: {
        tags: ['bulletins'],
        summary: 'Stop a schedule',
        description: SCOPE_RULE,
        params: idParams,
        response: { 204: z.null(), 400: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema },
      },
    },
    async (request, reply) => {
      if (!(await stopSchedule(db, callerScope(request), request.params.id)))
        throw GongweiError.notFound(
          { zh: `没有编号为 ${request.params.id} 的定期通报`, en: `no schedule #${request.params.id}` },
          'id',
        );
      return reply.status(204).send(null);
    },
  );
}
