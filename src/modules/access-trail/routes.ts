import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/database.js';
import { trailTimeRange } from '../../domain/access/trail-rules.js';
import { ORG_CODE_PATTERN } from '../../domain/orgs/division-codes.js';
import { noteAccess } from '../../server/access-notes.js';
import { callerOf } from '../../server/caller-scope.js';
import { ErrorSchema } from '../../server/error-reply.js';
import { scopeOfOrg } from '../orgs/org-scope.js';
import { listTrail } from './trail-repository.js';

/** The most rows one page of the trail answers. */
export const TRAIL_PAGE_LIMIT = 500;

const OUTCOMES = ['allowed', 'refused', 'failed'] as const;

const TrailQuery = z.object({
  from: z
    .string()
    .max(40)
    .optional()
    .describe('from this date (YYYY-MM-DD, server time zone) or timestamp with its zone, inclusive'),
  to: z.string().max(40).optional().describe('up to this date (its whole day) or timestamp, inclusive'),
  actor: z.string().min(1).max(200).optional().describe('username, token:<name> or operator:<os user>'),
  action: z.string().min(1).max(200).optional().describe('e.g. resident.read or PATCH /api/orgs/:code'),
  outcome: z.enum(OUTCOMES).optional(),
  org: z
    .string()
    .regex(ORG_CODE_PATTERN, 'org code has 6, 9 or 12 digits')
    .optional()
    .describe('only rows of this org and below (within your scope)'),
  before: z.coerce
    .number()
    .int()
    .min(1)
    .optional()
    .describe('the next page: rows with an id below this (the nextBefore of the page before)'),
  limit: z.coerce.number().int().min(1).max(TRAIL_PAGE_LIMIT).default(100),
});

const TrailRowSchema = z
  .object({
    id: z.number().int(),
    at: z.string().describe('ISO timestamp, UTC'),
    actor: z.string(),
    role: z.string().nullable(),
    clientAddress: z.string().nullable(),
    requestId: z.string().nullable(),
    action: z.string(),
    objectType: z.string().nullable(),
    objectId: z.string().nullable(),
    orgCode: z.string().nullable(),
    countyCode: z.string().nullable(),
    outcome: z.enum(OUTCOMES),
    rowCount: z.number().int().nullable().describe('rows a list or an export returned'),
    detail: z
      .string()
      .nullable()
      .describe('the route of a noted read; status, error code and field of a refusal'),
  })
  .describe('One access-trail row');

const TrailPageSchema = z
  .object({
    entries: z.array(TrailRowSchema).describe('newest first'),
    nextBefore: z.number().int().nullable().describe('pass as `before` for the next page; null at the end'),
  })
  .describe('A page of the access trail in your scope');

/**
 * GET /api/access-log: the access trail in the caller's scope (admin and bureau roles,
 * permission `access-log.read`), newest first, a keyset page at a time. A row is in scope
 * when its org is; rows without an org (anonymous refusals, the command-line operator) are
 * for the whole tree only, that is for `gongwei access-log export`. Reading the trail is
 * itself recorded.
 */
export async function registerAccessTrailRoutes(app: FastifyInstance, db: Db): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/access-log',
    {
      config: { access: 'access-log.read' },
      schema: {
        tags: ['access-log'],
        summary: 'The access trail in your scope | 访问日志',
        querystring: TrailQuery,
        response: {
          200: TrailPageSchema,
          400: ErrorSchema,
          401: ErrorSchema,
          403: ErrorSchema,
          404: ErrorSchema,
        },
      },
    },
    async (request) => {
      const query = request.query;
      const caller = callerOf(request);
      const scope =
        query.org === undefined ? caller.scope : (await scopeOfOrg(db.kysely, caller.scope, query.org)).scope;
      const range = trailTimeRange({ from: query.from, to: query.to }, { from: 'from', to: 'to' });
      const rows = await listTrail(
        db.kysely,
        scope,
        { ...range, actor: query.actor, action: query.action, outcome: query.outcome },
        { order: 'newest-first', beforeId: query.before ?? null, limit: query.limit },
      );
      // Noted once the rows are known; a refusal before (an org beside the scope) is
      // recorded by the hook all the same.
      noteAccess(request, {
        action: 'access-log.read',
        objectType: 'access_trail',
        orgCode: query.org ?? caller.orgCode,
        rowCount: rows.length,
      });
      return {
        entries: rows.map((r) => ({
          id: r.id,
          at: r.at,
          actor: r.actor,
          role: r.role,
          clientAddress: r.client_address,
          requestId: r.request_id,
          action: r.action,
          objectType: r.object_type,
          objectId: r.object_id,
          orgCode: r.org_code,
          countyCode: r.county_code,
          outcome: r.outcome as (typeof OUTCOMES)[number],
          rowCount: r.row_count,
          detail: r.detail,
        })),
        nextBefore: rows.length === query.limit ? rows[rows.length - 1]!.id : null,
      };
    },
  );
}
