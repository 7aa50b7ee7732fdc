/**
 * Clinical values of the synthetic services: blood pressure around 130–150/80–95 for
 * patients, fasting glucose 5–10, check-up values spread enough that two people rarely
 * share four of the six key values by chance (so that planted identical check-ups stand out).
 */
import type { DemoRandom } from './random.js';

const clamp = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, x));
const round1 = (x: number): number => Math.round(x * 10) / 10;
const round2 = (x: number): number => Math.round(x * 100) / 100;

/** A blood-pressure reading in mmHg. */
export interface BloodPressure {
  sbp: number;
  dbp: number;
}

/**
 * A follow-up BP reading of a hypertension patient that is controlled (< 140/90) or not, as
 * asked. With `digitPreference` the reading is rounded to a terminal 0 most of the time and
 * controlled readings crowd just under 140 (the "BP fudging" pattern).
 */
export function followupPressure(
  r: DemoRandom,
  controlled: boolean,
  digitPreference: boolean,
): BloodPressure {
  let sbp: number;
  let dbp: number;
  if (controlled) {
    // Honest readings thin out towards 140 (130–139 about as common as 140–149 overall);
    // fudged ones crowd just under it.
    sbp = digitPreference ? r.int(128, 139) : Math.round(clamp(r.normal(120, 9), 95, 139));
    dbp = Math.round(clamp(r.normal(80, 5), 60, 89));
  } else if (r.chance(0.8)) {
    sbp = Math.round(clamp(r.normal(150, 10), digitPreference ? 150 : 140, 200));
    dbp = Math.round(clamp(r.normal(88, 7), 60, 115));
  } else {
    sbp = Math.round(clamp(r.normal(128, 6), 110, 139));
    dbp = Math.round(clamp(r.normal(94, 3), 90, 110));
  }
  if (digitPreference && r.chance(0.75)) {
    sbp = roundTo10Keeping(sbp, controlled ? 139 : 200, controlled ? 100 : 140);
    dbp = roundTo10Keeping(dbp, controlled ? 89 : 115, controlled ? 60 : dbp >= 90 ? 90 : 60);
  }
  return { sbp, dbp };
}

/** Rounds to the nearest multiple of 10 inside [lo, hi] (down when rounding up would leave it). */
function roundTo10Keeping(value: number, hi: number, lo: number): number {
  const up = Math.round(value / 10) * 10;
  if (up <= hi && up >= lo) return up;
  const down = Math.floor(value / 10) * 10;
  return down >= lo ? down : value;
}

/** Fasting glucose (mmol/L, 2 decimals) of a diabetes patient, controlled (< 7.0) or not. */
export function followupGlucose(r: DemoRandom, controlled: boolean): number {
  return controlled
    ? round2(clamp(r.normal(6.1, 0.5), 4.4, 6.99))
    : round2(clamp(r.normal(8.6, 1.3), 7.0, 16));
}

/** The values of an elderly check-up, with both arms and the six key values. */
export interface CheckupValues {
  sbp: number;
  dbp: number;
  sbpRight: number;
  dbpRight: number;
  heartRate: number;
  fastingGlucose: number;
  weight: number;
  waist: number;
  height: number;
  totalCholesterol: number;
  triglycerides: number;
  alt: number;
  creatinine: number;
  ecg: 'normal' | 'abnormal';
  ultrasound: 'normal' | 'abnormal';
  selfCareScore: number;
  /** 处理意见: the generator writes none. */
  advice: string | null;
}

/** The six key values compared by the identical check-up audit, in its order. */
export const KEY_CHECKUP_VALUES = ['sbp', 'dbp', 'heartRate', 'fastingGlucose', 'weight', 'waist'] as const;

/**
 * A plausible elderly check-up. The right arm differs from the left by at most 6 mmHg unless
 * `armDifference` asks for more (11–20 or 21–35 mmHg).
 */
export function checkupValues(
  r: DemoRandom,
  male: boolean,
  hypertensive: boolean,
  diabetic: boolean,
  armDifference: 'none' | 'over10' | 'over20',
): CheckupValues {
  const sbp = Math.round(clamp(r.normal(hypertensive ? 148 : 124, 15), 95, 210));
  const dbp = Math.round(clamp(r.normal(hypertensive ? 86 : 78, 9), 50, Math.min(120, sbp - 25)));
  const difference =
    armDifference === 'over10' ? r.int(11, 20) : armDifference === 'over20' ? r.int(21, 35) : r.int(0, 6);
  // sbp stays within 95–210 and the difference within 35, so the right arm stays plausible.
  const sbpRight = sbp + (r.chance(0.5) ? difference : -difference);
  const height = round1(clamp(r.normal(male ? 165 : 154, 6), 135, 190));
  const bmi = clamp(r.normal(23.5, 3.2), 16, 36);
  const weight = round1(clamp((bmi * height * height) / 10000, 32, 120));
  return {
    sbp,
    dbp,
    sbpRight,
    dbpRight: Math.round(clamp(dbp + r.int(-4, 4), 40, sbpRight - 25)),
    heartRate: Math.round(clamp(r.normal(76, 9), 48, 120)),
    fastingGlucose: round2(clamp(r.normal(diabetic ? 8.2 : 5.4, diabetic ? 1.6 : 0.7), 3.6, 18)),
    weight,
    waist: round1(clamp(r.normal(male ? 86 : 82, 9), 60, 130)),
    height,
    totalCholesterol: round2(clamp(r.normal(4.8, 0.9), 2.5, 9)),
    triglycerides: round2(clamp(r.normal(1.5, 0.6), 0.4, 6)),
    alt: Math.round(clamp(r.normal(22, 9), 5, 120)),
    creatinine: Math.round(clamp(r.normal(male ? 85 : 68, 15), 35, 200)),
    ecg: r.chance(0.18) ? 'abnormal' : 'normal',
    ultrasound: r.chance(0.22) ? 'abnormal' : 'normal',
    selfCareScore: r.chance(0.85) ? 0 : r.int(1, 12),
    advice: null,
  };
}
