import type { PopulationInput } from '../../../domain/orgs/population.js';

/**
 * Demography of the synthetic Pingliang: an age pyramid of rural Gansu around 2020 (the
 * 1960s and late-1980s birth waves, a narrow base after the fertility decline, 65+ ≈ 12.7 %),
 * a sex ratio of about 1.04, and age-specific chances of the chronic conditions.
 */

/** Share of the population in each 5-year band from 0–4 to 90–94 (sums to 1). */
export const AGE_PYRAMID: readonly number[] = normalise([
  5.2, 6.2, 5.9, 5.4, 5.6, 6.9, 7.8, 6.7, 6.9, 8.6, 8.8, 6.6, 5.1, 4.6, 3.4, 2.4, 1.4, 0.6, 0.2,
]);

/**
 * How much likelier a person of each band is to hold a health record than the average
 * resident: the old are almost all recorded (they are managed every year); young adults
 * working away are often missing.
 */
export const RECORD_COVERAGE_BY_BAND: readonly number[] = [
  1.0, 1.0, 1.0, 0.98, 0.93, 0.94, 0.96, 0.98, 0.99, 1.0, 1.0, 1.02, 1.04, 1.1, 1.1, 1.1, 1.1, 1.1, 1.1,
];

/** Share of men among residents: sex ratio 1.04 (men per woman). */
export const MALE_SHARE = 1.04 / 2.04;

/** Live births per 1,000 population per year. */
export const BIRTH_RATE_PER_1000 = 10.5;

function normalise(values: readonly number[]): number[] {
  const sum = values.reduce((a, b) => a + b, 0);
  return values.map((v) => v / sum);
}

/** Band shares of people holding a record: the pyramid weighted by the record coverage. */
export function recordAgeShares(): number[] {
  return normalise(AGE_PYRAMID.map((s, i) => s * RECORD_COVERAGE_BY_BAND[i]!));
}

/**
 * Share of the population at least `from` and below `to` years old (fractions of a band
 * taken linearly).
 *
 * @example populationShareBetween(65, 200) // ≈ 0.127
 */
export function populationShareBetween(from: number, to: number): number {
  let share = 0;
  AGE_PYRAMID.forEach((s, band) => {
    const lo = band * 5;
    const hi = lo + 5;
    const overlap = Math.max(0, Math.min(hi, to) - Math.max(lo, from));
    share += (s * overlap) / 5;
  });
  return share;
}

/**
 * Population bands of a village of `total` people, from the pyramid (women 15–49 take the
 * female share of those ages; live births the birth rate). Rounded, and nested as
 * validatePopulation requires (65+ ⊂ 18+ ⊂ 15+).
 *
 * @example populationBands('620881100201', 2020, 1000).age65plus // → 127
 */
export function populationBands(orgCode: string, year: number, total: number): PopulationInput {
  const age15plus = Math.round(total * populationShareBetween(15, 200));
  const age18plus = Math.min(age15plus, Math.round(total * populationShareBetween(18, 200)));
  const age65plus = Math.min(age18plus, Math.round(total * populationShareBetween(65, 200)));
  const age0to6 = Math.min(total - age15plus, Math.round(total * populationShareBetween(0, 7)));
  const women15to49 = Math.min(
    age15plus,
    Math.round(total * populationShareBetween(15, 50) * (1 - MALE_SHARE)),
  );
  return {
    orgCode,
    year,
    total,
    age0to6,
    age65plus,
    age15plus,
    age18plus,
    women15to49,
    liveBirths: Math.round((total * BIRTH_RATE_PER_1000) / 1000),
  };
}

/**
 * Relative chance of hypertension at an age (China Hypertension Survey shape: rare under
 * 35, about half of those over 65); the mean over adults of the pyramid is ≈ 0.27.
 */
export function hypertensionWeight(age: number): number {
  if (age < 18) return 0;
  if (age < 35) return 0.05;
  if (age < 45) return 0.15;
  if (age < 55) return 0.29;
  if (age < 65) return 0.42;
  if (age < 75) return 0.53;
  return 0.6;
}

/** Relative chance of type 2 diabetes at an age. */
export function diabetesWeight(age: number): number {
  if (age < 25) return 0;
  if (age < 35) return 0.02;
  if (age < 45) return 0.05;
  if (age < 55) return 0.09;
  if (age < 65) return 0.13;
  return 0.15;
}

/** Relative chance that a woman of this age is pregnant or recently delivered. */
export function pregnancyWeight(age: number): number {
  if (age < 19 || age > 44) return 0;
  if (age < 23) return 0.6;
  if (age < 30) return 1.0;
  if (age < 35) return 0.7;
  if (age < 40) return 0.3;
  return 0.08;
}
