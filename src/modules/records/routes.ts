import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/database.js';
import { PROGRAMS } from '../../domain/programs.js';
import type { EnrollmentInput, ResidentInput, ServiceInput } from '../../domain/records/inputs.js';
import { disclosureFor } from '../../domain/privacy/masking.js';
import { SERVICE_PAYLOAD_SCHEMAS } from '../../domain/records/service-payloads.js';
import { villageOfRecordNo } from '../../domain/records/validation.js';
import { SERVICE_TYPES, type ServiceType } from '../../domain/service-types.js';
import { noteAccess } from '../../server/access-notes.js';
import { callerOf, callerScope } from '../../server/caller-scope.js';
import { ErrorSchema } from '../../server/error-reply.js';
import { getResidentByRecordNo } from './record-lookups-repository.js';
import { residentView, ResidentView } from './resident-view.js';
import { RecordNotFoundError } from './records-errors.js';
import {
  recordResidentEvent,
  removeService,
  writeEnrollments,
  writeResidents,
  writeServices,
  type ResidentEvent,
} from './write-records.js';

const MAX_ITEMS = 10_000;

const date = z.string().max(10).describe('YYYY-MM-DD');
const optionalDate = date.nullable().default(null);
const optionalText = (max: number) => z.string().max(max).nullable().default(null);
const recordNo = z
  .string()
  .max(40)
  .describe('17-digit record number: county 6 + township 3 + village 3 + sequence 5');

const ResidentBody = z
  .object({
    recordNo,
    idNumber: optionalText(40).describe('stored as given; problems are flagged by the audits'),
    name: z.string().max(50),
    sex: z.enum(['M', 'F']).nullable().default(null),
    birthDate: optionalDate,
    ethnicity: optionalText(20),
    orgCode: z
      .string()
      .max(20)
      .optional()
      .describe('12-digit village code, the first 12 digits of the record number; taken from it when absent'),
    phone: optionalText(30),
    contactName: optionalText(50),
    contactPhone: optionalText(30),
    electronic: z.boolean().default(true),
    recordCreated: date,
    recordUpdated: optionalDate,
    deathDate: optionalDate,
    movedOutDate: optionalDate,
  })
  .describe('A resident health record (居民健康档案)');

const EnrollmentBody = z
  .object({
    recordNo,
    program: z.enum(PROGRAMS),
    startDate: date,
    endDate: optionalDate,
    endReason: optionalText(200),
    detail: z.record(z.string(), z.unknown()).nullable().default(null),
  })
  .describe('An enrolment in a programme (纳入管理), matched on record number, programme and start date');

const serviceVariant = <T extends ServiceType>(type: T) =>
  z.object({
    serviceNo: optionalText(64).describe("the source system's id; the match key when present"),
    recordNo: recordNo.nullable().default(null),
    type: z.literal(type),
    serviceDate: date,
    orgCode: z.string().max(20).nullable().default(null).describe("defaults to the resident's village"),
    institution: optionalText(100),
    doctor: optionalText(50),
    payload: SERVICE_PAYLOAD_SCHEMAS[type],
  });

const ServiceBody = z
  .discriminatedUnion(
    'type',
    SERVICE_TYPES.map((t) => serviceVariant(t)) as unknown as [
      ReturnType<typeof serviceVariant>,
      ...ReturnType<typeof serviceVariant>[],
    ],
  )
  .describe('A service event with the payload of its type');

const WriteCountsSchema = z.object({ inserted: z.number().int(), updated: z.number().int() });
/**
 * REST routes of the records (DESIGN C2) for other systems to push the same data an import
 * brings: batches of residents, enrolments and services (all or nothing, per-item errors
 * naming index and field as `items.N.field`), a resident by record number (the single-record
 * view, in full for personal.read and written to the access trail), service deletion,
 * deaths, move-outs, moves and enrolment ends. Every route works within the caller's scope:
 * a batch naming a village, a resident or a stored record outside it is refused (403 naming
 * `items.N.field`, nothing stored); a record a path names outside it is not found (404).
 */
export async function registerRecordRoutes(app: FastifyInstance, db: Db): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const byRecordNo = z.object({ recordNo });
  const batch = <T extends z.ZodType>(item: T) => z.array(item).min(1).max(MAX_ITEMS);
  const writeResponses = { 200: WriteCountsSchema, 400: ErrorSchema, 403: ErrorSchema };

  api.post(
    '/residents',
    {
      config: { access: 'records.write' },
      schema: {
        tags: ['records'],
        summary: 'Insert or update residents (all or nothing) | 批量写入居民健康档案',
        body: batch(ResidentBody),
        response: writeResponses,
      },
    },
    async (request) =>
      writeResidents(
        db,
        callerScope(request),
        request.body.map((r): ResidentInput => ({
          ...r,
          orgCode: r.orgCode ?? villageOfRecordNo(r.recordNo),
        })),
      ),
  );

  api.post(
    '/enrollments',
    {
      config: { access: 'records.write' },
      schema: {
        tags: ['records'],
        summary: 'Insert or update enrolments (all or nothing) | 批量写入纳入管理',
        body: batch(EnrollmentBody),
        response: writeResponses,
      },
    },
    async (request) => writeEnrollments(db, callerScope(request), request.body as EnrollmentInput[]),
  );

  api.post(
    '/services',
    {
      config: { access: 'records.write' },
      schema: {
        tags: ['records'],
        summary: 'Insert or update service events (all or nothing) | 批量写入服务记录',
        body: batch(ServiceBody),
        response: writeResponses,
      },
    },
    async (request) => writeServices(db, callerScope(request), request.body as ServiceInput[]),
  );

  api.get(
    '/residents/:recordNo',
    {
      config: { access: 'personal.read' },
      schema: {
        tags: ['records'],
        summary: 'A resident by record number, in full for personal.read | 查询居民档案',
        description:
          'The single-record view: ID number, name and phones in full for a role with personal.read ' +
          '(a viewer is refused). Every read is written to the access trail. A record outside the ' +
          "caller's scope is not found.",
        params: byRecordNo,
        response: { 200: ResidentView, 404: ErrorSchema },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      const resident = await getResidentByRecordNo(db.kysely, caller.scope, request.params.recordNo);
      if (resident === null)
        throw new RecordNotFoundError({ zh: '档案编号不存在', en: 'no resident with this record number' });
      noteAccess(request, {
        action: 'resident.read',
        objectType: 'resident',
        objectId: resident.recordNo,
        orgCode: resident.orgCode,
        countyCode: resident.countyCode,
      });
      return residentView(resident, disclosureFor(caller.permissions, { view: 'record' }));
    },
  );

  api.delete(
    '/services/:id',
    {
      config: { access: 'records.write' },
      schema: {
        tags: ['records'],
        summary: 'Delete a service event | 删除服务记录',
        description:
          "A service of another village, or of a resident outside the caller's scope, is not found (404): nothing is deleted.",
        params: z.object({ id: z.coerce.number().int().positive() }),
        response: { 204: z.null(), 404: ErrorSchema },
      },
    },
    async (request, reply) => {
      await removeService(db, callerScope(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  const event = <B extends z.ZodObject>(
    path: string,
    summary: string,
    body: B,
    eventOf: (body: z.output<B>) => ResidentEvent,
  ): void => {
    api.post(
      `/residents/:recordNo/${path}`,
      {
        config: { access: 'records.write' },
        schema: {
          tags: ['records'],
          summary,
          params: byRecordNo,
          body,
          response: { 204: z.null(), 400: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema },
        },
      },
      async (request, reply) => {
        await recordResidentEvent(
          db,
          callerScope(request),
          request.params.recordNo,
          eventOf(request.body as z.output<B>),
        );
        return reply.status(204).send(null);
      },
    );
  };
  event('death', 'Record a death | 登记死亡', z.object({ date }), (b) => ({ kind: 'death', date: b.date }));
  event('move-out', 'Record a move out of the area | 登记迁出', z.object({ date }), (b) => ({
    kind: 'move-out',
    date: b.date,
  }));
  event(
    'move',
    'Move a resident to another village | 迁往其他村（居）',
    z.object({ orgCode: z.string().max(20).describe('12-digit village code') }),
    (b) => ({ kind: 'move', orgCode: b.orgCode }),
  );
  event(
    'end-enrollment',
    'End an active enrolment | 结案',
    z.object({ program: z.enum(PROGRAMS), endDate: date, endReason: optionalText(200) }),
    (b) => ({
      kind: 'end-enrollment',
      program: b.program,
      endDate: b.endDate,
      endReason: b.endReason ?? null,
    }),
  );
}
