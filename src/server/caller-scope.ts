import type { FastifyRequest } from 'fastify';
import type { Caller } from '../domain/access/caller.js';
import { GongweiError } from '../domain/gongwei-error.js';
import type { OrgScope } from '../modules/orgs/org-scope.js';

/**
 * Who sent `request`: the signed-in user or the token holder (src/server/authentication.ts
 * has refused anonymous callers on every route that is not public). Routes take the name
 * for "resolved by / set by / merged by" from here, never from the body.
 */
export function callerOf(request: FastifyRequest): Caller {
  if (!request.caller) throw new GongweiError('unauthorized', { zh: '请先登录', en: 'sign in first' });
  return request.caller;
}

/**
 * The org scope of whoever sent `request`: the one seam through which every route learns
 * what its caller may see. Every route passes it (narrowed to the org the request names,
 * with `scopeOfOrg`) to the repository calls behind it.
 *
 * @example
 * const { scope } = await scopeOfOrg(db.kysely, callerScope(request), request.query.org);
 */
export function callerScope(request: FastifyRequest): OrgScope {
  return callerOf(request).scope;
}
