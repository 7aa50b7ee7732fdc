/**
 * From per-org term counts to the indicator table: each count is added to its org and every
 * ancestor listed in the table, village population likewise (sums of numerators over sums of
 * denominators, never averages), then the catalogue is applied. Shared by the engine and the
 * plain recomputation, so that they differ only in how the term counts are obtained.
 */
import type { Db } from '../../db/database.js';
import { indicatorValue, termsOf, type PopulationBase } from '../../domain/indicators/catalogue.js';
import type { LocalizedText } from '../../domain/gongwei-error.js';
import { DEFAULT_PARAMETERS } from '../../domain/indicators/parameters.js';
import { rateRemark } from '../../domain/indicators/rate-over-full.js';
import type { OrgLevel } from '../../domain/orgs/division-codes.js';
import { ancestorAt } from '../orgs/org-scope.js';
import type { ResolvedQuery } from './indicator-query.js';
import {
  villagePopulationInScope,
  type IndicatorOrg,
  type TermCount,
  type VillagePopulation,
} from './values-repository.js';

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
  /** Present on a rate above 100 %: its denominator is too low (src/domain/indicators/rate-over-full.ts). */
  remark?: LocalizedText;
  /**
   * Only on a reported indicator with a value (catalogue `reported`): `reported` — the org's
   * own report; `summed` — the sum of the numerators over the sum of the denominators of the
   * reports of the units below it.
   */
  source?: 'reported' | 'summed';
  /** Only with `source`: where the figure comes from (e.g. 传染病报告信息管理系统). */
  reportSource?: string;
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
 * Builds the value rows of `resolved` from per-org term counts (orgs of its scope, any level)
 * and the village population of its scope (default: read from the database).
 */
export async function assembleValues(
  db: Db,
  resolved: ResolvedQuery,
  counts: readonly TermCount[],
  villagePopulation: (resolved: ResolvedQuery) => Promise<VillagePopulation[]> = (r) =>
    villagePopulationInScope(db.kysely, r.scope, r.period.year),
): Promise<IndicatorValue[]> {
  const { root, period, indicators, orgs, scopeOrgs } = resolved;
  const orgIndex = new Map(orgs.map((o, i) => [o.code, i]));
  const maxLevel = Math.min(5, root.level + resolved.depth);
  const termIndex = new Map<string, number>();
  for (const i of indicators)
    for (const t of termsOf(i)) if (!termIndex.has(t)) termIndex.set(t, termIndex.size);
  const T = termIndex.size;
  const sums = new Float64Array(orgs.length * T);
  const ancestors = (org: IndicatorOrg): number[] => {
    const out: number[] = [];
    for (let level = root.level; level <= Math.min(maxLevel, org.level); level++) {
      const code = ancestorAt(org, level as OrgLevel);
      const index = code === null ? undefined : orgIndex.get(code);
      if (index !== undefined) out.push(index);
    }
    return out;
  };
  const ancestorCache = new Map<string, number[]>();
  const ancestorsOf = (code: string): number[] => {
    let list = ancestorCache.get(code);
    if (!list) {
      const org = scopeOrgs.get(code);
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
    for (const row of await villagePopulation(resolved)) {
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
      const remark = rateRemark(indicator, v.value);
      out.push({
        org: org.code,
        orgName: org.name,
        level: org.level,
        period: period.text,
        indicator: indicator.id,
        numerator: v.numerator,
        denominator: v.denominator,
        value: v.value,
        ...(remark === null ? {} : { remark }),
      });
    }
  });
  return out;
}
