/**
 * An indicator query as the engine, the plain recomputation and the drill-down share it:
 * validated (errors name the field), the org it names confined to the caller's scope, and
 * the orgs of that scope loaded.
 */
import type { Db } from '../../db/database.js';
import { GongweiError, type LocalizedText } from '../../domain/gongwei-error.js';
import { INDICATORS, type IndicatorDefinition } from '../../domain/indicators/catalogue.js';
import type { OrgLevel } from '../../domain/orgs/division-codes.js';
import { parsePeriod, PeriodError, type Period } from '../../domain/periods/period.js';
import { scopeOfOrg, type OrgLineage, type OrgScope } from '../orgs/org-scope.js';
import { listOrgsInScope, type IndicatorOrg } from './values-repository.js';

/** What to compute. */
export interface IndicatorQuery {
  orgCode: string;
  /** '2020', '2020H1', '2020Q2', '2020-06', '2020-06-1'. */
  period: string;
  /** 0 = the org only, 1 = the org and its children, … Default 0. */
  depth?: number;
  /** Catalogue ids; default every indicator. */
  ids?: readonly string[];
}

/** The query fields an {@link IndicatorQueryError} can blame. */
export type IndicatorQueryField = 'org' | 'period' | 'depth' | 'ids' | 'id' | 'set' | 'page' | 'pageSize';

/** A query the caller got wrong (unknown indicator, bad period or depth, …): 400 naming the field. */
export class IndicatorQueryError extends GongweiError {
  override readonly name = 'IndicatorQueryError';

  constructor(field: IndicatorQueryField, text: LocalizedText) {
    super('bad_request', text, { field });
  }
}

/** The resolved parts of a query, shared by the engine, the baseline and the drill-down. */
export interface ResolvedQuery {
  /** The org the query names. */
  readonly root: OrgLineage;
  /** The caller's scope below that org: what every read of the query is confined to. */
  readonly scope: OrgScope;
  readonly period: Period;
  readonly depth: number;
  readonly indicators: readonly IndicatorDefinition[];
  /** The orgs of the table: the scope's orgs down to the root's level + depth, by level and code. */
  readonly orgs: readonly IndicatorOrg[];
  /** Every org of the scope, at every level, by code: to find where a count rolls up to. */
  readonly scopeOrgs: ReadonlyMap<string, IndicatorOrg>;
}

function parseQueryPeriod(text: string): Period {
  try {
    return parsePeriod(text);
  } catch (error) {
    if (error instanceof PeriodError)
      // The period rule's own words, each in its language (its message joins both).
      throw new IndicatorQueryError('period', error.text);
    throw error;
  }
}

/** The catalogue entries of `ids` (every indicator when none), or an error naming the unknown ones. */
export function queryIndicators(
  ids: readonly string[] | undefined,
  field: 'ids' | 'id',
): IndicatorDefinition[] {
  if (!ids || ids.length === 0) return [...INDICATORS];
  const unknown = ids.filter((id) => !INDICATORS.some((i) => i.id === id));
  if (unknown.length > 0)
    throw new IndicatorQueryError(field, {
      zh: `未知的指标：${unknown.join(', ')}`,
      en: `unknown indicator id(s): ${unknown.join(', ')}`,
    });
  return ids.map((id) => INDICATORS.find((i) => i.id === id)!);
}

/**
 * Where a query's orgs come from when not read from the database: the server's `TallyStore`
 * keeps the whole tree in memory.
 */
export interface OrgSource {
  /** Every org `scope` sees, by level then code (as `listOrgsInScope`). */
  orgsInScope(scope: OrgScope): Promise<IndicatorOrg[]>;
  /** The lineage of the org with this code, or null when the tree does not hold it (as `findOrgLineage`). */
  orgLineage(code: string): Promise<OrgLineage | null>;
}

/**
 * Validates a query, confines the org it names to `callerScope` and loads the orgs it covers.
 * An org not in the tree is a 400 naming `org`, as the other mistakes of a query. The orgs
 * come from `orgs` (default: read from the database; the server's `TallyStore` keeps them).
 */
export async function resolveQuery(
  db: Db,
  callerScope: OrgScope,
  query: IndicatorQuery,
  idsField: 'ids' | 'id' = 'ids',
  orgs?: OrgSource,
): Promise<ResolvedQuery> {
  const period = parseQueryPeriod(query.period);
  const depth = query.depth ?? 0;
  if (!Number.isInteger(depth) || depth < 0 || depth > 4)
    throw new IndicatorQueryError('depth', {
      zh: `层级 '${query.depth}' 应为 0..4 的整数`,
      en: `depth '${query.depth}' must be an integer 0..4`,
    });
  const { org: root, scope } = await scopeOfOrg(db.kysely, callerScope, query.orgCode, {
    field: 'org',
    unknownCode: 'bad_request',
    ...(orgs ? { lineageOf: (code: string) => orgs.orgLineage(code) } : {}),
  });
  const indicators = queryIndicators(query.ids, idsField);
  const all = orgs ? await orgs.orgsInScope(scope) : await listOrgsInScope(db.kysely, scope);
  const maxLevel = Math.min(5, root.level + depth) as OrgLevel;
  return {
    root,
    scope,
    period,
    depth,
    indicators,
    orgs: all.filter((o) => o.level <= maxLevel),
    scopeOrgs: new Map(all.map((o) => [o.code, o])),
  };
}
