/**
 * REST routes of the due list (随访提醒): GET /api/due (a page, for `due.read`) and
 * GET /api/due.xlsx (the whole list as Excel, for `personal.export`). Both are confined to
 * the caller's scope below `org` and written to the access trail. The page is a list, so
 * by the one privacy rule (src/domain/privacy) names are masked for every role; a role with
 * `personal.read` sees the phone masked to 138****1234 (others: none) and opens a resident by
 * record number for the full record. The Excel file, for `personal.export`, is in full.
 */
import { isoDateText } from '../../domain/records/iso-date.js';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/database.js';
import type { Permission } from '../../domain/access/permissions.js';
import { DUE_SERVICES, DUE_SERVICE_NAMES } from '../../domain/due/due-list.js';
import { ORG_CODE_PATTERN } from '../../domain/orgs/division-codes.js';
import { ageInYears, disclosureFor, maskName, maskPhone } from '../../domain/privacy/masking.js';
import { noteAccess } from '../../server/access-notes.js';
import { callerOf } from '../../server/caller-scope.js';
import { ErrorSchema } from '../../server/error-reply.js';
import { scopeOfOrg } from '../orgs/org-scope.js';
import { dueXlsx } from './due-export.js';
import { dueList, type DueRow } from './due-list.js';
import { orgNameOf } from './due-repository.js';
import { teamVillages } from './team-villages.js';

const IsoDate = isoDateText;

const Service = z.enum(DUE_SERVICES);

const DueFilter = z.object({
  org: z
    .string()
    .regex(ORG_CODE_PATTERN, 'org code has 6, 9 or 12 digits')
    .describe('a village, township or above'),
  asOf: IsoDate.describe('the day the list is for'),
  service: z
    .union([Service, z.array(Service).max(DUE_SERVICES.length)])
    .optional()
    .describe('services to list (repeat the parameter); all when absent'),
  doctor: z
    .string()
    .trim()
    .min(1)
    .max(40)
    .optional()
    .describe("only residents whose latest service was this doctor's"),
  team: z
    .string()
    .trim()
    .min(1)
    .max(40)
    .optional()
    .describe("a family-doctor team's code: only the villages it serves"),
  windowDays: z.coerce
    .number()
    .int()
    .min(0)
    .max(90)
    .default(0)
    .describe('also list what is due within this many days'),
});

const DueQuery = DueFilter.extend({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

const DueRowSchema = z.object({
  recordNo: z.string(),
  name: z.string().describe('masked as 陈** (a list)'),
  phone: z.string().nullable().describe('masked as 138****1234; null for a role without personal.read'),
  sex: z.string().nullable(),
  age: z.number().int().nullable().describe('whole years on asOf'),
  orgCode: z.string(),
  orgName: z.string().nullable(),
  service: Service,
  serviceName: z.object({ zh: z.string(), en: z.string() }),
  detail: z.object({ zh: z.string(), en: z.string() }).nullable().describe('e.g. 乙肝疫苗第2剂, 强化期'),
  dueDate: z.string(),
  daysOverdue: z.number().int().describe('negative: due in that many days'),
  lastServiceDate: z.string().nullable(),
  doctor: z.string().nullable(),
});

const DueAnswer = z.object({
  total: z.number().int().describe('rows in all'),
  rows: z.array(DueRowSchema).describe('most overdue first'),
});

function servicesOf(service: z.infer<typeof DueFilter>['service']): (typeof DUE_SERVICES)[number][] {
  if (service === undefined) return [];
  return Array.isArray(service) ? service : [service];
}

function disclosed(
  row: DueRow,
  full: boolean,
  withPhone: boolean,
  asOf: string,
): z.infer<typeof DueRowSchema> {
  const r = row.resident;
  return {
    recordNo: r.recordNo,
    name: full ? r.name : (maskName(r.name) ?? ''),
    phone: !withPhone ? null : full ? r.phone : maskPhone(r.phone),
    sex: r.sex,
    age: ageInYears(r.birthDate, asOf),
    orgCode: r.orgCode,
    orgName: r.orgName,
    service: row.service,
    serviceName: DUE_SERVICE_NAMES[row.service],
    detail: row.detail,
    dueDate: row.dueDate,
    daysOverdue: row.daysOverdue,
    lastServiceDate: row.lastServiceDate,
    doctor: row.doctor,
  };
}

/** Whether a caller sees names and phones in full in this answer. */
function seesFull(permissions: ReadonlySet<Permission>, view: 'list' | 'export'): boolean {
  return disclosureFor(permissions, { view }) === 'full';
}

/** Sends a workbook as an attachment; a Buffer is sent as it is, never through the 200 serializer. */
function sendXlsx(reply: FastifyReply, fileName: string, content: Buffer): FastifyReply {
  return reply
    .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    .header(
      'content-disposition',
      `attachment; filename="due.xlsx"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
    )
    .send(content);
}

/** Registers GET /api/due and GET /api/due.xlsx. */
export async function registerDueRoutes(app: FastifyInstance, db: Db): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/due',
    {
      config: { access: 'due.read' },
      schema: {
        tags: ['due'],
        summary: 'Who is due or overdue for a service on a date | 随访提醒',
        description:
          "Residents of `org` (within the caller's scope) due or overdue on `asOf` by the national basic " +
          'public health service specification (3rd ed.), most overdue first. A list: names masked for every role, ' +
          'phones masked for a role with personal.read and absent for others. Written to the access trail.',
        querystring: DueQuery,
        response: { 200: DueAnswer, 400: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      const q = request.query;
      const { org, scope } = await scopeOfOrg(db.kysely, caller.scope, q.org);
      const rows = await dueList(db.kysely, scope, {
        asOf: q.asOf,
        services: servicesOf(q.service),
        windowDays: q.windowDays,
        doctor: q.doctor,
        villages: q.team === undefined ? undefined : await teamVillages(db.kysely, caller.scope, q.team),
      });
      const page = rows.slice(q.offset, q.offset + q.limit);
      noteAccess(request, {
        action: 'due.read',
        objectType: 'due-list',
        objectId: q.asOf,
        orgCode: org.code,
        countyCode: org.countyCode,
        rowCount: page.length,
      });
      const full = seesFull(caller.permissions, 'list');
      const withPhone = caller.permissions.has('personal.read');
      return { total: rows.length, rows: page.map((r) => disclosed(r, full, withPhone, q.asOf)) };
    },
  );

  api.get(
    '/due.xlsx',
    {
      config: { access: 'personal.export' },
      schema: {
        tags: ['due'],
        summary: 'The due list as Excel | 随访提醒导出',
        description:
          'The whole due list of `org` on `asOf` in one .xlsx (title 随访提醒, the org and the date), with ' +
          'names and phones: only for a role with personal.export. Written to the access trail with its row count.',
        querystring: DueFilter,
        response: {
          200: z.string().describe('the .xlsx file (attachment)'),
          400: ErrorSchema,
          403: ErrorSchema,
        },
      },
    },
    async (request, reply) => {
      const caller = callerOf(request);
      const q = request.query;
      const { org, scope } = await scopeOfOrg(db.kysely, caller.scope, q.org);
      const rows = await dueList(db.kysely, scope, {
        asOf: q.asOf,
        services: servicesOf(q.service),
        windowDays: q.windowDays,
        doctor: q.doctor,
        villages: q.team === undefined ? undefined : await teamVillages(db.kysely, caller.scope, q.team),
      });
      noteAccess(request, {
        action: 'due.export',
        objectType: 'due-list',
        objectId: q.asOf,
        orgCode: org.code,
        countyCode: org.countyCode,
        rowCount: rows.length,
      });
      const full = seesFull(caller.permissions, 'export');
      const orgName = await orgNameOf(db.kysely, org.code);
      const [y, m, d] = q.asOf.split('-').map(Number);
      const title = `随访提醒 ${orgName ?? org.code} ${y}年${m}月${d}日`;
      const file = await dueXlsx(
        title,
        rows.map((row) => ({
          row,
          name: full ? row.resident.name : (maskName(row.resident.name) ?? ''),
          phone: full ? row.resident.phone : null,
          age: ageInYears(row.resident.birthDate, q.asOf),
        })),
      );
      return sendXlsx(reply, `${title.replaceAll(' ', '-')}.xlsx`, file);
    },
  );
}
