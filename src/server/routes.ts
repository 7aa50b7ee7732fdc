import type { FastifyInstance } from 'fastify';
import type { Db } from '../db/database.js';

/** A module's REST routes, mounted under /api. */
export type RouteRegistration = (api: FastifyInstance, db: Db) => Promise<void>;

/** Each feature module contributes its routes here, one line per module. */
export const routeRegistrations: readonly RouteRegistration[] = [];
