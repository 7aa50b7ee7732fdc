import type { ServiceInput } from './inputs.js';

/**
 * The columns of `services` that indicators and audits read directly, taken out of a
 * validated payload; everything else of the payload stays in `rest` (stored as JSON).
 */
export interface ServiceColumns {
  sbp: number | null;
  dbp: number | null;
  sbpRight: number | null;
  dbpRight: number | null;
  heartRate: number | null;
  fastingGlucose: number | null;
  weight: number | null;
  waist: number | null;
  /** 1 controlled, 0 uncontrolled, null when the service type does not judge control. */
  controlled: 0 | 1 | null;
  /** 1 guidance or referral recorded, 0 not, null when not applicable. */
  guidance: 0 | 1 | null;
  /** The payload fields not in a column of their own; null when none are left. */
  rest: Record<string, unknown> | null;
}

const HOT_KEYS = new Set([
  'sbp',
  'dbp',
  'sbpRight',
  'dbpRight',
  'heartRate',
  'fastingGlucose',
  'weight',
  'waist',
  'controlled',
  'guidance',
]);

function numberOrNull(value: unknown): number | null {
  return typeof value === 'number' ? value : null;
}

function flag(value: unknown): 0 | 1 | null {
  return typeof value === 'boolean' ? (value ? 1 : 0) : null;
}

/**
 * Splits a validated service payload into its hot columns and the JSON rest.
 *
 * @example serviceColumns({ type: 'hypertension_followup', payload: { sbp: 150, dbp: 95,
 *   controlled: false, guidance: true, heartRate: null, medicationAdherence: 'regular', symptoms: null }, ... })
 * // { sbp: 150, dbp: 95, controlled: 0, guidance: 1, heartRate: null, ..., rest: { medicationAdherence: 'regular', symptoms: null } }
 */
export function serviceColumns(input: ServiceInput): ServiceColumns {
  const payload = input.payload as Record<string, unknown>;
  let rest: Record<string, unknown> | null = null;
  for (const key in payload) {
    if (HOT_KEYS.has(key)) continue;
    rest ??= {};
    rest[key] = payload[key];
  }
  return {
    sbp: numberOrNull(payload.sbp),
    dbp: numberOrNull(payload.dbp),
    sbpRight: numberOrNull(payload.sbpRight),
    dbpRight: numberOrNull(payload.dbpRight),
    heartRate: numberOrNull(payload.heartRate),
    fastingGlucose: numberOrNull(payload.fastingGlucose),
    weight: numberOrNull(payload.weight),
    waist: numberOrNull(payload.waist),
    controlled: flag(payload.controlled),
    guidance: flag(payload.guidance),
    rest,
  };
}
