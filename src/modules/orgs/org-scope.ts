/**
 * The org scope and its one SQL predicate. Every repository function that lists, counts or
 * aggregates people, records, findings, targets or values takes an {@link OrgScope} as a
 * required argument and confines its rows with {@link rowsInScope} (tables carrying
 * `county_code` and `org_code`) or {@link orgsInScope} (the orgs table). The scope value and
 * its pure rules are in src/domain/orgs/org-scope.ts, re-exported here.
 *
 * A request for an org is confined to the caller's scope with {@link scopeOfOrg}: the
 * request names an org, the caller holds a scope, the query gets the part of the caller's
 * scope below that org.
 */
import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { Database, OrgLevel } from '../../db/schema.js';
import { chunks, KEYS_PER_LOOKUP } from '../../db/statement-chunks.js';
import { GongweiError } from '../../domain/gongwei-error.js';
import {
  ancestorColumn,
  isEmptyScope,
  narrowScope,
  type OrgLineage,
  type OrgScope,
  type ScopeRoot,
} from '../../domain/orgs/org-scope.js';

export {
  NOTHING,
  WHOLE_TREE,
  ancestorAt,
  ancestorColumn,
  isEmptyScope,
  narrowScope,
  scopeIncludes,
  subtreeScope,
  type OrgLineage,
  type OrgScope,
  type ScopeRoot,
} from '../../domain/orgs/org-scope.js';

/** Column references of a table carrying `county_code` and `org_code` (e.g. `r.county_code`). */
export interface ScopedColumns {
  /** The row's county code, e.g. `'s.county_code'`. */
  readonly county: string;
  /** The row's org code (a village, or the org of an activity), e.g. `'s.org_code'`. */
  readonly org: string;
}

const ALWAYS = sql<SqlBool>`1 = 1`;
const NEVER = sql<SqlBool>`1 = 0`;

function anyOf(parts: readonly RawBuilder<SqlBool>[]): RawBuilder<SqlBool> {
  if (parts.length === 0) return NEVER;
  if (parts.length === 1) return parts[0]!;
  return sql<SqlBool>`(${sql.join(parts, sql` or `)})`;
}

/**
 * The condition confining rows of a table that carries `county_code` and `org_code`
 * (residents, enrolments, services, findings, merges, …) to `scope`. Reaches the county
 * column first, so the county indexes of the large tables serve it.
 *
 * @example
 * sql`select count(*) from services s where ${rowsInScope(scope, { county: 's.county_code', org: 's.org_code' })}`
 * db.selectFrom('residents as r').where(rowsInScope(scope, { county: 'r.county_code', org: 'r.org_code' }))
 */
export function rowsInScope(scope: OrgScope, columns: ScopedColumns): RawBuilder<SqlBool> {
  if (scope.kind === 'all') return ALWAYS;
  const county = sql.ref(columns.county);
  const org = sql.ref(columns.org);
  return anyOf(
    scope.roots.map((root): RawBuilder<SqlBool> => {
      // Rows of a province or city org itself (a health-education activity recorded there)
      // carry its own 6-digit code as county: levels 1–3 are all counties of such rows.
      switch (root.level) {
        case 1:
          return sql<SqlBool>`${county} in (select code from orgs where level <= 3 and province_code = ${root.code})`;
        case 2:
          return sql<SqlBool>`${county} in (select code from orgs where level <= 3 and city_code = ${root.code})`;
        case 3:
          return sql<SqlBool>`${county} = ${root.code}`;
        case 4:
          return sql<SqlBool>`(${county} = ${root.countyCode ?? ''} and ${org} in (select code from orgs where township_code = ${root.code}))`;
        case 5:
          return sql<SqlBool>`(${county} = ${root.countyCode ?? ''} and ${org} = ${root.code})`;
      }
    }),
  );
}

/**
 * The condition confining rows of the orgs table (under `alias`) to `scope`.
 *
 * @example
 * db.selectFrom('orgs as o').selectAll().where(orgsInScope(scope, 'o'))
 */
export function orgsInScope(scope: OrgScope, alias: string): RawBuilder<SqlBool> {
  if (scope.kind === 'all') return ALWAYS;
  return anyOf(
    scope.roots.map(
      (root) => sql<SqlBool>`${sql.ref(`${alias}.${ancestorColumn(root.level)}`)} = ${root.code}`,
    ),
  );
}

/** The columns of the orgs table an {@link OrgLineage} is read from ({@link toOrgLineage}). */
export const ORG_LINEAGE_COLUMNS = [
  'code',
  'level',
  'province_code',
  'city_code',
  'county_code',
  'township_code',
] as const;

/** A row of the orgs table holding the {@link ORG_LINEAGE_COLUMNS}. */
export interface OrgLineageRow {
  readonly code: string;
  readonly level: number;
  readonly province_code: string | null;
  readonly city_code: string | null;
  readonly county_code: string | null;
  readonly township_code: string | null;
}

/**
 * The lineage of an org read from its row.
 *
 * @example
 * const rows = await h.selectFrom('orgs').select(ORG_LINEAGE_COLUMNS).execute();
 * const lineages = rows.map(toOrgLineage);
 */
export function toOrgLineage(row: OrgLineageRow): OrgLineage {
  return {
    code: row.code,
    level: Number(row.level) as OrgLevel,
    provinceCode: row.province_code,
    cityCode: row.city_code,
    countyCode: row.county_code,
    townshipCode: row.township_code,
  };
}

/** An org with its name and lineage: for rolling counts up the tree and naming places. */
export interface NamedOrg extends OrgLineage {
  readonly name: string;
}

/** The columns of `orgs as o` a {@link NamedOrg} is read from ({@link toNamedOrg}). */
export const NAMED_ORG_COLUMNS = [
  'o.code',
  'o.name',
  'o.level',
  'o.province_code',
  'o.city_code',
  'o.county_code',
  'o.township_code',
] as const;

/**
 * The named org read from its row.
 *
 * @example
 * const rows = await h.selectFrom('orgs as o').select(NAMED_ORG_COLUMNS).execute();
 * const orgs = rows.map(toNamedOrg);
 */
export function toNamedOrg(row: OrgLineageRow & { readonly name: string }): NamedOrg {
  // The name follows the code, as in the answers that carry these orgs.
  const { code, ...ancestors } = toOrgLineage(row);
  return { code, name: row.name, ...ancestors };
}

/** An org as a scope needs it: its level and every ancestor's code. */
export async function findOrgLineage(h: Kysely<Database>, code: string): Promise<OrgLineage | null> {
  const row = await h
    .selectFrom('orgs')
    .select(ORG_LINEAGE_COLUMNS)
    .where('code', '=', code)
    .executeTakeFirst();
  return row ? toOrgLineage(row) : null;
}

/**
 * The lineages of the orgs with these codes, by code; codes the tree does not hold are
 * absent. For checking every org a table names against a scope in one go.
 *
 * @example
 * const lineages = await findOrgLineages(db.kysely, rows.map((r) => r.orgCode));
 */
export async function findOrgLineages(
  h: Kysely<Database>,
  codes: readonly string[],
): Promise<Map<string, OrgLineage>> {
  const found = new Map<string, OrgLineage>();
  for (const part of chunks([...new Set(codes)], KEYS_PER_LOOKUP)) {
    const rows = await h.selectFrom('orgs').select(ORG_LINEAGE_COLUMNS).where('code', 'in', part).execute();
    for (const row of rows) found.set(row.code, toOrgLineage(row));
  }
  return found;
}

/** The scope root of an org. */
export function rootOf(org: OrgLineage): ScopeRoot {
  return { code: org.code, level: org.level, countyCode: org.countyCode };
}

/**
 * The org a request names, and the part of the caller's scope below it: the scope a
 * repository call for that request takes. An org the tree does not hold is a 404 naming the
 * field. An org above the caller's subtrees gets the caller's own part of it; an org beside
 * them is a 403 naming the field (the server writes the refusal to the access trail).
 *
 * @param options.field the request field that named the org, for the error (default `org`)
 * @param options.unknownCode the code of the error for an unknown org (default `not_found`)
 * @example
 * const { org, scope } = await scopeOfOrg(db.kysely, callerScope, query.org, { field: 'org' });
 * const rows = await listTargets(db, scope, { year: 2020 });
 */
export async function scopeOfOrg(
  h: Kysely<Database>,
  callerScope: OrgScope,
  code: string,
  options: {
    readonly field?: string;
    readonly unknownCode?: 'not_found' | 'bad_request';
    /** Where the lineage comes from when not read from `h` (a tree kept in memory). */
    readonly lineageOf?: (code: string) => Promise<OrgLineage | null>;
  } = {},
): Promise<{ org: OrgLineage; scope: OrgScope }> {
  const org = options.lineageOf ? await options.lineageOf(code) : await findOrgLineage(h, code);
  if (!org)
    throw new GongweiError(
      options.unknownCode ?? 'not_found',
      { zh: `机构 ${code} 不在机构树中`, en: `org '${code}' is not in the org tree` },
      { field: options.field ?? 'org' },
    );
  const scope = narrowScope(callerScope, org);
  // An org above the caller's subtree narrows to the caller's own part of it (a centre may
  // open its county's dashboard and see itself); an org beside it is refused.
  if (isEmptyScope(scope))
    throw GongweiError.forbidden(
      { zh: `机构 ${code} 不在您的权限范围内`, en: `org '${code}' is outside your scope` },
      options.field ?? 'org',
    );
  return { org, scope };
}
