/**
 * How the targets use-cases confine themselves to the caller's org scope. A request names
 * an org; the caller holds a scope (routes: `callerScope(request)`, the CLI:
 * `OPERATOR_SCOPE`). Reads get the part of the caller's scope below the org, as
 * `scopeOfOrg` gives it (an org above the caller's scope narrows to the caller's own part);
 * writes need the org inside the caller's scope. An org beside the caller's scope is a 403
 * naming the field (and the row of a table) for reads and writes alike: the server writes
 * the refusal to the access trail.
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
  findOrgLineages,
  isEmptyScope,
  narrowScope,
  NOTHING,
  scopeIncludes,
  type OrgLineage,
  type OrgScope,
} from '../orgs/org-scope.js';

function unknownOrg(orgCode: string, location: InputLocation): PlanInputError {
  return new PlanInputError({ zh: `未知机构 ${orgCode}`, en: `unknown org ${orgCode}` }, location);
}

/**
 * The refusal of an org the caller's scope does not include (403), naming where the request
 * named it: `{ column: 'org' }`, or the row of a table `{ row: 3, column: 'org' }`.
 *
 * @example
 * throw outsideScope('620881', { row: 2, column: 'org' });
 * // 403, field 第2行「org」列: "…机构 620881 不在您的权限范围内 | row 2, column org: org 620881 is outside your scope"
 */
export function outsideScope(orgCode: string, location: InputLocation): PlanInputError {
  return new PlanInputError(
    { zh: `机构 ${orgCode} 不在您的权限范围内`, en: `org ${orgCode} is outside your scope` },
    location,
    'forbidden',
  );
}

/**
 * The org a list request names and the part of the caller's scope below it. An org the
 * tree does not hold sees nothing, so the list is empty; an org beside the caller's scope
 * is refused (403 at `location`).
 *
 * @example
 * const { org, scope } = await scopeBelowOrg(db, callerScope(request), '620881');
 * await listTargets(db, scope, { maxLevel: levelsDown(org, 1) });
 */
export async function scopeBelowOrg(
  db: Db,
  callerScope: OrgScope,
  orgCode: string,
  location: InputLocation = { column: 'org' },
): Promise<{ org: OrgLineage | null; scope: OrgScope }> {
  const org = await findOrgLineage(db.kysely, orgCode);
  if (!org) return { org: null, scope: NOTHING };
  const scope = narrowScope(callerScope, org);
  if (isEmptyScope(scope)) throw outsideScope(orgCode, location);
  return { org, scope };
}

/**
 * The org a use-case reads about (as the caller's scope sees it: see `getOrg`), and the part
 * of the caller's scope below it. An org the tree does not hold is a `PlanInputError` (400)
 * at `location`; an org beside the caller's scope a 403 at `location`.
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
  const org = await getOrg(db, callerScope, orgCode);
  if (!org) {
    if (await findOrgLineage(db.kysely, orgCode)) throw outsideScope(orgCode, location);
    throw unknownOrg(orgCode, location);
  }
  return { org, scope: narrowScope(callerScope, org) };
}

/**
 * The org a use-case writes for: refused as unknown (`PlanInputError`, 400, at `location`)
 * when the tree does not hold it, and as outside the caller's scope (403 at `location`) when
 * the scope does not include it — beside it, or above it (a county's bureau does not set
 * its city's targets).
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
  const org = await getOrg(db, callerScope, orgCode);
  if (org && scopeIncludes(callerScope, org)) return org;
  if (org || (await findOrgLineage(db.kysely, orgCode))) throw outsideScope(orgCode, location);
  throw unknownOrg(orgCode, location);
}

/**
 * Refuses a table whose rows name orgs outside the caller's scope, before anything of it is
 * computed or written: the whole request is a 403 naming the first such row (1-based, as
 * the table's other errors count them). Orgs the tree does not hold are left to each row's
 * own check (400).
 *
 * @example
 * await refuseRowsOutsideScope(db, callerScope, settings.map((s, i) => ({ row: i + 1, orgCode: s.orgCode })));
 */
export async function refuseRowsOutsideScope(
  db: Db,
  callerScope: OrgScope,
  rows: readonly { readonly row: number; readonly orgCode: string }[],
  column = 'org',
): Promise<void> {
  if (callerScope.kind === 'all') return;
  const lineages = await findOrgLineages(
    db.kysely,
    rows.map((r) => r.orgCode),
  );
  const first = rows.find((r) => {
    const org = lineages.get(r.orgCode);
    return org !== undefined && !scopeIncludes(callerScope, org);
  });
  if (first) throw outsideScope(first.orgCode, { row: first.row, column });
}

/**
 * The deepest org level `depth` generations below `org` (villages at most).
 *
 * @example levelsDown({ level: 3 }, 1) // 4: the county and its townships
 */
export function levelsDown(org: { readonly level: OrgLevel }, depth: number): OrgLevel {
  return Math.min(5, org.level + depth) as OrgLevel;
}
