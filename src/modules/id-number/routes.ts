import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/database.js';
import { checkIdNumber, maskIdNumber, type IdCheck } from '../../domain/id-number/id-number.js';
import { divisionRegions } from '../orgs/division-source.js';

const ERROR_CODES = ['EMPTY', 'LENGTH', 'CHARS', 'DATE', 'CHECKSUM', 'REGION'] as const;

const IdCheckSchema = z
  .object({
    input: z.string().describe('the input, masked: address code and last character only'),
    valid: z.boolean(),
    normalized: z.string().describe('the normalised (18-digit) number, masked like the input'),
    legacy: z.boolean().describe('true for a 15-digit first-generation number'),
    birthDate: z.string().nullable(),
    sex: z.enum(['M', 'F']).nullable(),
    regionCode: z.string().nullable(),
    regionName: z.string().nullable(),
    regionMatch: z.enum(['county', 'city', 'province', 'none']),
    errors: z.array(z.enum(ERROR_CODES)),
  })
  .describe('Result of a GB 11643 check; see docs/decisions/0004-id-number-rules.md');

const today = (): string => new Date().toISOString().slice(0, 10);

/** The check with the number itself masked, so the answer never carries the full number back. */
function masked(check: IdCheck): IdCheck {
  return { ...check, input: maskIdNumber(check.input), normalized: maskIdNumber(check.normalized) };
}

/**
 * GET /api/id-check?number= and POST /api/id-check (many numbers): GB 11643 checks. The
 * answer masks the number; the GET route logs at warn level only, so its query string
 * never reaches request logs. Prefer POST, whose body is never logged.
 */
export async function registerIdRoutes(app: FastifyInstance, _db: Db): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/id-check',
    {
      logLevel: 'warn',
      config: { access: 'aggregates.read' },
      schema: {
        tags: ['id-number'],
        summary: 'Check one ID number (GB 11643) | 校验身份证号码',
        querystring: z.object({ number: z.string().max(64) }),
        response: { 200: IdCheckSchema },
      },
    },
    async (request) => masked(checkIdNumber(request.query.number, divisionRegions(), { today: today() })),
  );

  api.post(
    '/id-check',
    {
      config: { access: 'aggregates.read' },
      schema: {
        tags: ['id-number'],
        summary: 'Check up to 1000 ID numbers | 批量校验身份证号码',
        body: z.object({ numbers: z.array(z.string().max(64)).min(1).max(1000) }),
        response: { 200: z.object({ results: z.array(IdCheckSchema) }) },
      },
    },
    async (request) => {
      const regions = divisionRegions();
      const date = today();
      return { results: request.body.numbers.map((n) => masked(checkIdNumber(n, regions, { today: date }))) };
    },
  );
}
