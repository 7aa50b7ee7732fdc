import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  hasZodFastifySchemaValidationErrors,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Db } from '../db/database.js';
import { routeRegistrations } from './routes.js';

const BODY_LIMIT = 20 * 1024 * 1024;

/**
 * Our words for the errors Fastify raises before a route runs; theirs are English only and
 * some repeat the URL, which may carry personal data.
 */
const FRAMEWORK_MESSAGES: Readonly<Record<string, string>> = {
  FST_ERR_CTP_BODY_TOO_LARGE: `请求体过大（上限 ${BODY_LIMIT / 1024 / 1024} MB） / request body is too large (limit ${BODY_LIMIT / 1024 / 1024} MB)`,
  FST_ERR_CTP_INVALID_MEDIA_TYPE:
    '不支持的内容类型，请发送 application/json / unsupported content type: send application/json',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH:
    '请求体长度与 Content-Length 不符 / body size does not match Content-Length',
  FST_ERR_CTP_EMPTY_JSON_BODY: '请求体为空 / request body is empty',
  FST_ERR_CTP_INVALID_JSON_BODY: '请求体不是有效的 JSON / request body is not valid JSON',
  FST_ERR_BAD_URL: '网址含有无法解析的字符 / the URL has characters that cannot be decoded',
  FST_ERR_MAX_PARAM_LENGTH: '网址中的参数过长 / a parameter of the URL is too long',
};

/** A 4xx error the shared error handler answers with its own message. */
function clientError(statusCode: number, message: string): Error & { statusCode: number } {
  return Object.assign(new Error(message), { statusCode });
}

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

/**
 * Masks what looks like an ID number (15 or 18 characters, region kept) or a mobile phone
 * (11 digits, first 3 kept) in text bound for the log. Record numbers (17) and org codes
 * (6, 9, 12 digits) are left alone.
 *
 * @example maskIdentifiers('/api/residents/620881195501010011') // '/api/residents/620881************'
 */
function maskIdentifiers(text: string): string {
  return text
    .replace(/(?<![\dXx])(\d{6})(\d{11}[\dXx]|\d{9})(?![\dXx])/g, (_m, head: string, rest: string) =>
      head.concat('*'.repeat(rest.length)),
    )
    .replace(/(?<!\d)(1\d{2})\d{8}(?!\d)/g, '$1********');
}

/** The path of a request URL, without its query string, identifiers masked. */
function maskedPath(url: string): string {
  return maskIdentifiers(url.split('?')[0]!);
}

function sendFrameworkError(error: FastifyError, reply: FastifyReply): FastifyReply {
  const status = error.statusCode ?? 400;
  return reply.status(status).send({
    error: 'bad_request',
    message: FRAMEWORK_MESSAGES[error.code] ?? error.message,
  });
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
    frameworkErrors: (error, _request, reply) => sendFrameworkError(error, reply),
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
        clientError(415, `只接受 UTF-8 编码 / only UTF-8 is accepted, not ${charset.slice(0, 20)}`),
      );
    let text: string;
    try {
      text = STRICT_UTF8.decode(body as Buffer);
    } catch {
      return done(clientError(400, '请求体不是有效的 UTF-8 编码 / request body is not valid UTF-8'));
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
          `${field || part}：含有 NUL 字符或无效的 Unicode / ${field || part}: contains a NUL character or invalid Unicode`,
        );
    }
  });

  app.setNotFoundHandler((request, reply) =>
    reply.status(404).send({
      error: 'not_found',
      message: `没有这个接口 / no such route: ${request.method} ${maskedPath(request.url)}`,
    }),
  );

  app.setErrorHandler((rawError, _request, reply) => {
    if (hasZodFastifySchemaValidationErrors(rawError)) {
      const part = (rawError as { validationContext?: string }).validationContext ?? 'body';
      const issues = rawError.validation.map((v) => ({
        field: v.instancePath.replace(/^\//, '').replaceAll('/', '.') || part,
        message: v.message,
      }));
      return reply.status(400).send({
        error: 'validation',
        message: issues.map((i) => `${i.field}: ${i.message}`).join('; '),
        issues,
      });
    }
    const error = rawError as { statusCode?: number; code?: string; message: string; stack?: string };
    const status = typeof error.statusCode === 'number' && error.statusCode >= 400 ? error.statusCode : 500;
    if (status < 500 && error.code !== undefined && FRAMEWORK_MESSAGES[error.code] !== undefined)
      return sendFrameworkError(rawError as FastifyError, reply);
    if (status >= 500)
      // Database errors may quote the offending value.
      app.log.error(
        { err: { message: maskIdentifiers(error.message), stack: maskIdentifiers(error.stack ?? '') } },
        'request failed',
      );
    return reply.status(status).send({
      error: status >= 500 ? 'internal' : 'bad_request',
      message: status >= 500 ? 'internal error' : error.message,
    });
  });

  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Gongwei 公卫 API',
        version: '0.1.0',
        description: 'National Basic Public Health Services platform',
      },
    },
    transform: jsonSchemaTransform,
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
