import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/database.js';
import { callerAt } from '../../domain/access/caller.js';
import { ROLE_NAMES } from '../../domain/access/permissions.js';
import { passwordProblem } from '../../domain/access/password-rules.js';
import { GongweiError } from '../../domain/gongwei-error.js';
import { noteAccess } from '../../server/access-notes.js';
import { SESSION_COOKIE } from '../../server/authentication.js';
import { callerOf } from '../../server/caller-scope.js';
import { ErrorSchema } from '../../server/error-reply.js';
import { findOrgLineage, rootOf } from '../orgs/org-scope.js';
import { withAccountTables } from './account-tables.js';
import { hashPassword, passwordMatches } from './password-hashing.js';
import {
  DEFAULT_SESSION_LIFETIME,
  endSession,
  endSessionsOfUser,
  type SessionLifetime,
} from './sessions-repository.js';
import { signIn } from './sign-in.js';
import { findUserById } from './users-repository.js';

const SessionSchema = z
  .object({
    username: z.string(),
    displayName: z.string(),
    role: z.enum(ROLE_NAMES as [string, ...string[]]),
    orgCode: z.string(),
    permissions: z.array(z.string()),
    mustChangePassword: z.boolean(),
    csrfToken: z
      .string()
      .describe('send it back in the X-CSRF-Token header of every POST, PUT, PATCH, DELETE'),
    expiresAt: z.string().describe('absolute expiry; the session also ends after 30 minutes idle'),
  })
  .describe('The signed-in user and the session');

const Credentials = z.object({
  username: z.string().min(1).max(100),
  password: z.string().min(1).max(1000),
});

const PasswordChange = z.object({
  currentPassword: z.string().min(1).max(1000),
  newPassword: z.string().min(1).max(1000),
});

/** Options of the session routes. */
export interface SessionRouteOptions {
  readonly lifetime?: SessionLifetime;
  readonly now?: () => Date;
}

function setSessionCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  token: string,
  expiresAt: string,
): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: request.protocol === 'https',
    expires: new Date(expiresAt),
  });
}

/**
 * Log-in and the session: POST /api/session (username and password → session cookie and
 * CSRF token), GET /api/session (who am I), DELETE /api/session (log-out), POST
 * /api/session/password (change one's own password; ends the other sessions).
 */
export function sessionRoutes(options: SessionRouteOptions = {}) {
  const lifetime = options.lifetime ?? DEFAULT_SESSION_LIFETIME;
  const now = options.now ?? (() => new Date());
  return async function registerSessionRoutes(app: FastifyInstance, db: Db): Promise<void> {
    const api = app.withTypeProvider<ZodTypeProvider>();

    api.post(
      '/session',
      {
        config: { access: 'public' },
        schema: {
          tags: ['session'],
          summary: 'Sign in | 登录',
          body: Credentials,
          response: { 200: SessionSchema, 400: ErrorSchema, 401: ErrorSchema },
        },
      },
      async (request, reply) => {
        const { username, password } = request.body;
        noteAccess(request, { action: 'session.create', objectType: 'user', objectId: username });
        const { user, session } = await signIn(
          db,
          { username, password },
          { now: now(), clientAddress: request.ip ?? null, lifetime },
        );
        const org = await findOrgLineage(db.kysely, user.orgCode);
        // A user whose org left the tree has no scope; the session itself would find no row.
        if (!org)
          throw new GongweiError('unauthorized', {
            zh: `您的机构 ${user.orgCode} 不在机构树中，请联系管理员`,
            en: `your org '${user.orgCode}' is not in the org tree: ask an administrator`,
          });
        const caller = callerAt('user', { userId: user.id, name: user.username }, user.role, rootOf(org));
        request.caller = caller;
        setSessionCookie(request, reply, session.token, session.expiresAt);
        return {
          username: user.username,
          displayName: user.displayName,
          role: user.role,
          orgCode: user.orgCode,
          permissions: [...caller.permissions],
          mustChangePassword: user.mustChangePassword,
          csrfToken: session.csrfToken,
          expiresAt: session.expiresAt,
        };
      },
    );

    api.get(
      '/session',
      {
        config: { access: 'signed-in' },
        schema: {
          tags: ['session'],
          summary: 'The signed-in user | 当前用户',
          response: { 200: SessionSchema, 401: ErrorSchema },
        },
      },
      async (request) => {
        const session = request.session;
        if (!session)
          throw GongweiError.badRequest({ zh: '接口令牌没有会话', en: 'an API token has no session' });
        const caller = callerOf(request);
        return {
          username: session.username,
          displayName: session.displayName,
          role: session.role,
          orgCode: session.org.code,
          permissions: [...caller.permissions],
          mustChangePassword: session.mustChangePassword,
          csrfToken: session.csrfToken,
          expiresAt: session.expiresAt,
        };
      },
    );

    api.delete(
      '/session',
      {
        config: { access: 'signed-in' },
        schema: {
          tags: ['session'],
          summary: 'Sign out | 退出登录',
          response: { 204: z.null().describe('signed out'), 401: ErrorSchema },
        },
      },
      async (request, reply) => {
        noteAccess(request, { action: 'session.end' });
        if (request.session) await endSession(db.kysely, request.session.tokenHash, now());
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return reply.code(204).send(null);
      },
    );

    api.post(
      '/session/password',
      {
        config: { access: 'signed-in' },
        schema: {
          tags: ['session'],
          summary: 'Change my password | 修改密码',
          body: PasswordChange,
          response: {
            204: z.null().describe('changed'),
            400: ErrorSchema,
            401: ErrorSchema,
            403: ErrorSchema,
          },
        },
      },
      async (request, reply) => {
        const session = request.session;
        if (!session)
          throw GongweiError.badRequest({ zh: '接口令牌没有密码', en: 'an API token has no password' });
        noteAccess(request, { action: 'password.change', objectType: 'user', objectId: session.username });
        const user = await findUserById(db.kysely, session.userId);
        if (!user || !(await passwordMatches(user.passwordHash, request.body.currentPassword)))
          throw GongweiError.forbidden(
            { zh: '当前密码错误', en: 'the current password is wrong' },
            'currentPassword',
          );
        const problem = passwordProblem(request.body.newPassword, user.username);
        if (problem) throw GongweiError.badRequest(problem, 'newPassword');
        if (await passwordMatches(user.passwordHash, request.body.newPassword))
          throw GongweiError.badRequest(
            { zh: '新密码不能与当前密码相同', en: 'the new password must differ from the current one' },
            'newPassword',
          );
        const at = now();
        await withAccountTables(db.kysely)
          .updateTable('users')
          .set({
            password_hash: await hashPassword(request.body.newPassword),
            must_change_password: 0,
            password_changed_at: at.toISOString(),
          })
          .where('id', '=', user.id)
          .execute();
        await endSessionsOfUser(db.kysely, user.id, at, session.tokenHash);
        return reply.code(204).send(null);
      },
    );
  };
}
