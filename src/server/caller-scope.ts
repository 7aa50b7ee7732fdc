import type { FastifyRequest } from 'fastify';
import { WHOLE_TREE, type OrgScope } from '../modules/orgs/org-scope.js';

/**
 * The org scope of whoever sent `request`: the one seam through which every route learns
 * what its caller may see. Every route passes it (narrowed to the org the request names,
 * with `scopeOfOrg`) to the repository calls behind it.
 *
 * Before accounts exist the server has one kind of caller, the local operator, whose scope
 * is the whole tree; the accounts layer replaces this with the session's scope.
 *
 * @example
 * const { scope } = await scopeOfOrg(db.kysely, callerScope(request), request.query.org);
 */
export function callerScope(_request: FastifyRequest): OrgScope {
  return WHOLE_TREE;
}
