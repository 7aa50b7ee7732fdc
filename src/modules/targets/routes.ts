/**
 * REST routes of the targets module (C4): targets (target-routes.ts) and plans — plan check,
 * push plans, snapshots, schedules (plan-routes.ts). No timers here: the push-plan
 * checkpoints run from the server's background jobs (`runDueCheckpoints`).
 */
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/database.js';
import { registerPlanRoutes } from './plan-routes.js';
import { registerTargetListRoutes } from './target-routes.js';

/**
 * Adds every route of the targets module to `app` (mounted under /api).
 *
 * @example
 * await app.register(async (api) => registerTargetRoutes(api, db), { prefix: '/api' });
 */
export async function registerTargetRoutes(app: FastifyInstance, db: Db): Promise<void> {
  await registerTargetListRoutes(app, db);
  await registerPlanRoutes(app, db);
}
