/**
 * The target rule (C4.1): a target is a rate times a base, rounded half up. The base is the
 * population, a population band, the expected patients (a band × a prevalence, the
 * prevalence being a named parameter per area and year) or an explicit count.
 */
import { DEFAULT_PARAMETERS as ENGINE_DEFAULTS } from '../indicators/parameters.js';
import { POPULATION_BANDS as OPTIONAL_BANDS, type PopulationCountField } from '../orgs/population.js';
import { PlanInputError } from './plan-input-error.js';
import { roundProductHalfUp } from './rounding.js';

/** Population bands a base can be taken from: the counts of an org's population, total first. */
export const POPULATION_BANDS: readonly [PopulationCountField, ...PopulationCountField[]] = [
  'total',
  ...OPTIONAL_BANDS,
];

/** A population band. */
export type PopulationBand = PopulationCountField;

/** Names of the bands for people. */
export const POPULATION_BAND_NAMES: Readonly<Record<PopulationBand, { zh: string; en: string }>> = {
  total: { zh: '常住人口', en: 'resident population' },
  age0to6: { zh: '0-6岁儿童', en: 'children 0–6' },
  age65plus: { zh: '65岁及以上人口', en: 'population 65+' },
  age15plus: { zh: '15岁及以上人口', en: 'population 15+' },
  age18plus: { zh: '18岁及以上人口', en: 'population 18+' },
  women15to49: { zh: '育龄妇女', en: 'women 15–49' },
  liveBirths: { zh: '活产数', en: 'live births' },
};

/** What a target is a rate of. */
export type TargetBase =
  | { readonly kind: 'population'; readonly band: PopulationBand }
  | { readonly kind: 'expected'; readonly band: PopulationBand; readonly parameter: string }
  | { readonly kind: 'count'; readonly count: number };

/** An org's population of one year, bands null when unknown. */
export type PopulationCounts = Readonly<Record<PopulationBand, number | null>>;

/**
 * The default of a named parameter used by expected-patient bases, when no area sets its
 * own: the indicator engine's official defaults (src/domain/indicators/parameters.ts), so
 * that a target and the engine's management rate divide by the same expected patients.
 * Null for a name the engine does not know or that is not a number.
 *
 * @example
 * defaultParameter('hypertensionPrevalence') // → 0.27
 */
export function defaultParameter(name: string): number | null {
  const value = (ENGINE_DEFAULTS as unknown as Record<string, unknown>)[name];
  return typeof value === 'number' ? value : null;
}

/** True when `value` is a population band. */
export function isPopulationBand(value: string): value is PopulationBand {
  return (POPULATION_BANDS as readonly string[]).includes(value);
}

/**
 * Expected patients: a band times a prevalence, rounded half up to whole people.
 *
 * @example
 * expectedPatients(12_000, 0.27) // → 3240
 */
export function expectedPatients(band: number, prevalence: number): number {
  return roundProductHalfUp(band, prevalence);
}

/**
 * The base of a target for one org and year. Throws a `PlanInputError` naming the band or
 * parameter that is missing, since a missing denominator must never count as zero.
 *
 * @example
 * resolveBase({ kind: 'expected', band: 'age18plus', parameter: 'diabetesPrevalence' },
 *   { ...population, age18plus: 3870 }, 0.1) // → 387
 */
export function resolveBase(
  base: TargetBase,
  population: PopulationCounts | null,
  parameterValue: number | null,
): number {
  if (base.kind === 'count') {
    if (!Number.isSafeInteger(base.count) || base.count < 0) {
      throw new PlanInputError(
        { zh: '基数应为非负整数', en: 'the count must be a non-negative integer' },
        { column: 'count' },
      );
    }
    return base.count;
  }
  const value = population?.[base.band] ?? null;
  if (value === null) {
    throw new PlanInputError(
      { zh: `缺少人口数（${POPULATION_BAND_NAMES[base.band].zh}）`, en: `no population for ${base.band}` },
      { column: base.band },
    );
  }
  if (base.kind === 'population') return value;
  if (parameterValue === null) {
    throw new PlanInputError(
      { zh: `缺少参数 ${base.parameter}`, en: `no value for parameter ${base.parameter}` },
      { column: base.parameter },
    );
  }
  return expectedPatients(value, parameterValue);
}

/**
 * The target: base × rate rounded half up. The rate is a fraction (0.8 for 80 %).
 *
 * @example
 * targetOf(3256, 0.9) // → 2930
 */
export function targetOf(base: number, rate: number): number {
  if (!Number.isFinite(rate) || rate < 0 || rate > 1) {
    throw new PlanInputError(
      { zh: '目标率应在0到1之间（如0.8表示80%）', en: 'the rate must be within 0..1' },
      { column: 'rate' },
    );
  }
  if (!Number.isFinite(base) || base < 0) {
    throw new PlanInputError(
      { zh: '基数不能为负数', en: 'the base must not be negative' },
      { column: 'base' },
    );
  }
  return roundProductHalfUp(base, rate);
}
