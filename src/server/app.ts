import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Db } from '../db/database.js';
import { registerBackgroundJobs } from './background-jobs.js';
import { fromFrameworkError, installErrorReplies, sendError } from './error-reply.js';
import { maskedPath } from './log-masking.js';
import { installRequestTextChecks } from './request-text.js';
import { sessionRoutes } from '../modules/accounts/session-routes.js';
import { installAccessTrail } from './access-notes.js';
import { installAuthentication, type AuthenticationOptions } from './authentication.js';
import { DEFAULT_RATE_LIMITS, installRateLimits, type RateLimits } from './rate-limits.js';
import { routeRegistrations } from './routes.js';
import { builtWebUiFolder, installWebUi } from './web-ui.js';
import type { TrustProxy } from './exposure-warning.js';
import { installServing, type ServingOptions } from './serving.js';

const BODY_LIMIT = 20 * 1024 * 1024;

/** Options of the HTTP application. */
export interface AppOptions {
  db: Db;
  /** Fastify logger on/off; personal data is never logged either way (bodies are not logged). */
  logger?: boolean;
  /** Where log lines go when given (turns logging on); tests read it to check what is logged. */
  logStream?: { write(line: string): unknown };
  /**
   * Runs the background jobs (bulletin schedules, push-plan checkpoints) while the app is
   * up; default true. Tests that only send requests may turn them off.
   */
  backgroundJobs?: boolean;
  /** Session lifetime (default 30 minutes idle, 12 hours in all) and the clock tests move. */
  sessions?: AuthenticationOptions;
  /** Request rate limits (default: 10 log-ins a minute per address and username, 600 requests a minute per caller). */
  rateLimits?: Partial<RateLimits>;
  /**
   * The built web UI to serve at / (default: web/dist when built; null serves a page saying
   * it is not built). Everything under /api is the API either way.
   */
  webUiFolder?: string | null;
  /**
   * The reverse proxies to believe (`serve --trust-proxy`): then request.ip and
   * request.protocol come from X-Forwarded-For and X-Forwarded-Proto. Default: none.
   */
  trustProxy?: TrustProxy;
  /** Read pool, bounded queue and answer cache (src/server/serving.ts); default: reads in-process. */
  serving?: ServingOptions;
}

/**
 * Builds the Fastify application — the server's composition root: zod-validated routes of
 * every module under /api, the OpenAPI document (UI at /api/docs, JSON at /api/docs/json),
 * and the background jobs (src/server/background-jobs.ts), which start when it is ready.
 *
 * @example
 * const app = await buildApp({ db, logger: true });
 * await app.listen({ port: 3000 });
 */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  // Request logs carry the method and the path only: no query string, no body, and ID
  // numbers or phones someone put in a path are masked.
  const logged = options.logStream !== undefined || options.logger === true;
  const app = Fastify({
    logger: logged
      ? {
          ...(options.logStream ? { stream: options.logStream } : {}),
          serializers: {
            req: (request: { method: string; url: string }) => ({
              method: request.method,
              url: maskedPath(request.url),
            }),
          },
        }
      : false,
    bodyLimit: BODY_LIMIT,
    trustProxy: options.trustProxy ? [...options.trustProxy] : false,
    frameworkErrors: (error, _request, reply) => sendError(reply, fromFrameworkError(error, BODY_LIMIT)),
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  installRequestTextChecks(app);
  installErrorReplies(
    app,
    BODY_LIMIT,
    await installWebUi(app, options.webUiFolder === undefined ? builtWebUiFolder() : options.webUiFolder),
  );
  installAccessTrail(app, options.db);
  await installAuthentication(app, options.db, options.sessions);
  await installRateLimits(app, { ...DEFAULT_RATE_LIMITS, ...options.rateLimits });
  await installServing(app, options.db, options.serving);

  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Gongwei 公卫 API',
        version: '0.1.0',
        description: 'National Basic Public Health Services platform',
      },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  await app.register(
    async (api) => {
      await sessionRoutes(options.sessions)(api, options.db);
      for (const register of routeRegistrations) await register(api, options.db);
    },
    { prefix: '/api' },
  );
  if (options.backgroundJobs !== false) registerBackgroundJobs(app, options.db);
  return app;
}
