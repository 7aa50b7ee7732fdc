import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  hasZodFastifySchemaValidationErrors,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Db } from '../db/database.js';
import { routeRegistrations } from './routes.js';

/** Options of the HTTP application. */
export interface AppOptions {
  db: Db;
  /** Fastify logger on/off; personal data is never logged either way (bodies are not logged). */
  logger?: boolean;
}

/**
 * Builds the Fastify application: zod-validated routes of every module under /api and the
 * OpenAPI document (UI at /api/docs, JSON at /api/docs/json).
 */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: 20 * 1024 * 1024,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  app.setErrorHandler((rawError, _request, reply) => {
    if (hasZodFastifySchemaValidationErrors(rawError)) {
      const issues = rawError.validation.map((v) => ({
        field: v.instancePath.replace(/^\//, '').replaceAll('/', '.'),
        message: v.message,
      }));
      return reply.status(400).send({
        error: 'validation',
        message: issues.map((i) => `${i.field}: ${i.message}`).join('; '),
        issues,
      });
    }
    const error = rawError as { statusCode?: number; message: string; stack?: string };
    const status = typeof error.statusCode === 'number' && error.statusCode >= 400 ? error.statusCode : 500;
    if (status >= 500)
      app.log.error({ err: { message: error.message, stack: error.stack } }, 'request failed');
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
