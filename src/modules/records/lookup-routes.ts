/**
 * REST routes of the records page (档案): search the residents of the caller's scope by record
 * number, ID number or name (a list, so masked for every role), and the enrolments and
 * service timeline of one resident. Both need `personal.read` and are written to the access
 * trail as reads of personal data.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/database.js';
import { ORG_CODE_PATTERN } from '../../domain/orgs/division-codes.js';
import { ageInYears, maskIdNumber, maskName } from '../../domain/privacy/masking.js';
import { noteAccess } from '../../server/access-notes.js';
import { callerOf } from '../../server/caller-scope.js';
import { ErrorSchema } from '../../server/error-reply.js';
import { scopeOfOrg } from '../orgs/org-scope.js';
import { getResidentByRecordNo } from './record-lookups-repository.js';
import { RecordNotFoundError } from './records-errors.js';
import { enrollmentsOfResident, searchResidents, servicesOfResident } from './resident-search-repository.js';

const SearchQuery = z.object({
  q: z.string().trim().min(1).max(50).describe('a record number, an ID number or a name, matched exactly'),
  org: z
    .string()
    .regex(ORG_CODE_PATTERN, 'org code has 6, 9 or 12 digits')
    .optional()
    .describe('only residents of this org and below (within your scope)'),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});

const FoundSchema = z
  .object({
    recordNo: z.string(),
    name: z.string().describe('masked as 陈** (a list)'),
    idNumber: z.string().nullable().describe('masked to the region (first 6): sex and age are shown'),
    sex: z.enum(['M', 'F']).nullable(),
    age: z.number().int().nullable().describe('whole years today; never the birth date in a list'),
    orgCode: z.string(),
    orgName: z.string().nullable(),
    deathDate: z.string().nullable(),
    movedOutDate: z.string().nullable(),
  })
  .describe('A resident found, masked');

const SearchAnswer = z.object({
  total: z.number().int().describe('residents found in all'),
  residents: z.array(FoundSchema),
});

const HistoryAnswer = z
  .object({
    enrollments: z.array(
      z.object({
        program: z.string(),
        startDate: z.string(),
        endDate: z.string().nullable(),
        endReason: z.string().nullable(),
      }),
    ),
    services: z
      .array(
        z.object({
          id: z.number().int(),
          type: z.string(),
          serviceDate: z.string(),
          orgCode: z.string(),
          institution: z.string().nullable(),
          doctor: z.string().nullable(),
          sbp: z.number().nullable(),
          dbp: z.number().nullable(),
          heartRate: z.number().nullable(),
          fastingGlucose: z.number().nullable(),
          weight: z.number().nullable(),
          controlled: z.boolean().nullable(),
          detail: z.record(z.string(), z.unknown()).nullable().describe('the rest of the payload'),
        }),
      )
      .describe('newest first'),
  })
  .describe('The enrolments and the service timeline of one resident');

/** Registers GET /api/residents (search) and GET /api/residents/:recordNo/history. */
export async function registerResidentLookupRoutes(app: FastifyInstance, db: Db): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/residents',
    {
      config: { access: 'personal.read' },
      schema: {
        tags: ['records'],
        summary: 'Search residents by record number, ID number or name | 查找居民',
        description:
          "Exact matches within the caller's scope (and `org`), by record number. A list: names " +
          'and ID numbers masked for every role, age instead of the birth date. Written to the access trail.',
        querystring: SearchQuery,
        response: { 200: SearchAnswer, 400: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      const { q, org, limit, offset } = request.query;
      const scope = org === undefined ? caller.scope : (await scopeOfOrg(db.kysely, caller.scope, org)).scope;
      const found = await searchResidents(db.kysely, scope, q, { limit, offset });
      noteAccess(request, {
        action: 'residents.search',
        objectType: 'resident',
        orgCode: org ?? caller.orgCode,
        rowCount: found.residents.length,
      });
      const today = new Date().toISOString().slice(0, 10);
      return {
        total: found.total,
        residents: found.residents.map((r) => ({
          recordNo: r.recordNo,
          name: maskName(r.name) ?? '',
          idNumber: maskIdNumber(r.idNumber, { withLastFour: false }),
          sex: r.sex,
          age: ageInYears(r.birthDate, today),
          orgCode: r.orgCode,
          orgName: r.orgName,
          deathDate: r.deathDate,
          movedOutDate: r.movedOutDate,
        })),
      };
    },
  );

  api.get(
    '/residents/:recordNo/history',
    {
      config: { access: 'personal.read' },
      schema: {
        tags: ['records'],
        summary: 'The enrolments and services of a resident | 居民纳入管理与服务记录',
        description:
          "Services recorded within the caller's scope, newest first. A record outside the scope is " +
          'not found. Written to the access trail.',
        params: z.object({ recordNo: z.string().max(40) }),
        response: { 200: HistoryAnswer, 404: ErrorSchema },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      const resident = await getResidentByRecordNo(db.kysely, caller.scope, request.params.recordNo);
      if (resident === null)
        throw new RecordNotFoundError({ zh: '档案编号不存在', en: 'no resident with this record number' });
      const [enrollments, services] = await Promise.all([
        enrollmentsOfResident(db.kysely, resident.id),
        servicesOfResident(db.kysely, caller.scope, resident.id),
      ]);
      noteAccess(request, {
        action: 'resident-history.read',
        objectType: 'resident',
        objectId: resident.recordNo,
        orgCode: resident.orgCode,
        countyCode: resident.countyCode,
        rowCount: services.length,
      });
      return { enrollments, services };
    },
  );
}
