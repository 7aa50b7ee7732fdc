/**
 * Request rate limits (issue 10), with @fastify/rate-limit's counters: log-in strictly, per
 * client address and username, so that guessing passwords is slow even before the lock-out
 * after 5 failures; everything else under /api generously, per caller (per client address
 * for anonymous callers), so that one runaway script cannot starve a county's users.
 * /api/health is never limited (monitors poll it). A refusal is a GongweiError
 * `too_many_requests` (429) with Retry-After, written to the access trail as refused.
 */
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { GongweiError } from '../domain/gongwei-error.js';

/** One limit: at most `max` requests in `windowMs`. */
export interface RateLimit {
  readonly max: number;
  readonly windowMs: number;
}

/** The limits of the API. */
export interface RateLimits {
  /** POST /api/session, per client address and username. */
  readonly logIn: RateLimit;
  /** Every other route under /api but /api/health, per caller (client address if anonymous). */
  readonly api: RateLimit;
}

/** 10 log-ins a minute per client address and username; 600 requests a minute per caller. */
export const DEFAULT_RATE_LIMITS: RateLimits = {
  logIn: { max: 10, windowMs: 60_000 },
  api: { max: 600, windowMs: 60_000 },
};

/** Counters kept; enough that spraying usernames cannot evict the counter it tries to reset. */
const COUNTERS = 50_000;

type Limiter = ReturnType<FastifyInstance['createRateLimit']>;

function isLimited(request: FastifyRequest): boolean {
  const url = request.routeOptions.url;
  return (
    url !== undefined && url.startsWith('/api/') && url !== '/api/health' && !url.startsWith('/api/docs')
  );
}

function isLogIn(request: FastifyRequest): boolean {
  return request.method === 'POST' && request.routeOptions.url === '/api/session';
}

async function enforce(limiter: Limiter, request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const result = await limiter(request);
  if (result.isAllowed || !result.isExceeded) return;
  const seconds = Math.max(1, result.ttlInSeconds);
  reply.header('retry-after', String(seconds));
  throw new GongweiError('too_many_requests', {
    zh: `请求过于频繁，请 ${seconds} 秒后再试`,
    en: `too many requests: retry in ${seconds} s`,
  });
}

/**
 * Installs the limits on the root instance, after authentication (the API limit counts per
 * caller, so it needs to know who calls) and before the routes are registered.
 *
 * @example
 * await installRateLimits(app, { ...DEFAULT_RATE_LIMITS, api: { max: 6000, windowMs: 60_000 } });
 */
export async function installRateLimits(
  app: FastifyInstance,
  limits: RateLimits = DEFAULT_RATE_LIMITS,
): Promise<void> {
  // Not global: the plugin's own per-route hooks would run one limiter per request only
  // and answer in its own words; these hooks run both limiters and answer in ours.
  await app.register(rateLimit, { global: false, cache: COUNTERS });
  const api = app.createRateLimit({
    max: limits.api.max,
    timeWindow: limits.api.windowMs,
    keyGenerator: (request) => (request.caller ? `caller:${request.caller.name}` : `address:${request.ip}`),
  });
  const logIn = app.createRateLimit({
    max: limits.logIn.max,
    timeWindow: limits.logIn.windowMs,
    keyGenerator: (request) => {
      const username = (request.body as { username?: unknown } | undefined)?.username;
      return `log-in:${request.ip}:${typeof username === 'string' ? username.toLowerCase() : ''}`;
    },
  });
  app.addHook('onRequest', async (request, reply) => {
    if (isLimited(request)) await enforce(api, request, reply);
  });
  // The username is in the body, parsed and validated by the time handlers are due.
  app.addHook('preHandler', async (request, reply) => {
    if (isLogIn(request)) await enforce(logIn, request, reply);
  });
}
