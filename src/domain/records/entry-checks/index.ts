/**
 * Every entry check, listed once: the record's type names each id, so the compiler refuses a
 * check id without its check (and the reverse). The form, the check endpoint and the save
 * path all run {@link runEntryChecks}.
 */
import { armDifference } from './arm-difference.js';
import type { EntryCheck, EntryContext, EntryFinding } from './entry-check.js';
import { identicalCheckup } from './identical-checkup.js';
import { physiologicalRange } from './physiological-range.js';
import { uncontrolledNeedsGuidance } from './uncontrolled-needs-guidance.js';

export type { EntryCheck, EntryContext, EntryFinding, RecentCheckup } from './entry-check.js';

/** The ids of the entry checks. */
export type EntryCheckId =
  'physiological-range' | 'arm-difference' | 'uncontrolled-needs-guidance' | 'identical-checkup';

/** Every entry check by id, in the order they run. */
export const ENTRY_CHECKS: { readonly [K in EntryCheckId]: EntryCheck & { readonly id: K } } = {
  'physiological-range': physiologicalRange as EntryCheck & { id: 'physiological-range' },
  'arm-difference': armDifference as EntryCheck & { id: 'arm-difference' },
  'uncontrolled-needs-guidance': uncontrolledNeedsGuidance as EntryCheck & {
    id: 'uncontrolled-needs-guidance';
  },
  'identical-checkup': identicalCheckup as EntryCheck & { id: 'identical-checkup' },
};

/** The ids of the entry checks, in the order they run. */
export const ENTRY_CHECK_IDS = Object.keys(ENTRY_CHECKS) as EntryCheckId[];

/** The findings of every check, refusals and warnings apart. */
export interface EntryCheckResult {
  readonly refusals: readonly EntryFinding[];
  readonly warnings: readonly EntryFinding[];
}

/**
 * Runs every entry check on one validated service.
 *
 * @example runEntryChecks({ service, residentId: 7, recentCheckups: [] }).refusals // []
 */
export function runEntryChecks(context: EntryContext): EntryCheckResult {
  const all = ENTRY_CHECK_IDS.flatMap((id) => ENTRY_CHECKS[id].run(context));
  return {
    refusals: all.filter((f) => f.kind === 'refusal'),
    warnings: all.filter((f) => f.kind === 'warning'),
  };
}

/**
 * The warnings the caller has not acknowledged (by check id): the save waits for these.
 *
 * @example unacknowledged(result.warnings, ['arm-difference']) // the other warnings
 */
export function unacknowledged(
  warnings: readonly EntryFinding[],
  acknowledged: readonly string[],
): EntryFinding[] {
  const ok = new Set(acknowledged);
  return warnings.filter((w) => !ok.has(w.check));
}
