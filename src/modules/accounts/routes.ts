import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/database.js';
import { registerTokenRoutes } from './token-routes.js';
import { registerUserRoutes } from './user-routes.js';

/**
 * The REST routes of the accounts module but the session (which the app mounts itself, with
 * its lifetime): users under /api/users and API tokens under /api/tokens.
 */
export async function registerAccountRoutes(app: FastifyInstance, db: Db): Promise<void> {
  await registerUserRoutes(app, db);
  await registerTokenRoutes(app, db);
}
