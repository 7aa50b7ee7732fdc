import { isoDateText } from '../../domain/records/iso-date.js';
import { defaultIssuer } from '../../domain/bulletins/level-words.js';
import { GongweiError } from '../../domain/gongwei-error.js';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/database.js';
import { PER_CAPITA_STANDARDS } from '../../domain/funding/standards.js';
import { callerOf, callerScope } from '../../server/caller-scope.js';
import { ErrorSchema } from '../../server/error-reply.js';
import { fileAnswer } from '../../server/file-answers.js';
import { getOrg } from '../orgs/org-repository.js';
import { WHOLE_TREE } from '../orgs/org-scope.js';
import { allocateFunds } from './allocate-funds.js';
import { fundsDocx, fundsXlsx } from './export-funds.js';
import { findAllocation, listAllocations, listDisbursements } from './funding-repository.js';
import { readFundsStatus } from './funds-status.js';
import { withUploadedFile } from '../import/routes.js';
import { importDisbursementsFile, recordDisbursements } from './record-disbursements.js';

const OrgCode = z.string().regex(/^(\d{6}|\d{9}|\d{12})$/, 'org code has 6, 9 or 12 digits');
const Year = z.coerce.number().int().min(2009).max(2100);
const IsoDate = isoDateText;
const Bp = z.number().int().min(0).max(10000);
const Text = z.object({ zh: z.string(), en: z.string() });

const AllocationSchema = z.object({
  id: z.number().int(),
  orgCode: z.string(),
  year: z.number().int(),
  perCapitaFen: z.number().int().describe('standard, fen per resident (7400 = 74.00 元)'),
  earmarkFen: z
    .number()
    .int()
    .describe('of which new money for villages and urban communities, fen per resident'),
  villageShareBp: z.number().int().describe('share of the rest paid on to village clinics, basis points'),
  advanceShareBp: z.number().int().describe('share paid in advance, basis points'),
  countyShareBp: z.number().int().describe('county matching share, basis points'),
  population: z.number().int(),
  totalFen: z.number().int(),
  allocatedOn: z.string(),
  idleAfter: z.string(),
  idleThresholdBp: z.number().int(),
  lateAfterDays: z.number().int(),
  source: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
});

const UnitStatusSchema = z.object({
  unitCode: z.string(),
  unitName: z.string(),
  countyCode: z.string(),
  population: z.number().int(),
  amountFen: z.number().int(),
  earmarkFen: z.number().int(),
  villageFen: z.number().int(),
  advanceFen: z.number().int(),
  disbursedFen: z.number().int(),
  balanceFen: z.number().int(),
  daysSinceAllocation: z.number().int(),
  thresholdFen: z.number().int(),
  late: z.boolean().describe('advance not fully paid on within the grace days (拨付滞后)'),
  idle: z.boolean().describe('balance above the threshold after the idle date (经费沉淀)'),
  lastPaidOn: z.string().nullable(),
  score: z
    .object({
      runId: z.number().int(),
      period: z.string(),
      centi: z.number().int(),
      maxCenti: z.number().int(),
    })
    .nullable(),
  settlementBaseFen: z.number().int(),
  settledFen: z.number().int().nullable(),
  withheldFen: z.number().int().nullable(),
  finalFen: z.number().int().nullable(),
});

const StatusSchema = z.object({
  allocation: AllocationSchema.extend({ countyCode: z.string().nullable() }),
  asOf: z.string(),
  units: z.array(UnitStatusSchema),
  totals: z.object({
    population: z.number().int(),
    amountFen: z.number().int(),
    disbursedFen: z.number().int(),
    balanceFen: z.number().int(),
    settledFen: z.number().int(),
    idleUnits: z.number().int(),
    lateUnits: z.number().int(),
  }),
});

const StatusQuery = z.object({
  org: OrgCode,
  year: Year,
  asOf: IsoDate.optional().describe('default: today'),
});

const today = (): string => new Date().toISOString().slice(0, 10);

/**
 * REST routes of funding under /api/funds: the per-capita standards, allocations (make, list),
 * disbursements (record a batch), the funds status per unit, and the tables as .xlsx/.docx.
 * Funds hold aggregates only; writing needs `funds.write`, reading `aggregates.read`, and every
 * read is confined to the caller's units.
 */
export async function registerFundingRoutes(app: FastifyInstance, db: Db): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/funds/standards',
    {
      config: { access: 'aggregates.read' },
      schema: {
        tags: ['funds'],
        summary: 'Per-capita standards by year, with their source notices | 人均经费标准',
        response: {
          200: z.array(
            z.object({
              year: z.number().int(),
              perCapitaFen: z.number().int(),
              earmarkFen: z.number().int(),
              source: Text,
              verified: z.boolean(),
            }),
          ),
        },
      },
    },
    async () => PER_CAPITA_STANDARDS.map((s) => ({ ...s })),
  );

  api.get(
    '/funds/allocations',
    {
      config: { access: 'aggregates.read' },
      schema: {
        tags: ['funds'],
        summary: 'Allocations with a unit in your scope | 经费分配列表',
        response: { 200: z.array(AllocationSchema.extend({ countyCode: z.string().nullable() })) },
      },
    },
    async (request) => listAllocations(db, callerScope(request)),
  );

  api.post(
    '/funds/allocations',
    {
      config: { access: 'funds.write' },
      schema: {
        tags: ['funds'],
        summary: 'Allocate a year’s funds of an org down to its health centres | 经费分配',
        description: 'The org must lie wholly inside your scope. 每年每个机构只分配一次。',
        body: z
          .object({
            orgCode: OrgCode,
            year: z.number().int().min(2009).max(2100),
            allocatedOn: IsoDate.optional(),
            villageShareBp: Bp.optional(),
            advanceShareBp: Bp.optional(),
            idleAfter: IsoDate.optional(),
            idleThresholdBp: Bp.optional(),
            lateAfterDays: z.number().int().min(0).max(366).optional(),
            shares: z.object({ centralBp: Bp, provinceBp: Bp, cityBp: Bp, countyBp: Bp }).strict().optional(),
          })
          .strict(),
        response: {
          201: z.object({ id: z.number().int(), totalFen: z.number().int(), units: z.number().int() }),
          400: ErrorSchema,
          403: ErrorSchema,
          404: ErrorSchema,
          409: ErrorSchema,
          422: ErrorSchema,
        },
      },
    },
    async (request, reply) => {
      const r = await allocateFunds(db, callerScope(request), request.body, {
        by: callerOf(request).name,
        at: new Date().toISOString(),
      });
      return reply
        .status(201)
        .send({ id: r.id, totalFen: r.allocation.totalFen, units: r.allocation.units.length });
    },
  );

  api.get(
    '/funds/disbursements',
    {
      config: { access: 'aggregates.read' },
      schema: {
        tags: ['funds'],
        summary: 'Disbursements of an allocation to units in your scope, by date | 拨付记录',
        querystring: z.object({ org: OrgCode, year: Year }),
        response: {
          200: z.array(
            z.object({
              id: z.number().int(),
              unitCode: z.string(),
              paidOn: z.string(),
              payer: z.string(),
              amountFen: z.number().int(),
              purpose: z.string(),
              createdBy: z.string(),
            }),
          ),
          404: ErrorSchema,
        },
      },
    },
    async (request) => {
      const scope = callerScope(request);
      const allocation = await findAllocation(db, scope, request.query.org, request.query.year);
      if (!allocation)
        throw GongweiError.notFound(
          {
            zh: `没有${request.query.org}的${request.query.year}年经费分配`,
            en: `no allocation of ${request.query.org} for ${request.query.year}`,
          },
          'year',
        );
      // Every payment recorded, whatever its date: the list is the ledger, not a status on a day.
      const rows = await listDisbursements(db, scope, allocation.id, '9999-12-31');
      return rows.map((r) => ({ ...r, id: Number(r.id), amountFen: Number(r.amountFen) }));
    },
  );

  api.post(
    '/funds/disbursements',
    {
      config: { access: 'funds.write' },
      schema: {
        tags: ['funds'],
        summary: 'Record disbursements against an allocation (all rows or none) | 录入拨付记录',
        body: z
          .object({
            orgCode: OrgCode,
            year: z.number().int().min(2009).max(2100),
            rows: z
              .array(
                z
                  .object({
                    paidOn: z.string().max(20),
                    payer: z.string().max(100),
                    payeeCode: z.string().max(12),
                    amount: z.union([z.string().max(20), z.number()]).describe('yuan, at most two decimals'),
                    purpose: z.string().max(200).optional(),
                  })
                  .strict(),
              )
              .min(1)
              .max(5000),
          })
          .strict(),
        response: {
          201: z.object({ recorded: z.number().int() }),
          400: ErrorSchema,
          403: ErrorSchema,
          404: ErrorSchema,
        },
      },
    },
    async (request, reply) => {
      const recorded = await recordDisbursements(
        db,
        callerScope(request),
        { orgCode: request.body.orgCode, year: request.body.year },
        request.body.rows,
        { by: callerOf(request).name, at: new Date().toISOString() },
      );
      return reply.status(201).send({ recorded });
    },
  );

  // Encapsulated: only this route reads raw bytes (the file itself, as the import does).
  await app.register(async (scoped) => {
    scoped.addContentTypeParser('application/octet-stream', { parseAs: 'buffer' }, (_request, body, done) =>
      done(null, body),
    );
    scoped.withTypeProvider<ZodTypeProvider>().post(
      '/funds/disbursements/file',
      {
        config: { access: 'funds.write' },
        schema: {
          tags: ['funds'],
          summary: 'Record the disbursements of a .csv or .xlsx file (all rows or none) | 导入拨付记录',
          description:
            'Headers 拨付日期, 付款单位, 收款单位编码, 金额（元）, 用途, as `gongwei funds disburse`. ' +
            'A file with one bad row is refused whole, each problem named by row and column.',
          consumes: ['application/octet-stream'],
          querystring: z.object({
            org: OrgCode,
            year: Year,
            file: z.string().min(1).max(200).describe('the file name; .csv or .xlsx decides how it is read'),
          }),
          body: z
            .custom<Buffer>((value) => Buffer.isBuffer(value), 'send the file as application/octet-stream')
            .describe('the bytes of the .csv or .xlsx file'),
          response: {
            201: z.object({ recorded: z.number().int() }),
            400: ErrorSchema,
            403: ErrorSchema,
            404: ErrorSchema,
            413: ErrorSchema,
            415: ErrorSchema,
          },
        },
      },
      async (request, reply) => {
        const { org, year, file } = request.query;
        const recorded = await withUploadedFile(request.body, file, (path) =>
          importDisbursementsFile(db, callerScope(request), { orgCode: org, year }, path, {
            by: callerOf(request).name,
            at: new Date().toISOString(),
          }),
        );
        return reply.status(201).send({ recorded });
      },
    );
  });

  api.get(
    '/funds/status',
    {
      config: { access: 'aggregates.read' },
      schema: {
        tags: ['funds'],
        summary:
          'Per unit: allocated, disbursed, balance, days, late and idle flags, settlement | 经费执行情况',
        querystring: StatusQuery,
        response: { 200: StatusSchema, 400: ErrorSchema, 404: ErrorSchema },
      },
    },
    async (request) => {
      const s = await readFundsStatus(db, callerScope(request), {
        orgCode: request.query.org,
        year: request.query.year,
        asOf: request.query.asOf ?? today(),
      });
      return { ...s, units: [...s.units] };
    },
  );

  for (const format of ['xlsx', 'docx'] as const)
    api.get(
      `/funds/status.${format}`,
      {
        config: { access: 'aggregates.read' },
        schema: {
          tags: ['funds'],
          summary:
            format === 'xlsx'
              ? 'Allocation and settlement tables as Excel | 经费分配表、结算表（Excel）'
              : 'Allocation and settlement tables as Word | 经费分配表、结算表（Word）',
          querystring: StatusQuery.extend({ issuer: z.string().min(1).max(100).optional() }),
          response: {
            200: fileAnswer([format], 'the allocation and settlement tables'),
            400: ErrorSchema,
            404: ErrorSchema,
          },
        },
      },
      async (request, reply) => {
        const q = request.query;
        const status = await readFundsStatus(db, callerScope(request), {
          orgCode: q.org,
          year: q.year,
          asOf: q.asOf ?? today(),
        });
        const org = await getOrg(db, WHOLE_TREE, q.org);
        if (!org)
          throw GongweiError.notFound({ zh: `没有这个机构：${q.org}`, en: `no such org: ${q.org}` }, 'org');
        const orgName = org.name;
        const content =
          format === 'xlsx'
            ? await fundsXlsx(status, orgName)
            : await fundsDocx(status, orgName, q.issuer ?? defaultIssuer(org));
        const fileName = `${orgName}${q.year}年基本公卫经费.${format}`;
        return reply
          .header(
            'content-type',
            format === 'xlsx'
              ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
              : 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
          )
          .header(
            'content-disposition',
            `attachment; filename="funds.${format}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
          )
          .send(content);
      },
    );
}
