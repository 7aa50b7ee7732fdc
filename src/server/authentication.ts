import cookie from '@fastify/cookie';
import type { FastifyInstance, FastifyRequest, RouteOptions } from 'fastify';
import { callerAt, type Caller } from '../domain/access/caller.js';
import { GongweiError } from '../domain/gongwei-error.js';
import type { Db } from '../db/database.js';
import { findLiveApiToken, touchApiToken } from '../modules/accounts/api-tokens-repository.js';
import {
  DEFAULT_SESSION_LIFETIME,
  findLiveSession,
  touchSession,
  type LiveSession,
  type SessionLifetime,
} from '../modules/accounts/sessions-repository.js';
import { ErrorSchema } from './error-reply.js';
import type { RouteAccess } from './route-access.js';

/** The cookie holding the session token. */
export const SESSION_COOKIE = 'gongwei_session';

/** The header a cookie-authenticated state-changing request must carry (ADR 0012). */
export const CSRF_HEADER = 'x-csrf-token';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

declare module 'fastify' {
  interface FastifyRequest {
    /** Who sent the request; null until authenticated, and on public routes when anonymous. */
    caller: Caller | null;
    /** The session the cookie named, when the caller is a signed-in user. */
    session: LiveSession | null;
  }
}

/** Options of the authentication layer. */
export interface AuthenticationOptions {
  readonly lifetime?: SessionLifetime;
  /** The clock; tests move it to expire sessions. */
  readonly now?: () => Date;
}

/**
 * Installs authentication and route access on the root instance (before the routes are
 * registered): every route under /api must declare its `access` (src/server/route-access.ts)
 * or registration fails; each request's caller is read from the session cookie or the
 * `Authorization: Bearer` token; an anonymous caller gets 401 on all but public routes, a
 * caller without the route's permission 403; a cookie-authenticated request that changes
 * state must echo the session's CSRF token in the `X-CSRF-Token` header (403 otherwise).
 */
export async function installAuthentication(
  app: FastifyInstance,
  db: Db,
  options: AuthenticationOptions = {},
): Promise<void> {
  const lifetime = options.lifetime ?? DEFAULT_SESSION_LIFETIME;
  const now = options.now ?? (() => new Date());
  await app.register(cookie);
  app.decorateRequest('caller', null);
  app.decorateRequest('session', null);

  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/') || route.url.startsWith('/api/docs')) return;
    const access = route.config?.access;
    if (access === undefined)
      throw new Error(
        `route ${String(route.method)} ${route.url} declares no config.access (src/server/route-access.ts)`,
      );
    declareAccess(route, access);
  });

  app.addHook('onRequest', async (request) => {
    const access: RouteAccess | undefined = request.routeOptions.config?.access;
    if (request.is404 || isDocs(request)) return;
    const caller = await authenticate(request, db, lifetime, now());
    request.caller = caller;
    if (access === 'public') return;
    if (!caller)
      throw new GongweiError('unauthorized', {
        zh: '请先登录',
        en: 'sign in first (session cookie or Authorization: Bearer token)',
      });
    if (request.session && !SAFE_METHODS.has(request.method)) {
      if (request.headers[CSRF_HEADER] !== request.session.csrfToken)
        throw GongweiError.forbidden(
          { zh: '缺少或错误的 X-CSRF-Token 请求头', en: 'missing or wrong X-CSRF-Token header' },
          CSRF_HEADER,
        );
    }
    if (access === 'signed-in' || access === undefined) return;
    if (request.session?.mustChangePassword)
      throw GongweiError.forbidden({
        zh: '首次登录须先修改密码',
        en: 'change your password first (POST /api/session/password)',
      });
    if (!caller.permissions.has(access))
      throw GongweiError.forbidden({
        zh: `当前角色无此权限（${access}）`,
        en: `your role lacks the permission '${access}'`,
      });
  });
}

/**
 * Writes into the route's schema what the OpenAPI document must say of its access: the
 * access itself (`x-access`), and the refusals this layer may answer whatever the route
 * declares — 401 on every route that is not public, 403 where a permission is needed or a
 * cookie-authenticated write may lack its CSRF header.
 */
function declareAccess(route: RouteOptions, access: RouteAccess): void {
  const schema = (route.schema ??= {}) as NonNullable<RouteOptions['schema']> & Record<string, unknown>;
  schema['x-access'] = access;
  if (access === 'public') return;
  const writes = [route.method].flat().some((m) => !SAFE_METHODS.has(m));
  const response = (schema.response ?? {}) as Record<string, unknown>;
  schema.response = {
    ...response,
    401: response[401] ?? ErrorSchema,
    ...(access !== 'signed-in' || writes ? { 403: response[403] ?? ErrorSchema } : {}),
  };
}

function isDocs(request: FastifyRequest): boolean {
  return request.url === '/api/docs' || request.url.startsWith('/api/docs/');
}

async function authenticate(
  request: FastifyRequest,
  db: Db,
  lifetime: SessionLifetime,
  now: Date,
): Promise<Caller | null> {
  const authorization = request.headers.authorization;
  if (authorization !== undefined) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    if (!match) return null;
    const token = await findLiveApiToken(db.kysely, match[1]!, now);
    if (!token) return null;
    await touchApiToken(db.kysely, token, now);
    return callerAt(
      'token',
      { userId: token.createdByUserId ?? 0, name: `token:${token.name}` },
      token.role,
      token.org,
    );
  }
  const secret = request.cookies[SESSION_COOKIE];
  if (!secret) return null;
  const session = await findLiveSession(db.kysely, secret, now, lifetime);
  if (!session) return null;
  await touchSession(db.kysely, session, now);
  request.session = session;
  return callerAt('user', { userId: session.userId, name: session.username }, session.role, session.org);
}
