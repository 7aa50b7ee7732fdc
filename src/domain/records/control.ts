/**
 * Control as the programme judges it at a follow-up (控制满意): blood pressure under 140/90
 * mmHg for hypertension; fasting glucose under 7.0 mmol/L for type 2 diabetes.
 */

/** Systolic/diastolic thresholds (mmHg) below which hypertension counts as controlled. */
export const BP_CONTROL_THRESHOLD = { sbp: 140, dbp: 90 } as const;
/** Fasting glucose (mmol/L) below which diabetes counts as controlled. */
export const GLUCOSE_CONTROL_THRESHOLD = 7.0;

/**
 * True when a blood pressure reading is controlled.
 *
 * @example isBloodPressureControlled(139, 89) // true; isBloodPressureControlled(140, 80) // false
 */
export function isBloodPressureControlled(sbp: number, dbp: number): boolean {
  return sbp < BP_CONTROL_THRESHOLD.sbp && dbp < BP_CONTROL_THRESHOLD.dbp;
}

/**
 * True when a fasting glucose reading is controlled.
 *
 * @example isGlucoseControlled(6.9) // true; isGlucoseControlled(7.0) // false
 */
export function isGlucoseControlled(fastingGlucose: number): boolean {
  return fastingGlucose < GLUCOSE_CONTROL_THRESHOLD;
}
