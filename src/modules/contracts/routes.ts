/**
 * REST routes of family-doctor contracts (家庭医生签约, docs/contracts.md) under
 * /api/contracts: the teams of the caller's scope, the contract list of an org (a list of
 * people: masked for every role and written to the access trail), the contract indicators of
 * an org and its children for a period, and the import of a teams or contracts file (all or
 * nothing: one refused row and nothing is stored; the report names each row and column).
 * The indicators need `aggregates.read`; the teams and the contract list (people) `contracts.read`;
 * importing `contracts.write`; every call is confined to the
 * caller's scope (an org beside it 403, an unknown org or team 404).
 */
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/database.js';
import { CONTRACT_INDICATORS } from '../../domain/contracts/contract-indicators.js';
import { MEMBER_ROLES, type MemberRole } from '../../domain/contracts/contract-columns.js';
import {
  CONTRACT_STATUSES,
  KEY_POPULATIONS,
  TERMINATION_REASONS,
} from '../../domain/contracts/contract-rules.js';
import { SERVICE_PACKAGE_CODES } from '../../domain/contracts/service-packages.js';
import { ORG_CODE_PATTERN } from '../../domain/orgs/division-codes.js';
import { maskName } from '../../domain/privacy/masking.js';
import { parsePeriod, periodLabel } from '../../domain/periods/period.js';
import { noteAccess } from '../../server/access-notes.js';
import { callerOf, callerScope } from '../../server/caller-scope.js';
import { ErrorSchema } from '../../server/error-reply.js';
import { withUploadedFile } from '../import/routes.js';
import { contractIndicatorsOfOrg } from './contract-indicator-values.js';
import { importContractsFile, type ContractImportReport } from './import-contracts.js';
import { listContracts } from './list-contracts.js';
import { teamsOf } from './list-teams.js';

/** The most rejections one answer lists. */
const MAX_LISTED_REJECTIONS = 1000;

const OrgCode = z.string().regex(ORG_CODE_PATTERN, 'org code has 6, 9 or 12 digits');
const Text = z.object({ zh: z.string(), en: z.string() });
const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD')
  // zod runs every check even after the pattern failed: an unparseable text must not throw here.
  .refine((s) => {
    const day = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === s;
  }, 'not a calendar date');
const TeamCode = z.string().trim().min(1).max(40);

const TeamSchema = z
  .object({
    code: z.string(),
    name: z.string(),
    institutionCode: z.string().describe('the township health centre (or community centre) it belongs to'),
    members: z.array(
      z.object({
        name: z.string(),
        role: z.enum(Object.keys(MEMBER_ROLES) as [MemberRole, ...MemberRole[]]),
      }),
    ),
    villages: z.array(z.string()).describe('village codes it serves'),
  })
  .describe('A family-doctor team (家庭医生团队)');

const ListQuery = z.object({
  org: OrgCode.describe('a village, township or above, within your scope'),
  asOf: IsoDate.optional().describe('the day statuses are judged on (default: today)'),
  status: z.enum(CONTRACT_STATUSES).optional().describe('only contracts of this status on asOf'),
  team: TeamCode.optional().describe("a team's code: only its contracts (404 when no such team)"),
  keyPopulation: z
    .enum(KEY_POPULATIONS)
    .optional()
    .describe('only contracts flagged for this group at signing'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

const ContractSchema = z
  .object({
    contractNo: z.string(),
    recordNo: z.string(),
    name: z.string().describe('masked as 陈** (a list) for every role'),
    idNumber: z
      .string()
      .nullable()
      .describe('masked: region and last 4 for a role with personal.read, the region only for others'),
    orgCode: z.string().describe("the resident's village at signing"),
    teamCode: z.string(),
    teamName: z.string(),
    signedDate: z.string(),
    endDate: z.string(),
    packageCode: z.enum(SERVICE_PACKAGE_CODES as [string, ...string[]]),
    keyPopulations: z.array(z.enum(KEY_POPULATIONS)).describe('fixed at signing from the registries'),
    renewal: z.boolean().describe('continues an earlier contract (续约)'),
    status: z.enum(CONTRACT_STATUSES).describe('on asOf'),
    terminatedDate: z.string().nullable(),
    terminationReason: z.enum(Object.keys(TERMINATION_REASONS) as [string, ...string[]]).nullable(),
  })
  .describe('One contract of the list, the resident masked');

const ListAnswer = z.object({
  asOf: z.string(),
  total: z.number().int().describe('contracts passing the filters in all'),
  rows: z.array(ContractSchema).describe('newest signing first'),
});

const IndicatorsQuery = z.object({
  org: OrgCode.describe('the org whose row and children rows are answered'),
  period: z
    .string()
    .max(12)
    .describe("'2020', '2020H1', '2020Q2', '2020-06' or a 旬 '2020-06-1'; year to date as of its end"),
});

const IndicatorsAnswer = z.object({
  period: z.string(),
  periodLabel: Text,
  indicators: z.array(z.object({ id: z.string(), name: Text, definition: Text })),
  rows: z
    .array(
      z.object({
        orgCode: z.string(),
        orgName: z.string(),
        level: z.number().int(),
        values: z.array(
          z.object({
            id: z.string(),
            numerator: z.number().int(),
            denominator: z.number().int(),
            value: z.number().nullable().describe('percent; null when the denominator is 0'),
          }),
        ),
      }),
    )
    .describe('the org first, then its children by code'),
});

const ImportQuery = z.object({
  kind: z.enum(['teams', 'contracts']).describe('what the file holds'),
  file: z
    .string()
    .min(1)
    .max(200)
    .describe('the file name as the user chose it; .csv (UTF-8 or GBK) or .xlsx decides how it is read'),
});

const FileBody = z
  .custom<Buffer>((value) => Buffer.isBuffer(value), 'send the file as application/octet-stream')
  .describe('the bytes of the .csv or .xlsx file');

const ImportAnswer = z
  .object({
    kind: z.enum(['teams', 'contracts']),
    file: z.string().describe('the file name sent'),
    encoding: z.string().describe('utf-8, gbk or xlsx'),
    rowsRead: z.number().int().describe('non-blank data rows (the header not counted)'),
    inserted: z.number().int(),
    updated: z.number().int(),
    renewals: z.number().int().describe('of the contracts stored, those continuing an earlier one'),
    rejected: z.number().int().describe('rows refused'),
    landed: z.boolean().describe('false when any row was refused: then nothing is stored'),
    rejections: z
      .array(
        z.object({
          row: z.number().int().describe('as Excel shows it (the header is row 1)'),
          column: z.string(),
          field: z.string(),
          value: z.string(),
          reason: Text,
        }),
      )
      .describe(`every problem of the refused rows in file order, at most ${MAX_LISTED_REJECTIONS}`),
    rejectionsListed: z.boolean().describe('false when more problems were found than listed'),
    ignoredColumns: z.array(z.string()),
  })
  .describe('What a contract import did (docs/contracts.md)');

function answerOf(report: ContractImportReport, fileName: string): z.infer<typeof ImportAnswer> {
  return {
    kind: report.kind,
    file: fileName,
    encoding: report.encoding,
    rowsRead: report.rowsRead,
    inserted: report.inserted,
    updated: report.updated,
    renewals: report.renewals,
    rejected: report.rejected,
    landed: report.landed,
    rejections: report.rejections.slice(0, MAX_LISTED_REJECTIONS).map((r) => ({
      row: r.row,
      column: r.column,
      field: r.field,
      value: r.value,
      reason: { zh: r.reason.zh, en: r.reason.en },
    })),
    rejectionsListed: report.rejections.length <= MAX_LISTED_REJECTIONS,
    ignoredColumns: [...report.ignoredColumns],
  };
}

const today = (): string => new Date().toISOString().slice(0, 10);

/**
 * Registers GET /api/contracts/teams, GET /api/contracts, GET /api/contracts/indicators and
 * POST /api/contracts/import.
 */
export async function registerContractRoutes(app: FastifyInstance, db: Db): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/contracts/teams',
    {
      config: { access: 'contracts.read' },
      schema: {
        tags: ['contracts'],
        summary: 'Family-doctor teams of your scope | 家庭医生团队',
        description:
          "The teams whose institution lies in the caller's scope, or that serve one of its villages " +
          '(below `org` when given), by code, with their members (names masked for a role without ' +
          'personal.read) and the villages they serve.',
        querystring: z.object({ org: OrgCode.optional() }),
        response: { 200: z.array(TeamSchema), 400: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      const teams = await teamsOf(db, caller.scope, request.query.org);
      // Members are people too: a role without personal.read (the viewer) sees them masked.
      const full = caller.permissions.has('personal.read');
      return teams.map((t) => ({
        code: t.code,
        name: t.name,
        institutionCode: t.institutionCode,
        members: t.members.map((m) => ({ name: full ? m.name : (maskName(m.name) ?? ''), role: m.role })),
        villages: [...t.villages],
      }));
    },
  );

  api.get(
    '/contracts',
    {
      config: { access: 'contracts.read' },
      schema: {
        tags: ['contracts'],
        summary: 'Contracts of an org, paged, residents masked | 签约名单',
        description:
          "The contracts of `org` (within the caller's scope), newest signing first, with each one's " +
          'status on `asOf`. A list of people: names masked as 陈** for every role, ID numbers to the ' +
          'region and last 4 for a role with personal.read and to the region for others. Every page is ' +
          'written to the access trail.',
        querystring: ListQuery,
        response: { 200: ListAnswer, 400: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      const q = request.query;
      const asOf = q.asOf ?? today();
      const page = await listContracts(db, caller.scope, caller.permissions, {
        org: q.org,
        asOf,
        status: q.status,
        teamCode: q.team,
        keyPopulation: q.keyPopulation,
        limit: q.limit,
        offset: q.offset,
      });
      noteAccess(request, {
        action: 'contracts.read',
        objectType: 'contract-list',
        objectId: asOf,
        orgCode: page.org.code,
        countyCode: page.org.countyCode,
        rowCount: page.rows.length,
      });
      return {
        asOf,
        total: page.total,
        rows: page.rows.map((r) => ({ ...r, keyPopulations: [...r.keyPopulations] })),
      };
    },
  );

  api.get(
    '/contracts/indicators',
    {
      config: { access: 'aggregates.read' },
      schema: {
        tags: ['contracts'],
        summary: 'Contract indicators of an org and its children | 签约指标',
        description:
          'The contract rate, the key-population contract rates (overall and per group), the renewal ' +
          'rate and the rate of contracted services delivered, year to date at the end of `period`, ' +
          'for `org` and each of its children in the caller’s scope: sums of numerators over sums of ' +
          'denominators, computed on demand from the stored contracts (ADR 0018).',
        querystring: IndicatorsQuery,
        response: { 200: IndicatorsAnswer, 400: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema },
      },
    },
    async (request) => {
      const period = parsePeriod(request.query.period);
      const answer = await contractIndicatorsOfOrg(db, callerScope(request), request.query.org, period);
      return {
        period: period.text,
        periodLabel: periodLabel(period),
        indicators: CONTRACT_INDICATORS.map((i) => ({ id: i.id, name: i.name, definition: i.definition })),
        rows: answer.rows.map((r) => ({
          orgCode: r.orgCode,
          orgName: r.orgName,
          level: r.level,
          values: r.values.map((v) => ({ ...v })),
        })),
      };
    },
  );

  // Encapsulated: only this route reads raw bytes.
  await app.register(async (scoped) => {
    scoped.addContentTypeParser('application/octet-stream', { parseAs: 'buffer' }, (_request, body, done) =>
      done(null, body),
    );
    scoped.withTypeProvider<ZodTypeProvider>().post(
      '/contracts/import',
      {
        config: { access: 'contracts.write' },
        schema: {
          tags: ['contracts'],
          summary: 'Import family-doctor teams or contracts (all or nothing) | 导入家庭医生团队或签约',
          description:
            'The body is the .csv or .xlsx file itself (application/octet-stream), with the Chinese headers ' +
            'of docs/contracts.md. Every row is checked against the caller’s scope (the org, the villages, ' +
            'the resident and the team); one refused row and nothing is stored, and the report names each ' +
            'refused row, column and reason. Importing a contract number again updates it.',
          consumes: ['application/octet-stream'],
          querystring: ImportQuery,
          body: FileBody,
          response: {
            200: ImportAnswer,
            400: ErrorSchema,
            403: ErrorSchema,
            413: ErrorSchema,
            415: ErrorSchema,
          },
        },
      },
      async (request) => {
        const { query, body } = request as unknown as { query: z.infer<typeof ImportQuery>; body: Buffer };
        const report = await withUploadedFile(body, query.file, (path, folder) =>
          importContractsFile(db, callerScope(request), query.kind, path, {
            rejectsPath: join(folder, 'rejected.csv'),
          }),
        );
        // The file name may hold a person's name: the trail gets the kind and the counts only.
        noteAccess(request, {
          action: 'contracts.import',
          objectType: 'import',
          objectId: query.kind,
          rowCount: report.rowsRead,
        });
        return answerOf(report, query.file);
      },
    );
  });
}
