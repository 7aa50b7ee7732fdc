/**
 * Ages at the demo's cut-off date and what a village's people make possible for each
 * programme (how many are old enough, how likely to be hypertensive, …): the caps and
 * weights the programme quotas are split by, and the ages the records are drawn with.
 */
import { DEMO_CITY } from './calibration.js';
import { dayOf, latestBirthForAge } from './calendar.js';
import { diabetesWeight, hypertensionWeight, pregnancyWeight } from './demography.js';
import type { VillagePlan } from './village-plan.js';

const AS_OF_DAY = dayOf(DEMO_CITY.asOf);

/** What a village's people make possible for each programme. */
export interface Eligibility {
  elderly: number;
  adults: number;
  hypertensionWeight: number;
  diabetesWeight: number;
  diabetesCandidates: number;
  pregnancyWeight: number;
  pregnancyCandidates: number;
  children: number;
  age15plus: number;
  age18to75: number;
}

/** Ages at the cut-off date in whole years, as the generator will see them. */
export function agesOf(plan: VillagePlan): Int32Array {
  const ages = new Int32Array(plan.births.length);
  for (let i = 0; i < ages.length; i += 1) ages[i] = ageInYears(plan.births[i]!);
  return ages;
}

/** Latest birth day of each age 0..120 at the cut-off date (decreasing). */
const LATEST_BIRTH_FOR_AGE = Array.from({ length: 122 }, (_, age) => latestBirthForAge(AS_OF_DAY, age));

/**
 * Whole years of age at the cut-off date (0 for anyone born after it).
 *
 * @example ageInYears(dayOf('1955-06-30')) // → 65
 */
export function ageInYears(birthDay: number): number {
  let years = Math.max(0, Math.min(120, Math.floor((AS_OF_DAY - birthDay) / 365.25)));
  while (years < 120 && LATEST_BIRTH_FOR_AGE[years + 1]! >= birthDay) years += 1;
  while (years > 0 && LATEST_BIRTH_FOR_AGE[years]! < birthDay) years -= 1;
  return years;
}

/** A child may be managed when under 7 and at least 10 days old (the newborn visit is due). */
export function isManageableChild(birthDay: number): boolean {
  return birthDay > latestBirthForAge(AS_OF_DAY, 7) && birthDay <= AS_OF_DAY - 10;
}

/** What the people of a village (their birth days and sexes drawn) make possible. */
export function eligibilityOf(plan: VillagePlan): Eligibility {
  const e: Eligibility = {
    elderly: 0,
    adults: 0,
    hypertensionWeight: 0,
    diabetesWeight: 0,
    diabetesCandidates: 0,
    pregnancyWeight: 0,
    pregnancyCandidates: 0,
    children: 0,
    age15plus: 0,
    age18to75: 0,
  };
  const ages = agesOf(plan);
  ages.forEach((age, i) => {
    if (age >= 65) e.elderly += 1;
    if (age >= 18) e.adults += 1;
    if (age >= 15) e.age15plus += 1;
    if (age >= 18 && age <= 75) e.age18to75 += 1;
    e.hypertensionWeight += hypertensionWeight(age);
    const dw = diabetesWeight(age);
    e.diabetesWeight += dw;
    if (dw > 0) e.diabetesCandidates += 1;
    if (plan.males[i] === 0) {
      const pw = pregnancyWeight(age);
      e.pregnancyWeight += pw;
      if (pw > 0) e.pregnancyCandidates += 1;
    }
    if (isManageableChild(plan.births[i]!)) e.children += 1;
  });
  return e;
}
