/**
 * How the targets use-cases confine themselves to the caller's org scope. A request names
 * an org; the caller holds a scope (routes: `callerScope(request)`, the CLI:
 * `OPERATOR_SCOPE`). Reads get the part of the caller's scope below the org, as
 * `scopeOfOrg` gives it; writes are refused for an org the caller does not see, exactly as
 * for an org the tree does not hold.
 *
 * Unlike `scopeOfOrg`, an unknown org keeps the answers the targets module has always
 * given: an empty list for the lists, a 400 `未知机构 …` naming the field for the use-cases.
 */
import type { Db } from '../../db/database.js';
import type { OrgLevel } from '../../db/schema.js';
import { PlanInputError, type InputLocation } from '../../domain/targets/plan-input-error.js';
import { getOrg, type Org } from '../orgs/org-repository.js';
import {
  findOrgLineage,
  narrowScope,
  NOTHING,
  scopeIncludes,
  type OrgLineage,
  type OrgScope,
} from '../orgs/org-scope.js';

/**
 * The org a list request names and the part of the caller's scope below it; an org the tree
 * does not hold sees nothing, so the list is empty.
 *
 * @example
 * const { org, scope } = await scopeBelowOrg(db, callerScope(request), '620881');
 * await listTargets(db, scope, { maxLevel: levelsDown(org, 1) });
 */
export async function scopeBelowOrg(
  db: Db,
  callerScope: OrgScope,
  orgCode: string,
): Promise<{ org: OrgLineage | null; scope: OrgScope }> {
  const org = await findOrgLineage(db.kysely, orgCode);
  return org ? { org, scope: narrowScope(callerScope, org) } : { org: null, scope: NOTHING };
}

function unknownOrg(orgCode: string, location: InputLocation): PlanInputError {
  return new PlanInputError({ zh: `未知机构 ${orgCode}`, en: `unknown org ${orgCode}` }, location);
}

/**
 * The org a use-case reads about, and the part of the caller's scope below it. An org the
 * tree does not hold is a `PlanInputError` (400) at `location`.
 *
 * @example
 * const { org, scope } = await orgToRead(db, callerScope, '620881'); // scope: the county's subtree
 */
export async function orgToRead(
  db: Db,
  callerScope: OrgScope,
  orgCode: string,
  location: InputLocation = { column: 'org' },
): Promise<{ org: Org; scope: OrgScope }> {
  const org = await getOrg(db, orgCode);
  if (!org) throw unknownOrg(orgCode, location);
  return { org, scope: narrowScope(callerScope, org) };
}

/**
 * The org a use-case writes for: refused as unknown (`PlanInputError`, 400, at `location`)
 * when the tree does not hold it or the caller's scope does not include it.
 *
 * @example
 * const org = await orgToWrite(db, callerScope, '620881100', { row: 3, column: 'org' });
 */
export async function orgToWrite(
  db: Db,
  callerScope: OrgScope,
  orgCode: string,
  location: InputLocation = { column: 'org' },
): Promise<Org> {
  const org = await getOrg(db, orgCode);
  if (!org || !scopeIncludes(callerScope, org)) throw unknownOrg(orgCode, location);
  return org;
}

/**
 * The deepest org level `depth` generations below `org` (villages at most).
 *
 * @example levelsDown({ level: 3 }, 1) // 4: the county and its townships
 */
export function levelsDown(org: { readonly level: OrgLevel }, depth: number): OrgLevel {
  return Math.min(5, org.level + depth) as OrgLevel;
}
