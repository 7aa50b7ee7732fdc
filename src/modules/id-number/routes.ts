import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/database.js';
import { checkIdNumber, type IdCheck } from '../../domain/id-number/id-number.js';
import { maskIdNumber } from '../../domain/privacy/masking.js';
import { divisionRegions } from '../orgs/division-source.js';

const ERROR_CODES = ['EMPTY', 'LENGTH', 'CHARS', 'DATE', 'CHECKSUM', 'REGION'] as const;

const IdCheckSchema = z
  .object({
    input: z
      .string()
      .describe(
        'the input, masked: its region (first 6 characters) only, since birth date and sex are beside it',
      ),
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

/**
 * The check with the number itself masked, so the answer never carries the full number
 * back: the region only, as the masking rules want beside a birth date and a sex.
 */
function masked(check: IdCheck): IdCheck {
  const mask = (value: string): string => maskIdNumber(value, { withLastFour: false }) ?? '';
  return { ...check, input: mask(check.input), normalized: mask(check.normalized) };
}

/**
 * GET /api/id-check?number= and POST /api/id-check (many numbers): GB 11643 checks. A pure
 * computation over the numbers the caller sends, stored nowhere and reading no record, so
 * a signed-in caller with aggregates.read may use it. The answer masks the number; the GET
 * route logs at warn level only, so its query string never reaches request logs. Prefer
 * POST, whose body is never logged.
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
