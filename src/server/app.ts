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
import { clientError, fromFrameworkError, installErrorReplies, sendError } from './error-reply.js';
import { maskedPath } from './log-masking.js';
import { routeRegistrations } from './routes.js';

const BODY_LIMIT = 20 * 1024 * 1024;

const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The first text in `value` that a database cannot store as sent: a NUL character
 * (PostgreSQL refuses it) or a lone UTF-16 surrogate (not Unicode). Returns its field path.
 */
function unstorableText(value: unknown, path: string): string | null {
  if (typeof value === 'string') return value.includes('\u0000') || /\p{Cs}/u.test(value) ? path : null;
  if (value === null || typeof value !== 'object') return null;
  for (const [key, item] of Object.entries(value)) {
    const here = path === '' ? key : `${path}.${key}`;
    const found = unstorableText(key, here) ?? unstorableText(item, here);
    if (found !== null) return found;
  }
  return null;
}

/** Options of the HTTP application. */
export interface AppOptions {
  db: Db;
  /** Fastify logger on/off; personal data is never logged either way (bodies are not logged). */
  logger?: boolean;
  /** Where log lines go when given (turns logging on); tests read it to check what is logged. */
  logStream?: { write(line: string): unknown };
}

/**
 * Builds the Fastify application: zod-validated routes of every module under /api and the
 * OpenAPI document (UI at /api/docs, JSON at /api/docs/json).
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
    frameworkErrors: (error, _request, reply) => sendError(reply, fromFrameworkError(error, BODY_LIMIT)),
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  // JSON bodies must be UTF-8: a GBK body would otherwise be stored as U+FFFD silently.
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    const charset = /charset\s*=\s*"?([^";\s]+)/i.exec(request.headers['content-type'] ?? '')?.[1];
    if (charset !== undefined && !/^utf-?8$/i.test(charset))
      return done(
        clientError(415, {
          zh: `只接受 UTF-8 编码，不接受 ${charset.slice(0, 20)}`,
          en: `only UTF-8 is accepted, not ${charset.slice(0, 20)}`,
        }),
      );
    let text: string;
    try {
      text = STRICT_UTF8.decode(body as Buffer);
    } catch {
      return done(
        clientError(400, { zh: '请求体不是有效的 UTF-8 编码', en: 'request body is not valid UTF-8' }),
      );
    }
    return parseJson(request, text, done);
  });

  app.addHook('preValidation', async (request) => {
    for (const [part, value] of [
      ['params', request.params],
      ['query', request.query],
      ['body', request.body],
    ] as const) {
      const field = unstorableText(value, '');
      if (field !== null)
        throw clientError(
          400,
          { zh: '含有 NUL 字符或无效的 Unicode', en: 'contains a NUL character or invalid Unicode' },
          field || part,
        );
    }
  });

  installErrorReplies(app, BODY_LIMIT);

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

  app.get(
    '/api/health',
    { schema: { tags: ['system'], summary: 'Liveness and database dialect' } },
    async () => ({
      status: 'ok',
      database: options.db.dialect.name,
    }),
  );

  await app.register(
    async (api) => {
      for (const register of routeRegistrations) await register(api, options.db);
    },
    { prefix: '/api' },
  );
  return app;
}
