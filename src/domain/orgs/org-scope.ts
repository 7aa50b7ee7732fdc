/**
 * The org scope: the part of the org tree a query may see — one subtree, several, or the
 * whole tree. Every repository function that lists, counts or aggregates people, records,
 * findings, targets or values takes one as a required argument; its one SQL predicate is in
 * src/modules/orgs/org-scope.ts. Pure: the scope is a value, built from orgs already read.
 *
 * Orgs carry the code of every ancestor (`province_code`, `city_code`, `county_code`,
 * `township_code`) and their own code in their own level's column, so "in the subtree of X"
 * is one equality on the column of X's level.
 */
import type { OrgLevel } from './division-codes.js';

/** The top of one subtree of a scope. */
export interface ScopeRoot {
  readonly code: string;
  readonly level: OrgLevel;
  /** County of the org (levels 3–5); reaches the county index of large tables first. */
  readonly countyCode: string | null;
}

/**
 * What a query may see: `all` (the local operator, the composition roots), or the union of
 * the subtrees below `roots` (a user's org, an org a request names within it). A scope with
 * no roots sees nothing.
 */
export type OrgScope =
  { readonly kind: 'all' } | { readonly kind: 'subtrees'; readonly roots: readonly ScopeRoot[] };

/** An org with its ancestors' codes, as the orgs table stores it. */
export interface OrgLineage {
  readonly code: string;
  readonly level: OrgLevel;
  readonly provinceCode: string | null;
  readonly cityCode: string | null;
  readonly countyCode: string | null;
  readonly townshipCode: string | null;
}

/** The whole tree: for the local operator (the CLI) and the composition roots. */
export const WHOLE_TREE: OrgScope = Object.freeze({ kind: 'all' });

/** Nothing at all (the scope of a request outside the caller's). */
export const NOTHING: OrgScope = Object.freeze({ kind: 'subtrees', roots: Object.freeze([]) });

/**
 * The scope of the subtrees below `roots`.
 *
 * @example
 * subtreeScope({ code: '620881', level: 3, countyCode: '620881' }) // 华亭市 and below
 */
export function subtreeScope(...roots: ScopeRoot[]): OrgScope {
  return { kind: 'subtrees', roots };
}

/** The ancestor column of a level: the column holding, on every org, its ancestor of that level. */
export type AncestorColumn = 'province_code' | 'city_code' | 'county_code' | 'township_code' | 'code';

/**
 * The orgs column holding the ancestor code of the given level: a subtree of an org of that
 * level is every org whose column equals the org's code (villages have no descendants, so
 * level 5 is the code itself).
 *
 * @example
 * ancestorColumn(3) // 'county_code': 620881's subtree is every org with county_code = '620881'
 */
export function ancestorColumn(level: OrgLevel): AncestorColumn {
  switch (level) {
    case 1:
      return 'province_code';
    case 2:
      return 'city_code';
    case 3:
      return 'county_code';
    case 4:
      return 'township_code';
    case 5:
      return 'code';
  }
}

/**
 * The code of `org`'s ancestor at `level` (itself at its own level), or null when `level`
 * is below the org's.
 *
 * @example
 * ancestorAt({ code: '620881100201', level: 5, countyCode: '620881', … }, 3) // '620881'
 */
export function ancestorAt(org: OrgLineage, level: OrgLevel): string | null {
  if (level === org.level) return org.code;
  if (level > org.level) return null;
  switch (level) {
    case 1:
      return org.provinceCode;
    case 2:
      return org.cityCode;
    case 3:
      return org.countyCode;
    case 4:
      return org.townshipCode;
    case 5:
      return null;
  }
}

/** True when `org` lies in the subtree below `root` (the root itself included). */
export function isBelow(org: OrgLineage, root: ScopeRoot): boolean {
  return root.level <= org.level && ancestorAt(org, root.level) === root.code;
}

/** True when `scope` sees `org`. */
export function scopeIncludes(scope: OrgScope, org: OrgLineage): boolean {
  return scope.kind === 'all' || scope.roots.some((root) => isBelow(org, root));
}

/**
 * The part of `scope` below `org`: the org's own subtree when the scope sees the org, the
 * scope's subtrees that lie below the org when the org is above them, nothing otherwise.
 * This is how a request for an org is confined to the caller's scope.
 *
 * @example
 * narrowScope(WHOLE_TREE, county) // the county's subtree
 * narrowScope(subtreeScope(township), county) // the township: the caller sees no more
 * narrowScope(subtreeScope(township), otherCounty) // NOTHING
 */
export function narrowScope(scope: OrgScope, org: OrgLineage): OrgScope {
  const own = subtreeScope({ code: org.code, level: org.level, countyCode: org.countyCode });
  if (scopeIncludes(scope, org)) return own;
  if (scope.kind === 'all') return own;
  const below = scope.roots.filter((root) => root.level > org.level && rootLineageBelow(root, org));
  return { kind: 'subtrees', roots: below };
}

/** True when the scope root lies below `org`: its code at `org`'s level is `org`'s code. */
function rootLineageBelow(root: ScopeRoot, org: OrgLineage): boolean {
  return prefixAt(root.code, org.level) === prefixAt(org.code, org.level);
}

/** The significant digits of a division code at a level (2, 4, 6, 9 or 12). */
function prefixAt(code: string, level: OrgLevel): string {
  return code.slice(0, [2, 4, 6, 9, 12][level - 1]);
}

/** True when the scope sees nothing. */
export function isEmptyScope(scope: OrgScope): boolean {
  return scope.kind === 'subtrees' && scope.roots.length === 0;
}
