/**
 * REST routes of the audits (DESIGN C6) under /api/audits. They translate only: parse the
 * request, call one use-case with the caller's scope, answer. Refusals are thrown and
 * answered by src/server/error-reply.ts.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/database.js';
import { GongweiError, type LocalizedText } from '../../domain/gongwei-error.js';
import { noteAccess, type AccessNote } from '../../server/access-notes.js';
import { callerOf, callerScope } from '../../server/caller-scope.js';
import type { RouteAccess } from '../../server/route-access.js';
import { ErrorSchema } from '../../server/error-reply.js';
import { pooledRuleReader } from '../../server/serving.js';
import {
  countFindings,
  getFinding,
  getRun,
  listFindings,
  listHotspots,
  listInstitutionHotspots,
  listRuns,
  resolveFinding,
} from './finding-queries.js';
import type { OrgScope } from '../orgs/org-scope.js';
import { getMergeLogEntry, listMergeLog, mergeDuplicateSet } from './merge-duplicates.js';
import { previewMerge } from './preview-merge.js';
import {
  FindingSchema,
  Id,
  IsoDate,
  MergeLogSchema,
  MergePreviewSchema,
  OrgCode,
  PageSchema,
  RuleId,
  RunSchema,
  SummarySchema,
  Text,
  WindowSchema,
} from './route-schemas.js';
import { AUDIT_PARAMETERS_SCHEMA, describeAuditRules } from './rules/index.js';
import { runAudits } from './run-audits.js';
import { registerUnusedRecordsRoute } from './unused-records-routes.js';

/** The value, or a 404 naming what was not found (in the caller's scope). */
function found<T>(value: T | null, what: LocalizedText): T {
  if (value === null) throw GongweiError.notFound(what, 'id');
  return value;
}

/** What a body says of who acts: nothing; the server records the signed-in user. */
const WHO_ACTS =
  'Who acts is the signed-in user (or the token holder), recorded by the server; a `by` field is refused. ' +
  '操作人为当前登录用户，不接受请求中的 by。';

/**
 * Registers the routes of the audits: the rule catalogue, runs, the work list and its
 * resolution, counts rolled up the tree, hotspots, duplicate sets, merges and the merge log.
 * Answers naming persons (work list, duplicate sets, merge log) need `personal.read`, mask
 * personal data (src/domain/privacy/masking.ts) and are written to the access trail with
 * their row count; "resolved by" and "merged by" are the caller's name.
 */
export async function registerAuditRoutes(app: FastifyInstance, db: Db): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['audits'];

  // A run, a finding or a merge by its id: the one the caller's scope holds, else a 404.
  function getById<S extends z.ZodType>(
    path: string,
    summary: string,
    schema: S,
    read: (db: Db, scope: OrgScope, id: number) => Promise<z.output<S> | null>,
    what: LocalizedText,
    access: RouteAccess,
    note?: (item: z.output<S>, id: number) => AccessNote,
  ): void {
    api.get(
      path,
      {
        config: { access },
        schema: {
          tags,
          summary,
          params: z.object({ id: Id }),
          // `read` answers what `schema` describes: checked where getById is called.
          response: { 200: schema as z.ZodType, 403: ErrorSchema, 404: ErrorSchema },
        },
      },
      async (request) => {
        const item = found(await read(db, callerScope(request), request.params.id), what);
        if (note) noteAccess(request, note(item, request.params.id));
        return item;
      },
    );
  }

  api.get(
    '/audits/rules',
    {
      config: { access: 'aggregates.read' },
      schema: {
        tags,
        summary: 'Audit rules with their default parameters | 核查规则',
        response: {
          200: z.array(
            z.object({
              id: z.string(),
              name: Text,
              description: Text,
              subject: z.string(),
              severities: z.record(z.string(), Text),
              parameters: z.unknown(),
            }),
          ),
        },
      },
    },
    async () => describeAuditRules(),
  );

  api.post(
    '/audits/runs',
    {
      config: { access: 'audits.run' },
      schema: {
        tags,
        summary: 'Run audits and store their findings | 执行核查',
        description: 'The run is written to the access trail under the caller. 执行人记入访问日志。',
        body: z
          .object({
            orgCode: OrgCode.optional(),
            period: z
              .string()
              .max(20)
              .optional()
              .describe("e.g. '2020Q2': services from 1 January to its end"),
            rules: z.array(RuleId).optional(),
            asOf: IsoDate.optional(),
            parameters: AUDIT_PARAMETERS_SCHEMA.optional(),
          })
          .strict(),
        response: {
          200: z.object({
            runId: z.number(),
            orgCode: z.string().nullable(),
            period: z.string().nullable(),
            window: WindowSchema,
            rules: z.array(z.string()),
            summary: z.array(SummarySchema),
          }),
          400: ErrorSchema,
        },
      },
    },
    async (request, reply) => {
      const b = request.body;
      const run = await runAudits(
        db,
        callerScope(request),
        {
          orgCode: b.orgCode,
          period: b.period,
          rules: b.rules,
          asOf: b.asOf,
          parameters: b.parameters,
        },
        // Each rule that only reads is read in the read pool, beside the others and off the event loop.
        pooledRuleReader(request, reply, db),
      );
      noteAccess(request, {
        action: 'audits.run',
        objectType: 'audit-run',
        objectId: run.runId,
        orgCode: b.orgCode ?? null,
      });
      return {
        runId: run.runId,
        orgCode: run.orgCode,
        period: run.period,
        window: run.window,
        rules: run.rules,
        summary: run.summary,
      };
    },
  );

  api.get(
    '/audits/runs',
    {
      config: { access: 'aggregates.read' },
      schema: {
        tags,
        summary: 'Recent runs, newest first | 核查批次',
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(200).default(20) }),
        response: { 200: z.array(RunSchema) },
      },
    },
    async (request) => listRuns(db, callerScope(request), { limit: request.query.limit }),
  );

  getById(
    '/audits/runs/:id',
    'One run | 核查批次',
    RunSchema,
    getRun,
    {
      zh: '未找到核查批次',
      en: 'run not found',
    },
    'aggregates.read',
  );

  const FindingQuery = z.object({
    org: OrgCode.optional(),
    rule: RuleId.optional(),
    severity: z.enum(['error', 'warning', 'info']).optional(),
    status: z.enum(['open', 'resolved', 'closed', 'current', 'all']).default('open'),
    runId: Id.optional(),
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(1000).default(50),
  });

  api.get(
    '/audits/findings',
    {
      config: { access: 'personal.read' },
      schema: {
        tags,
        summary: 'Work list: findings of a unit, paged, personal data masked | 问题清单',
        querystring: FindingQuery,
        response: { 200: PageSchema, 400: ErrorSchema },
      },
    },
    async (request) => {
      const { org, ...rest } = request.query;
      const page = await listFindings(db, callerScope(request), { ...rest, orgCode: org });
      noteAccess(request, {
        action: 'findings.read',
        objectType: 'finding',
        orgCode: org ?? null,
        rowCount: page.items.length,
      });
      return page;
    },
  );

  getById(
    '/audits/findings/:id',
    'One finding | 问题详情',
    FindingSchema,
    getFinding,
    {
      zh: '未找到问题',
      en: 'finding not found',
    },
    'personal.read',
    (item, id) => ({ action: 'finding.read', objectType: 'finding', objectId: id, orgCode: item.org }),
  );

  await registerUnusedRecordsRoute(app, db);

  api.post(
    '/audits/findings/:id/resolve',
    {
      config: { access: 'findings.resolve' },
      schema: {
        tags,
        summary: 'Mark a finding resolved (followed up), with a note | 标记已整改',
        description: `resolvedBy is the caller. ${WHO_ACTS}`,
        params: z.object({ id: Id }),
        body: z
          .object({ note: z.string().max(1000).nullable().optional() })
          .strict()
          .describe(WHO_ACTS),
        response: { 200: FindingSchema, 400: ErrorSchema, 403: ErrorSchema },
      },
    },
    async (request) => {
      const item = await resolveFinding(db, callerScope(request), request.params.id, {
        by: callerOf(request).name,
        note: request.body.note ?? null,
      });
      noteAccess(request, {
        action: 'finding.resolve',
        objectType: 'finding',
        objectId: item.id,
        orgCode: item.org,
      });
      return item;
    },
  );

  api.post(
    '/audits/findings/:id/reopen',
    {
      config: { access: 'findings.resolve' },
      schema: {
        tags,
        summary: 'Reopen a resolved finding | 重新打开',
        description: 'Who reopened is written to the access trail under the caller. 操作人记入访问日志。',
        params: z.object({ id: Id }),
        response: { 200: FindingSchema, 400: ErrorSchema, 403: ErrorSchema },
      },
    },
    async (request) => {
      const item = await resolveFinding(db, callerScope(request), request.params.id, {
        by: callerOf(request).name,
        reopen: true,
      });
      noteAccess(request, {
        action: 'finding.reopen',
        objectType: 'finding',
        objectId: item.id,
        orgCode: item.org,
      });
      return item;
    },
  );

  api.get(
    '/audits/counts',
    {
      config: { access: 'aggregates.read' },
      schema: {
        tags,
        summary: 'Findings per org and rule, rolled up the tree | 按单位统计',
        querystring: z.object({
          org: OrgCode,
          depth: z.coerce.number().int().min(0).max(4).default(1),
          runId: Id.optional(),
          rule: RuleId.optional(),
        }),
        response: {
          200: z.array(
            z.object({
              org: z.string(),
              orgName: z.string(),
              level: z.number(),
              rule: z.string(),
              severity: z.string(),
              count: z.number(),
              affected: z.number(),
            }),
          ),
          400: ErrorSchema,
        },
      },
    },
    async (request) => {
      const q = request.query;
      return countFindings(db, callerScope(request), {
        orgCode: q.org,
        depth: q.depth,
        ...(q.runId ? { runId: q.runId } : {}),
        ...(q.rule ? { rule: q.rule } : {}),
      });
    },
  );

  api.get(
    '/audits/hotspots',
    {
      config: { access: 'aggregates.read' },
      schema: {
        tags,
        summary: 'Townships and villages where findings of a rule concentrate | 问题集中地区',
        querystring: z.object({
          rule: RuleId,
          org: OrgCode,
          limit: z.coerce.number().int().min(1).max(100).default(10),
          level: z.coerce.number().int().min(4).max(5).optional(),
        }),
        response: {
          200: z.array(
            z.object({
              org: z.string(),
              orgName: z.string(),
              level: z.number(),
              fullName: z.string(),
              count: z.number(),
            }),
          ),
          400: ErrorSchema,
        },
      },
    },
    async (request) => {
      const q = request.query;
      return listHotspots(db, callerScope(request), {
        rule: q.rule,
        orgCode: q.org,
        limit: q.limit,
        ...(q.level ? { level: q.level as 4 | 5 } : {}),
      });
    },
  );

  api.get(
    '/audits/institution-hotspots',
    {
      config: { access: 'aggregates.read' },
      schema: {
        tags,
        summary: 'Institutions with the most findings of a rule | 问题集中机构',
        querystring: z.object({
          rule: RuleId,
          org: OrgCode.optional(),
          limit: z.coerce.number().int().min(1).max(100).default(10),
        }),
        response: {
          200: z.array(z.object({ institution: z.string(), countyCode: z.string(), count: z.number() })),
          400: ErrorSchema,
        },
      },
    },
    async (request) =>
      listInstitutionHotspots(db, callerScope(request), {
        rule: request.query.rule,
        limit: request.query.limit,
        ...(request.query.org ? { orgCode: request.query.org } : {}),
      }),
  );

  api.get(
    '/audits/duplicate-sets',
    {
      config: { access: 'personal.read' },
      schema: {
        tags,
        summary: 'Open duplicate sets (the set id is the finding id) | 重复档案组',
        querystring: FindingQuery.omit({ rule: true, severity: true, runId: true }),
        response: { 200: PageSchema, 400: ErrorSchema },
      },
    },
    async (request) => {
      const { org, ...rest } = request.query;
      const page = await listFindings(db, callerScope(request), {
        ...rest,
        orgCode: org,
        rule: 'duplicate_records',
      });
      noteAccess(request, {
        action: 'duplicate-sets.read',
        objectType: 'duplicate-set',
        orgCode: org ?? null,
        rowCount: page.items.length,
      });
      return page;
    },
  );

  api.get(
    '/audits/duplicate-sets/:id/preview',
    {
      config: { access: 'personal.read' },
      schema: {
        tags,
        summary: 'What a merge of a duplicate set would do, side by side, masked | 合并预览',
        description:
          'The records of the set side by side and the value each field of the merged record would take ' +
          '(the precedence of the merge). Personal values masked as in a list; birth date and sex withheld, ' +
          'whether the records agree on them shown. 个人信息已遮蔽。',
        params: z.object({ id: Id }),
        querystring: z.object({
          into: z.string().max(30).optional().describe('record number that survives'),
        }),
        response: { 200: MergePreviewSchema, 400: ErrorSchema, 403: ErrorSchema },
      },
    },
    async (request) => {
      const preview = await previewMerge(db, callerScope(request), {
        setId: request.params.id,
        ...(request.query.into ? { into: request.query.into } : {}),
      });
      noteAccess(request, {
        action: 'duplicate-set.preview',
        objectType: 'duplicate-set',
        objectId: request.params.id,
        rowCount: preview.records.length,
      });
      return preview;
    },
  );

  api.post(
    '/audits/duplicate-sets/:id/merge',
    {
      config: { access: 'merges.write' },
      schema: {
        tags,
        summary: 'Merge a duplicate set into one record | 合并重复档案',
        description:
          'Field values: newest non-empty by default; `prefer` maps a field to the record number whose value wins. ' +
          'Enrolments and services move to the survivor; absorbed records are deleted; a merge log is kept. ' +
          `mergedBy is the caller. ${WHO_ACTS}`,
        params: z.object({ id: Id }),
        body: z
          .object({
            prefer: z.record(z.string(), z.string()).optional(),
            into: z.string().max(30).optional(),
          })
          .strict()
          .describe(WHO_ACTS),
        response: {
          200: z.object({
            mergeId: z.number(),
            survivorRecordNo: z.string(),
            absorbedRecordNos: z.array(z.string()),
            fieldSources: z.record(z.string(), z.string().nullable()),
            movedEnrollments: z.number(),
            droppedEnrollments: z.number(),
            movedServices: z.number(),
            rekeyedServices: z.number(),
          }),
          400: ErrorSchema,
          403: ErrorSchema,
        },
      },
    },
    async (request) => {
      const merged = await mergeDuplicateSet(db, callerScope(request), {
        setId: request.params.id,
        by: callerOf(request).name,
        ...(request.body.prefer ? { prefer: request.body.prefer } : {}),
        ...(request.body.into ? { into: request.body.into } : {}),
      });
      noteAccess(request, {
        action: 'duplicate-set.merge',
        objectType: 'duplicate-set',
        objectId: request.params.id,
      });
      return merged;
    },
  );

  api.get(
    '/audits/merges',
    {
      config: { access: 'personal.read' },
      schema: {
        tags,
        summary: 'Merge log, newest first | 合并记录',
        querystring: z.object({
          org: OrgCode.optional(),
          limit: z.coerce.number().int().min(1).max(500).default(50),
        }),
        response: { 200: z.array(MergeLogSchema), 400: ErrorSchema },
      },
    },
    async (request) => {
      const entries = await listMergeLog(db, callerScope(request), {
        limit: request.query.limit,
        ...(request.query.org ? { orgCode: request.query.org } : {}),
      });
      noteAccess(request, {
        action: 'merges.read',
        objectType: 'merge',
        orgCode: request.query.org ?? null,
        rowCount: entries.length,
      });
      return entries;
    },
  );

  getById(
    '/audits/merges/:id',
    'One merge log entry | 合并记录',
    MergeLogSchema,
    getMergeLogEntry,
    {
      zh: '未找到合并记录',
      en: 'merge not found',
    },
    'personal.read',
    (item, id) => ({ action: 'merge.read', objectType: 'merge', objectId: id, orgCode: item.org }),
  );
}
