import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../db/database.js';

const Health = z.object({
  status: z.literal('ok'),
  database: z.string().describe('SQL dialect of the database: sqlite or postgres'),
});

/**
 * `GET /api/health`: the server is up, and on which kind of database. For load balancers
 * and the operator; it reads nothing.
 *
 * @example
 * curl localhost:3000/api/health // {"status":"ok","database":"sqlite"}
 */
export async function registerHealthRoute(app: FastifyInstance, db: Db): Promise<void> {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/health',
    {
      config: { access: 'public' },
      schema: {
        tags: ['system'],
        summary: 'Liveness and database dialect',
        response: { 200: Health },
      },
    },
    async () => ({ status: 'ok' as const, database: db.dialect.name }),
  );
}
