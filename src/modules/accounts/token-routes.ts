import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/database.js';
import { TOKEN_NAME_PATTERN } from '../../domain/access/account-names.js';
import { noteAccess } from '../../server/access-notes.js';
import { callerOf } from '../../server/caller-scope.js';
import { ErrorSchema } from '../../server/error-reply.js';
import type { ApiToken } from './api-tokens-repository.js';
import {
  addApiToken,
  DEFAULT_TOKEN_DAYS,
  listTokensOf,
  MAX_TOKEN_DAYS,
  revokeToken,
} from './manage-tokens.js';
import { OrgCodeSchema, RoleSchema } from './user-routes.js';

const TokenSchema = z
  .object({
    id: z.number().int(),
    name: z.string().describe('the access trail names its requests token:<name>'),
    role: RoleSchema,
    orgCode: z.string(),
    createdBy: z.string(),
    createdAt: z.string(),
    expiresAt: z.string(),
    revokedAt: z.string().nullable(),
    lastUsedAt: z.string().nullable().describe('to the minute'),
  })
  .describe('An API token (never its secret)');

const NewTokenBody = z.object({
  name: z.string().regex(TOKEN_NAME_PATTERN, 'a token name has 1–64 letters, digits or . _ -'),
  role: RoleSchema,
  orgCode: OrgCodeSchema,
  expiresInDays: z
    .number()
    .int()
    .min(1)
    .max(MAX_TOKEN_DAYS)
    .default(DEFAULT_TOKEN_DAYS)
    .describe(`days until it expires, 1–${MAX_TOKEN_DAYS} (default ${DEFAULT_TOKEN_DAYS})`),
});

const toAnswer = (token: ApiToken): z.infer<typeof TokenSchema> => ({ ...token });

/**
 * API tokens under /api/tokens (permission `users.manage`): create one (its secret is in
 * that answer only), list them without secrets, revoke one. A system sends the secret as
 * `Authorization: Bearer <secret>`; such requests carry no cookie and need no CSRF header.
 */
export async function registerTokenRoutes(app: FastifyInstance, db: Db): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const config = { access: 'users.manage' } as const;
  const errors = { 400: ErrorSchema, 401: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema };

  api.get(
    '/tokens',
    {
      config,
      schema: {
        tags: ['tokens'],
        summary: 'API tokens in scope | 接口令牌列表',
        response: { 200: z.array(TokenSchema), ...errors },
      },
    },
    async (request) => (await listTokensOf(db, callerOf(request))).map(toAnswer),
  );

  api.post(
    '/tokens',
    {
      config,
      schema: {
        tags: ['tokens'],
        summary: 'Create an API token (the secret is shown once) | 新建接口令牌',
        body: NewTokenBody,
        response: {
          201: TokenSchema.extend({
            secret: z.string().describe('send as Authorization: Bearer <secret>; shown only in this answer'),
          }),
          ...errors,
        },
      },
    },
    async (request, reply) => {
      noteAccess(request, {
        action: 'token.create',
        objectType: 'token',
        objectId: request.body.name,
        orgCode: request.body.orgCode,
      });
      const { token, secret } = await addApiToken(db, callerOf(request), request.body, { now: new Date() });
      return reply.status(201).send({ ...toAnswer(token), secret });
    },
  );

  api.delete(
    '/tokens/:id',
    {
      config,
      schema: {
        tags: ['tokens'],
        summary: 'Revoke an API token | 吊销接口令牌',
        params: z.object({ id: z.coerce.number().int().min(1).max(2_147_483_647) }),
        response: { 200: TokenSchema, ...errors },
      },
    },
    async (request) => {
      noteAccess(request, { action: 'token.revoke', objectType: 'token', objectId: request.params.id });
      return toAnswer(await revokeToken(db, callerOf(request), request.params.id, { now: new Date() }));
    },
  );
}
