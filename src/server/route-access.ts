import type { Permission } from '../domain/access/permissions.js';

/**
 * What a route requires of its caller, declared on every route under /api as
 * `config: { access: … }`:
 * - `'public'`: anyone (health, log-in, the API docs);
 * - `'signed-in'`: any signed-in caller, even one who must still change the password
 *   (the session itself, log-out, password change);
 * - a permission: a signed-in caller whose role holds it.
 *
 * @example
 * api.get('/targets', { config: { access: 'aggregates.read' }, schema }, handler);
 */
export type RouteAccess = 'public' | 'signed-in' | Permission;

declare module 'fastify' {
  interface FastifyContextConfig {
    /** See {@link RouteAccess}; a route under /api without it refuses to register. */
    access?: RouteAccess;
  }
}
