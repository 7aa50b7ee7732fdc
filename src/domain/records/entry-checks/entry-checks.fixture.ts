/** Entered services for the entry checks' tests. */
import type { ServiceInput } from '../inputs.js';
import type { EntryContext, RecentCheckup } from './entry-check.js';

/** An entry context for a service of `type` with `payload`. */
export function entered(
  type: string,
  payload: Record<string, unknown>,
  recentCheckups: readonly RecentCheckup[] = [],
  residentId: number | null = 1,
): EntryContext {
  const service = {
    serviceNo: null,
    recordNo: '62088110020100001',
    type,
    serviceDate: '2026-11-01',
    orgCode: null,
    institution: null,
    doctor: null,
    payload,
  } as unknown as ServiceInput;
  return { service, residentId, recentCheckups };
}

/** An elderly check-up's payload; both arms equal, values plausible. */
export const checkup = (extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  sbp: 130,
  dbp: 80,
  sbpRight: 130,
  dbpRight: 80,
  heartRate: 72,
  fastingGlucose: 5.6,
  weight: 60,
  waist: 80,
  advice: null,
  ...extra,
});
