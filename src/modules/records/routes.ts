import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/database.js';
import { PROGRAMS } from '../../domain/programs.js';
import type { EnrollmentInput, ResidentInput, ServiceInput } from '../../domain/records/inputs.js';
import { maskIdNumber, maskPhone } from '../../domain/records/masking.js';
import { SERVICE_PAYLOAD_SCHEMAS } from '../../domain/records/service-payloads.js';
import { SERVICE_TYPES } from '../../domain/service-types.js';
import { RecordNotFoundError, RecordsWriteError } from './records-errors.js';
import {
  deleteService,
  endEnrollment,
  getResidentByRecordNo,
  moveResident,
  recordDeath,
  recordMoveOut,
  upsertEnrollments,
  upsertResidents,
  upsertServices,
} from './records-repository.js';

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
    orgCode: z.string().max(20).describe('12-digit village code; the first 12 digits of the record number'),
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

const serviceVariant = <T extends (typeof SERVICE_TYPES)[number]>(type: T) =>
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
const ReasonSchema = z.object({ zh: z.string(), en: z.string() });
const ProblemsSchema = z.object({
  error: z.string(),
  message: z.string(),
  problems: z
    .array(z.object({ index: z.number().int(), field: z.string(), reason: ReasonSchema }))
    .optional(),
});

const MaskedResident = z.object({
  recordNo: z.string(),
  idNumber: z.string().nullable().describe('masked: first 6 and last 4 characters'),
  name: z.string(),
  sex: z.enum(['M', 'F']).nullable(),
  birthDate: z.string().nullable(),
  ethnicity: z.string().nullable(),
  orgCode: z.string(),
  countyCode: z.string(),
  phone: z.string().nullable().describe('masked: first 3 and last 4 digits'),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable().describe('masked: first 3 and last 4 digits'),
  electronic: z.boolean(),
  recordCreated: z.string(),
  recordUpdated: z.string().nullable(),
  deathDate: z.string().nullable(),
  movedOutDate: z.string().nullable(),
});

/** Sends the refusal of a write: 400 with every problem, or 404 for a missing record. */
function refusal(reply: FastifyReply, error: unknown): FastifyReply {
  if (error instanceof RecordsWriteError)
    return reply
      .status(400)
      .send({ error: 'validation', message: error.message, problems: [...error.problems] });
  if (error instanceof RecordNotFoundError)
    return reply.status(404).send({ error: 'not_found', message: error.message });
  throw error;
}

/**
 * REST routes of the records (DESIGN C2) for other systems to push the same data an import
 * brings: batches of residents, enrolments and services (all or nothing, per-item errors
 * naming index and field), a resident by record number with ID and phone masked, service
 * deletion, deaths, move-outs, moves and enrolment ends.
 */
export async function registerRecordRoutes(app: FastifyInstance, db: Db): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const byRecordNo = z.object({ recordNo });
  const batch = <T extends z.ZodType>(item: T) => z.array(item).min(1).max(MAX_ITEMS);
  const writeResponses = { 200: WriteCountsSchema, 400: ProblemsSchema };

  api.post(
    '/residents',
    {
      schema: {
        tags: ['records'],
        summary: 'Insert or update residents (all or nothing) | 批量写入居民健康档案',
        body: batch(ResidentBody),
        response: writeResponses,
      },
    },
    async (request, reply) =>
      db.kysely
        .transaction()
        .execute((trx) => upsertResidents(trx, request.body as ResidentInput[]))
        .catch((error: unknown) => refusal(reply, error)),
  );

  api.post(
    '/enrollments',
    {
      schema: {
        tags: ['records'],
        summary: 'Insert or update enrolments (all or nothing) | 批量写入纳入管理',
        body: batch(EnrollmentBody),
        response: writeResponses,
      },
    },
    async (request, reply) =>
      db.kysely
        .transaction()
        .execute((trx) => upsertEnrollments(trx, request.body as EnrollmentInput[]))
        .catch((error: unknown) => refusal(reply, error)),
  );

  api.post(
    '/services',
    {
      schema: {
        tags: ['records'],
        summary: 'Insert or update service events (all or nothing) | 批量写入服务记录',
        body: batch(ServiceBody),
        response: writeResponses,
      },
    },
    async (request, reply) =>
      db.kysely
        .transaction()
        .execute((trx) => upsertServices(trx, request.body as ServiceInput[]))
        .catch((error: unknown) => refusal(reply, error)),
  );

  api.get(
    '/residents/:recordNo',
    {
      schema: {
        tags: ['records'],
        summary: 'A resident by record number, ID number and phones masked | 查询居民档案',
        params: byRecordNo,
        response: { 200: MaskedResident, 404: ProblemsSchema },
      },
    },
    async (request, reply) => {
      const resident = await getResidentByRecordNo(db.kysely, request.params.recordNo);
      if (resident === null)
        return reply
          .status(404)
          .send({ error: 'not_found', message: '档案编号不存在 / no resident with this record number' });
      return {
        recordNo: resident.recordNo,
        idNumber: maskIdNumber(resident.idNumber),
        name: resident.name,
        sex: resident.sex,
        birthDate: resident.birthDate,
        ethnicity: resident.ethnicity,
        orgCode: resident.orgCode,
        countyCode: resident.countyCode,
        phone: maskPhone(resident.phone),
        contactName: resident.contactName,
        contactPhone: maskPhone(resident.contactPhone),
        electronic: resident.electronic,
        recordCreated: resident.recordCreated,
        recordUpdated: resident.recordUpdated,
        deathDate: resident.deathDate,
        movedOutDate: resident.movedOutDate,
      };
    },
  );

  api.delete(
    '/services/:id',
    {
      schema: {
        tags: ['records'],
        summary: 'Delete a service event | 删除服务记录',
        params: z.object({ id: z.coerce.number().int().positive() }),
        response: { 204: z.null(), 404: ProblemsSchema },
      },
    },
    async (request, reply) => {
      const deleted = await db.kysely.transaction().execute((trx) => deleteService(trx, request.params.id));
      if (!deleted)
        return reply.status(404).send({ error: 'not_found', message: '服务记录不存在 / no such service' });
      return reply.status(204).send(null);
    },
  );

  const event = (
    path: string,
    summary: string,
    body: z.ZodObject,
    apply: (
      recordNo: string,
      body: Record<string, unknown>,
    ) => (trx: Parameters<typeof recordDeath>[0]) => Promise<void>,
  ): void => {
    api.post(
      `/residents/:recordNo/${path}`,
      {
        schema: {
          tags: ['records'],
          summary,
          params: byRecordNo,
          body,
          response: { 204: z.null(), 400: ProblemsSchema, 404: ProblemsSchema },
        },
      },
      async (request, reply) => {
        try {
          await db.kysely
            .transaction()
            .execute(apply(request.params.recordNo, request.body as Record<string, unknown>));
          return reply.status(204).send(null);
        } catch (error) {
          return refusal(reply, error);
        }
      },
    );
  };
  event(
    'death',
    'Record a death | 登记死亡',
    z.object({ date }),
    (no, b) => (trx) => recordDeath(trx, no, b.date as string),
  );
  event(
    'move-out',
    'Record a move out of the area | 登记迁出',
    z.object({ date }),
    (no, b) => (trx) => recordMoveOut(trx, no, b.date as string),
  );
  event(
    'move',
    'Move a resident to another village | 迁往其他村（居）',
    z.object({ orgCode: z.string().max(20).describe('12-digit village code') }),
    (no, b) => (trx) => moveResident(trx, no, b.orgCode as string),
  );
  event(
    'end-enrollment',
    'End an active enrolment | 结案',
    z.object({ program: z.enum(PROGRAMS), endDate: date, endReason: optionalText(200) }),
    (no, b) => (trx) =>
      endEnrollment(
        trx,
        no,
        b.program as string,
        b.endDate as string,
        (b.endReason as string | null) ?? null,
      ),
  );
}
