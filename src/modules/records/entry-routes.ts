/**
 * Routes of the entry forms (录入): check an entered service without saving, and save it
 * with the warnings the user acknowledged. The body is the service as the batch API takes
 * it, but its type and payload are checked by the handler (validateService), so that a
 * schema problem comes back as a refusal naming the field like any other check.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/database.js';
import { ENTRY_CHECK_IDS } from '../../domain/records/entry-checks/index.js';
import { SERVICE_TYPES } from '../../domain/service-types.js';
import { callerScope } from '../../server/caller-scope.js';
import { ErrorSchema } from '../../server/error-reply.js';
import { localIsoDate } from '../bulletins/local-date.js';
import { checkEntry, saveEntry, VALIDATION_CHECK } from './enter-service.js';

const optionalText = (max: number) => z.string().max(max).nullable().default(null);

const EnteredService = z
  .object({
    serviceNo: optionalText(64),
    recordNo: z.string().max(40).nullable().default(null).describe('17-digit record number'),
    type: z
      .string()
      .max(40)
      .describe(`one of ${SERVICE_TYPES.join(', ')}`),
    serviceDate: z.string().max(10).describe('YYYY-MM-DD'),
    orgCode: z.string().max(20).nullable().default(null),
    institution: optionalText(100),
    doctor: optionalText(50),
    payload: z.record(z.string(), z.unknown()).describe("checked against the type's payload schema"),
  })
  .describe('A service as entered in a form');

const Finding = z.object({
  check: z.string().describe(`${VALIDATION_CHECK} or one of ${ENTRY_CHECK_IDS.join(', ')}`),
  kind: z.enum(['refusal', 'warning']),
  field: z.string().describe('payload.sbpRight, serviceDate, …'),
  reason: z.object({ zh: z.string(), en: z.string() }),
});

const CheckResult = z.object({ refusals: z.array(Finding), warnings: z.array(Finding) });

/**
 * Registers POST /services/check and POST /services/entry (permission records.write).
 */
export async function registerEntryRoutes(app: FastifyInstance, db: Db): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.post(
    '/services/check',
    {
      config: { access: 'records.write' },
      schema: {
        tags: ['records'],
        summary: 'Check an entered service without saving | 录入校验（不保存）',
        description:
          'Runs the schema of the service type and every entry check (physiological range, left–right ' +
          'systolic difference, uncontrolled reading needs guidance, identical check-up). A resident ' +
          "outside the caller's scope is not found (404).",
        body: EnteredService,
        response: { 200: CheckResult, 400: ErrorSchema, 404: ErrorSchema },
      },
    },
    async (request) => {
      const result = await checkEntry(db, callerScope(request), request.body, localIsoDate(new Date()));
      return { refusals: [...result.refusals], warnings: [...result.warnings] };
    },
  );
  api.post(
    '/services/entry',
    {
      config: { access: 'records.write' },
      schema: {
        tags: ['records'],
        summary: 'Save an entered service | 录入保存',
        description:
          'Runs the same checks as /services/check: a refusal answers 400 naming the field; a warning ' +
          'not listed in `acknowledge` (by check id) answers 422 listing the warnings (issues[].field is ' +
          "the check id); a resident outside the caller's scope answers 403. Saved through the ordinary " +
          'write path: the indicators move at once.',
        body: z.object({
          service: EnteredService,
          acknowledge: z
            .array(z.string().max(40))
            .max(20)
            .default([])
            .describe('check ids of acknowledged warnings'),
        }),
        response: {
          200: z.object({ inserted: z.number().int(), updated: z.number().int() }),
          400: ErrorSchema,
          403: ErrorSchema,
          422: ErrorSchema,
        },
      },
    },
    async (request) =>
      saveEntry(
        db,
        callerScope(request),
        request.body.service,
        request.body.acknowledge,
        localIsoDate(new Date()),
      ),
  );
}
