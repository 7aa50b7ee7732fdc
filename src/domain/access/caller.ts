import { WHOLE_TREE, subtreeScope, type OrgScope, type ScopeRoot } from '../orgs/org-scope.js';
import { ALL_PERMISSIONS, permissionsOf, type Permission, type RoleName } from './permissions.js';

/**
 * Who is asking: a signed-in user, a system holding an API token, or the local operator at
 * the command line. Every route and every CLI command acts for exactly one caller; its
 * `scope` is what every repository call is confined to, its `name` what the access trail
 * and the "resolved by / set by / merged by" columns record.
 */
export interface Caller {
  readonly kind: 'user' | 'token' | 'operator';
  /** users.id of the user (for a token: of the user who created it); null for the operator. */
  readonly userId: number | null;
  /** Username, token name (`token:<name>`) or `operator:<os user>`; never a personal name. */
  readonly name: string;
  readonly role: RoleName;
  readonly permissions: ReadonlySet<Permission>;
  /** The org the caller belongs to; null for the operator (the whole tree). */
  readonly orgCode: string | null;
  readonly scope: OrgScope;
}

/**
 * The local operator of the command line: whoever can read the database file or the
 * DATABASE_URL already holds everything, so the CLI acts with every permission on the whole
 * tree, and records itself in the access trail under the OS user's name.
 */
export function operatorCaller(osUser: string): Caller {
  return {
    kind: 'operator',
    userId: null,
    name: `operator:${osUser}`,
    role: 'admin',
    permissions: new Set(ALL_PERMISSIONS),
    orgCode: null,
    scope: WHOLE_TREE,
  };
}

/** A caller holding `role` at `org` (its scope is that org's subtree). */
export function callerAt(
  kind: 'user' | 'token',
  who: { readonly userId: number; readonly name: string },
  role: RoleName,
  org: ScopeRoot,
): Caller {
  return {
    kind,
    userId: who.userId,
    name: who.name,
    role,
    permissions: permissionsOf(role),
    orgCode: org.code,
    scope: subtreeScope({ code: org.code, level: org.level, countyCode: org.countyCode }),
  };
}
