/**
 * What an entry check (录入校验) is: a pure rule run on one service as it is entered, before
 * it is saved, by the form as the user types and by the server on the check and save paths
 * (src/modules/entry/). A check answers findings: a `refusal` stops the save (400 naming the
 * field), a `warning` must be acknowledged by its check id before the save goes through (422
 * listing the unacknowledged warnings otherwise).
 */
import type { LocalizedText } from '../../gongwei-error.js';
import type { ServiceInput } from '../inputs.js';

/** How a finding weighs: a refusal cannot be overridden, a warning must be acknowledged. */
export type EntryFindingKind = 'refusal' | 'warning';

/** One finding of one check on one entered service. */
export interface EntryFinding {
  /** The id of the check that found it; what the caller acknowledges a warning with. */
  readonly check: string;
  readonly kind: EntryFindingKind;
  /** The field to blame, as validation names it (`payload.sbpRight`). */
  readonly field: string;
  readonly reason: LocalizedText;
}

/** Another person's recent elderly check-up, as the identical check-up rule compares it. */
export interface RecentCheckup {
  readonly serviceId: number;
  readonly residentId: number;
  /** The six key values in the order of IDENTICAL_CHECKUP_RULE.fields; null when missing. */
  readonly values: readonly (number | null)[];
}

/**
 * What a check sees: the validated service (schema and dates already passed) and what the
 * server looked up about its context.
 */
export interface EntryContext {
  readonly service: ServiceInput;
  /** The resident's id when stored (null for a new or unknown resident). */
  readonly residentId: number | null;
  /** Other people's elderly check-ups of the same unit in the last year (only for check-ups). */
  readonly recentCheckups: readonly RecentCheckup[];
}

/** A pure entry check. */
export interface EntryCheck {
  readonly id: string;
  /** What the check asks, for the docs and the form's help. */
  readonly description: LocalizedText;
  /** Where the rule comes from (seed, programme norm, audit rule). */
  readonly source: string;
  run(context: EntryContext): EntryFinding[];
}

/** The payload of an entered service as a plain record, for checks that read several types. */
export function payloadOf(context: EntryContext): Readonly<Record<string, unknown>> {
  return context.service.payload as Readonly<Record<string, unknown>>;
}

/** A number of the payload, or null when the field is absent or not a number. */
export function payloadNumber(payload: Readonly<Record<string, unknown>>, field: string): number | null {
  const v = payload[field];
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}
