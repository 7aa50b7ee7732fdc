/**
 * The indicator table: every requested indicator for an org and its descendants down to
 * `depth` levels, for one period, from the maintained tallies (one grouped read of the
 * tallies at the period's 旬, added up the tree: sums of numerators over sums of
 * denominators, never averages).
 */
import type { Db } from '../../db/database.js';
import { parsePeriod, PeriodError, type Period } from '../../domain/periods/period.js';
import {
  INDICATORS,
  indicatorValue,
  termsOf,
  type IndicatorDefinition,
  type PopulationBase,
} from '../../domain/indicators/catalogue.js';
import { DEFAULT_PARAMETERS } from '../../domain/indicators/parameters.js';
import { prefixNodes } from '../../domain/indicators/slot-tree.js';
import { computeIndicatorValuesBaseline } from './indicator-baseline.js';
import {
  findOrg,
  listSubtreeOrgs,
  loadFactYears,
  subtreePopulation,
  subtreeTallies,
  type OrgRow,
} from './indicator-repository.js';

/** One cell of the indicator table (contract 4). */
export interface IndicatorValue {
  org: string;
  orgName: string;
  level: number;
  period: string;
  indicator: string;
  numerator: number;
  denominator: number | null;
  /** A fraction 0..1 for percent indicators, the count for counts; null when the denominator is 0. */
  value: number | null;
}

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

/** A query the caller got wrong (unknown org, indicator or period); HTTP 400. */
export class IndicatorQueryError extends Error {
  override readonly name = 'IndicatorQueryError';
  readonly statusCode = 400;
}

/** The resolved parts of a query, shared by the engine, the baseline and the drill-down. */
export interface ResolvedQuery {
  root: OrgRow;
  period: Period;
  depth: number;
  indicators: IndicatorDefinition[];
  orgs: OrgRow[];
}

/** Validates a query and loads the orgs it covers; errors name the field. */
export async function resolveQuery(db: Db, query: IndicatorQuery): Promise<ResolvedQuery> {
  let period: Period;
  try {
    period = parsePeriod(query.period);
  } catch (error) {
    if (error instanceof PeriodError) throw new IndicatorQueryError(error.message);
    throw error;
  }
  const depth = query.depth ?? 0;
  if (!Number.isInteger(depth) || depth < 0 || depth > 4)
    throw new IndicatorQueryError(`depth '${query.depth}' must be an integer 0..4`);
  const root = await findOrg(db.kysely, query.orgCode);
  if (!root) throw new IndicatorQueryError(`org '${query.orgCode}' is not in the org tree`);
  let indicators: IndicatorDefinition[] = [...INDICATORS];
  if (query.ids && query.ids.length > 0) {
    const unknown = query.ids.filter((id) => !INDICATORS.some((i) => i.id === id));
    if (unknown.length > 0) throw new IndicatorQueryError(`unknown indicator id(s): ${unknown.join(', ')}`);
    indicators = query.ids.map((id) => INDICATORS.find((i) => i.id === id)!);
  }
  const orgs = await listSubtreeOrgs(db.kysely, root, Math.min(5, root.level + depth));
  return { root, period, depth, indicators, orgs };
}

const ANCESTOR_COLUMN = { 1: 'province_code', 2: 'city_code', 3: 'county_code', 4: 'township_code' } as const;

/** The code of `org`'s ancestor at `level` (itself at its own level), or null below it. */
function ancestorAt(org: OrgRow, level: number): string | null {
  if (level === org.level) return org.code;
  if (level > org.level) return null;
  return org[ANCESTOR_COLUMN[level as 1 | 2 | 3 | 4]];
}

/** A term's count at one org (a village, or the org of an activity): the input of the roll-up. */
export interface TermCount {
  org_code: string;
  term: string;
  n: number;
}

const POPULATION_BASES: readonly PopulationBase[] = [
  'total',
  'age_0_6',
  'age_65_plus',
  'age_15_plus',
  'age_18_plus',
  'women_15_49',
  'live_births',
];

/**
 * Builds the value rows from per-org term counts and village population, adding each count
 * to its org and every listed ancestor (sums, never averages). Shared by the engine and the
 * baseline, so they differ only in how the term counts are obtained. `subtree` holds every
 * org of the root's subtree (all levels), to find a count's ancestors.
 */
export async function assembleValues(
  db: Db,
  resolved: ResolvedQuery,
  subtree: ReadonlyMap<string, OrgRow>,
  counts: readonly TermCount[],
): Promise<IndicatorValue[]> {
  const { root, period, indicators, orgs } = resolved;
  const orgIndex = new Map(orgs.map((o, i) => [o.code, i]));
  const maxLevel = Math.min(5, root.level + resolved.depth);
  const termIndex = new Map<string, number>();
  for (const i of indicators)
    for (const t of termsOf(i)) if (!termIndex.has(t)) termIndex.set(t, termIndex.size);
  const T = termIndex.size;
  const sums = new Float64Array(orgs.length * T);
  const ancestors = (org: OrgRow): number[] => {
    const out: number[] = [];
    for (let level = root.level; level <= Math.min(maxLevel, org.level); level++) {
      const code = ancestorAt(org, level);
      const index = code === null ? undefined : orgIndex.get(code);
      if (index !== undefined) out.push(index);
    }
    return out;
  };
  const ancestorCache = new Map<string, number[]>();
  const ancestorsOf = (code: string): number[] => {
    let list = ancestorCache.get(code);
    if (!list) {
      const org = subtree.get(code);
      ancestorCache.set(code, (list = org ? ancestors(org) : []));
    }
    return list;
  };
  for (const c of counts) {
    const ti = termIndex.get(c.term);
    if (ti === undefined) continue;
    for (const oi of ancestorsOf(c.org_code)) sums[oi * T + ti]! += c.n;
  }
  const P = POPULATION_BASES.length;
  const population = new Float64Array(orgs.length * P);
  if (indicators.some((i) => i.denominator?.kind === 'population')) {
    for (const row of await subtreePopulation(db.kysely, root, period.year)) {
      for (const oi of ancestorsOf(row.code))
        POPULATION_BASES.forEach((b, bi) => (population[oi * P + bi]! += Number(row[b] ?? 0)));
    }
  }
  const out: IndicatorValue[] = [];
  orgs.forEach((org, oi) => {
    const term = (t: string): number => sums[oi * T + termIndex.get(t)!]!;
    const base = (b: PopulationBase): number => population[oi * P + POPULATION_BASES.indexOf(b)]!;
    for (const indicator of indicators) {
      const v = indicatorValue(indicator, term, base, DEFAULT_PARAMETERS);
      out.push({
        org: org.code,
        orgName: org.name,
        level: org.level,
        period: period.text,
        indicator: indicator.id,
        numerator: v.numerator,
        denominator: v.denominator,
        value: v.value,
      });
    }
  });
  return out;
}

/**
 * Computes the indicator table for an org subtree and a period from the maintained facts.
 * A year whose facts are not maintained (no service recorded in it) is computed by the
 * plain recomputation instead, so the answer is always right.
 *
 * @example
 * const rows = await computeIndicatorValues(db, { orgCode: '620800', period: '2020Q2', depth: 1 });
 */
export async function computeIndicatorValues(db: Db, query: IndicatorQuery): Promise<IndicatorValue[]> {
  const resolved = await resolveQuery(db, query);
  const years = await loadFactYears(db.kysely);
  if (!years.includes(resolved.period.year)) {
    return computeIndicatorValuesBaseline(db, query);
  }
  const subtree = await listSubtreeOrgs(db.kysely, resolved.root, 5);
  const scope =
    resolved.root.level <= 3
      ? // Activities recorded at a province or city org carry that org's own 6-digit code as county.
        { countyCodes: subtree.filter((o) => o.level <= 3).map((o) => o.code) }
      : { orgCodes: subtree.map((o) => o.code) };
  const rows = await subtreeTallies(
    db.kysely,
    scope,
    resolved.period.year,
    prefixNodes(resolved.period.endSlot),
  );
  return assembleValues(db, resolved, new Map(subtree.map((o) => [o.code, o])), rows);
}
