/**
 * Population of an org for one year (DESIGN C1): the denominators of the coverage and
 * management indicators. Pure: validation and estimation only, no storage.
 */
import { isOrgCode } from './division-codes.js';

/**
 * One population row as every write path (import, demo generator, REST) hands it to
 * `upsertPopulation`. Matched on (orgCode, year). Bands are null when unknown: an unknown
 * band is never treated as zero, because a zero denominator would silently hide a rate.
 */
export interface PopulationInput {
  /** Org code: 6 digits (province/city/county), 9 (township) or 12 (village). */
  orgCode: string;
  year: number;
  /** 常住人口 resident population, all ages. */
  total: number;
  /** 0–6 years (children's health management). */
  age0to6: number | null;
  /** 65 years and over (elderly health management). */
  age65plus: number | null;
  /** 15 years and over (health records of adults, TB screening). */
  age15plus: number | null;
  /** 18 years and over (expected hypertension and diabetes patients). */
  age18plus: number | null;
  /** Women aged 15–49 (育龄妇女). */
  women15to49: number | null;
  /** Live births of the year (maternal and newborn services). */
  liveBirths: number | null;
}

/** Field names of a `PopulationInput` that hold a count. */
export type PopulationCountField = Exclude<keyof PopulationInput, 'orgCode' | 'year'>;

/** The optional bands, in the order of the import columns. */
export const POPULATION_BANDS: readonly Exclude<PopulationCountField, 'total'>[] = [
  'age0to6',
  'age65plus',
  'age15plus',
  'age18plus',
  'women15to49',
  'liveBirths',
];

/** A reason a population row is refused, naming the field. */
export interface PopulationIssue {
  field: keyof PopulationInput;
  reason: { zh: string; en: string };
}

/** Earliest and latest year a population row may carry. */
export const POPULATION_YEARS = { min: 1949, max: 2100 } as const;

/**
 * Checks a population row: org code of 6, 9 or 12 digits, a plausible year, non-negative
 * integer counts, every band at most the total, and the bands that nest (65+ ⊂ 18+ ⊂ 15+;
 * 0–6 and 15+ disjoint; women 15–49 ⊂ 15+) consistent with each other. Returns every
 * issue found (empty when the row is valid), so an import report can list them all.
 *
 * @example
 * validatePopulation({ orgCode: '620881100200', year: 2020, total: 100, age65plus: 120, ... })
 * // → [{ field: 'age65plus', reason: { zh: '不能大于总人口', en: 'must not exceed the total' } }]
 */
export function validatePopulation(input: PopulationInput): PopulationIssue[] {
  const issues: PopulationIssue[] = [];
  if (typeof input.orgCode !== 'string' || !isOrgCode(input.orgCode)) {
    issues.push({
      field: 'orgCode',
      reason: { zh: '机构代码应为6、9或12位数字', en: 'org code must have 6, 9 or 12 digits' },
    });
  }
  if (
    !Number.isInteger(input.year) ||
    input.year < POPULATION_YEARS.min ||
    input.year > POPULATION_YEARS.max
  ) {
    issues.push({
      field: 'year',
      reason: {
        zh: `年份应为${POPULATION_YEARS.min}至${POPULATION_YEARS.max}之间的整数`,
        en: `year must be an integer from ${POPULATION_YEARS.min} to ${POPULATION_YEARS.max}`,
      },
    });
  }
  const countOk = (field: PopulationCountField, value: number | null): boolean => {
    if (value === null) return true;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
      issues.push({ field, reason: { zh: '应为非负整数', en: 'must be a non-negative integer' } });
      return false;
    }
    return true;
  };
  if (input.total === null || input.total === undefined) {
    issues.push({ field: 'total', reason: { zh: '总人口必填', en: 'total is required' } });
    return issues;
  }
  if (!countOk('total', input.total)) return issues;
  const valid = new Map<PopulationCountField, number | null>();
  for (const band of POPULATION_BANDS) {
    const value = input[band] ?? null;
    if (countOk(band, value)) valid.set(band, value);
  }
  for (const [band, value] of valid) {
    if (value !== null && value > input.total) {
      issues.push({
        field: band,
        reason: { zh: '不能大于总人口', en: 'must not exceed the total' },
      });
    }
  }
  const nested = (inner: PopulationCountField, outer: PopulationCountField, zh: string, en: string): void => {
    const a = valid.get(inner);
    const b = valid.get(outer);
    if (a !== undefined && a !== null && b !== undefined && b !== null && a > b) {
      issues.push({ field: inner, reason: { zh, en } });
    }
  };
  nested('age65plus', 'age18plus', '65岁及以上不能多于18岁及以上', '65+ must not exceed 18+');
  nested('age18plus', 'age15plus', '18岁及以上不能多于15岁及以上', '18+ must not exceed 15+');
  nested('women15to49', 'age15plus', '育龄妇女不能多于15岁及以上', 'women 15–49 must not exceed 15+');
  const young = valid.get('age0to6');
  const adults = valid.get('age15plus');
  if (
    young !== undefined &&
    young !== null &&
    adults !== undefined &&
    adults !== null &&
    young <= input.total &&
    adults <= input.total &&
    young + adults > input.total
  ) {
    issues.push({
      field: 'age0to6',
      reason: {
        zh: '0–6岁与15岁及以上之和不能大于总人口',
        en: '0–6 plus 15+ must not exceed the total',
      },
    });
  }
  return issues;
}

/** Shares of the total population used to estimate missing bands. */
export type PopulationShares = Readonly<Record<Exclude<PopulationCountField, 'total'>, number>>;

/**
 * Default shares, rounded from the 2020 census (第七次全国人口普查) for Gansu: 0–14 about
 * 19.4 % and 65+ about 12.6 % of the resident population, a crude birth rate near 10.6 ‰.
 * 0–6 and 18+ are interpolated from the single-year pyramid (seven and three birth
 * cohorts of roughly 1.2–1.3 % each); women 15–49 is about half of the 15–49 population.
 * They are an estimate for demonstrations and for orgs without census figures, not data:
 * a user replaces them by importing the real bands.
 */
export const DEFAULT_POPULATION_SHARES: PopulationShares = {
  age0to6: 0.088,
  age65plus: 0.126,
  age15plus: 0.806,
  age18plus: 0.768,
  women15to49: 0.235,
  liveBirths: 0.0106,
};

/**
 * Estimates every band of a population from its total and a share per band (rounded to
 * whole people). Rounding is monotone, so nested shares give nested bands and the result
 * passes `validatePopulation` whenever the shares themselves are consistent
 * (65+ ≤ 18+ ≤ 15+, women 15–49 ≤ 15+, 0–6 + 15+ ≤ 1). Throws on inconsistent shares or a
 * total that is not a non-negative integer, since either is a programming error.
 *
 * @example
 * estimatePopulationBands(1000)
 * // → { total: 1000, age0to6: 88, age65plus: 126, age15plus: 806, age18plus: 768,
 * //     women15to49: 235, liveBirths: 11 }
 */
export function estimatePopulationBands(
  total: number,
  shares: PopulationShares = DEFAULT_POPULATION_SHARES,
): Omit<PopulationInput, 'orgCode' | 'year'> {
  if (!Number.isInteger(total) || total < 0) {
    throw new RangeError('total must be a non-negative integer');
  }
  for (const band of POPULATION_BANDS) {
    const share = shares[band];
    if (!(share >= 0 && share <= 1)) throw new RangeError(`share of ${band} must be within 0..1`);
  }
  if (
    shares.age65plus > shares.age18plus ||
    shares.age18plus > shares.age15plus ||
    shares.women15to49 > shares.age15plus ||
    shares.age0to6 + shares.age15plus > 1
  ) {
    throw new RangeError('population shares are not nested consistently');
  }
  const part = (share: number): number => Math.round(total * share);
  const age15plus = part(shares.age15plus);
  // 0–6 and 15+ are disjoint; two roundings up could overshoot the total by one person.
  const age0to6 = Math.min(part(shares.age0to6), total - age15plus);
  return {
    total,
    age0to6,
    age65plus: part(shares.age65plus),
    age15plus,
    age18plus: part(shares.age18plus),
    women15to49: part(shares.women15to49),
    liveBirths: part(shares.liveBirths),
  };
}
