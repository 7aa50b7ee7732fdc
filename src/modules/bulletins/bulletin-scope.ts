/**
 * Which bulletins a caller may make and read. A bulletin reports on the whole of an org (its
 * totals, its children ranked), so its org must lie entirely inside the caller's scope: an
 * org beside the scope is refused, and so is one above it, whose bulletin made from the
 * caller's part alone would print partial figures under the whole org's name.
 */
import type { Db } from '../../db/database.js';
import { GongweiError } from '../../domain/gongwei-error.js';
import { findOrgLineage, scopeIncludes, type OrgLineage, type OrgScope } from '../orgs/org-scope.js';

/** The refusal of a bulletin (or schedule, or indicator table) of an org beyond the scope. */
export function orgBeyondScope(code: string, field: string): GongweiError {
  return GongweiError.forbidden(
    {
      zh: `机构 ${code} 不全在您的权限范围内，不能生成或查看其通报`,
      en: `org '${code}' is not wholly inside your scope: its bulletins are not yours to make or read`,
    },
    field,
  );
}

/**
 * The org a bulletin, schedule or indicator table is asked for, refused (403 naming `field`)
 * unless it lies wholly inside `scope`; null when the tree does not hold it (each caller
 * answers an unknown org its own way).
 *
 * @example await orgWithinScope(db, callerScope(request), body.orgCode, 'orgCode')
 */
export async function orgWithinScope(
  db: Db,
  scope: OrgScope,
  code: string,
  field: string,
): Promise<OrgLineage | null> {
  const org = await findOrgLineage(db.kysely, code);
  if (org && !scopeIncludes(scope, org)) throw orgBeyondScope(code, field);
  return org;
}
