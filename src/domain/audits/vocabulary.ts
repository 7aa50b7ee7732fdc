/**
 * What the data-quality audit rules (质控规则) have in common: how serious a finding is, the
 * window a run examines, the measured values and resident columns the rules compare, and
 * the physiological ranges and blood-pressure bands of the programme. The rules themselves
 * (ids, texts, parameters, candidate SQL) are units of src/modules/audits/rules/.
 */

import type { OrgScope } from '../orgs/org-scope.js';

/** How serious a finding is: `error` data that is wrong, `warning` data or practice to check, `info` to follow up. */
export type Severity = 'error' | 'warning' | 'info';

/** Severities from most to least serious. */
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/** The dates a run examines: services from `from` (null: any) to `to`, states as of `asOf`. */
export interface AuditWindow {
  readonly from: string | null;
  readonly to: string;
  readonly asOf: string;
}

/** The check-up values the service rules compare and range-check (columns of `services`). */
export const CHECKUP_VALUE_FIELDS = [
  'sbp',
  'dbp',
  'sbp_right',
  'dbp_right',
  'heart_rate',
  'fasting_glucose',
  'weight',
  'waist',
] as const;

/** A check-up value a rule can compare. */
export type CheckupValueField = (typeof CHECKUP_VALUE_FIELDS)[number];

/**
 * The payload field (camelCase, as entered) of each check-up value column, so that a rule
 * on stored rows and a check at entry read the same value.
 */
export const CHECKUP_VALUE_PAYLOAD_FIELDS: Readonly<Record<CheckupValueField, string>> = {
  sbp: 'sbp',
  dbp: 'dbp',
  sbp_right: 'sbpRight',
  dbp_right: 'dbpRight',
  heart_rate: 'heartRate',
  fasting_glucose: 'fastingGlucose',
  weight: 'weight',
  waist: 'waist',
};

/**
 * The identical check-up rule's definition (体检数据雷同, seed 002: 6项体检指标中4项以上指标完全一致):
 * the six key values compared and how many must match. The audit rule `identical_checkups`
 * takes them as its defaults; the entry check `identical-checkup` applies them at the source.
 */
export const IDENTICAL_CHECKUP_RULE = {
  fields: ['sbp', 'dbp', 'heart_rate', 'fasting_glucose', 'weight', 'waist'],
  k: 4,
} as const satisfies { fields: readonly CheckupValueField[]; k: number };

/** The units within which check-ups are compared with each other. */
export const COMPARISON_UNITS = ['all', 'county', 'township', 'village', 'institution'] as const;

/** The unit within which check-ups are compared with each other. */
export type ComparisonUnit = (typeof COMPARISON_UNITS)[number];

/** The resident columns a duplicate key can be made of; `id_number` is compared normalised. */
export const DUPLICATE_KEY_FIELDS = [
  'id_number',
  'name',
  'birth_date',
  'sex',
  'county_code',
  'org_code',
  'phone',
] as const;

/** A resident column usable in a duplicate key. */
export type DuplicateKeyField = (typeof DUPLICATE_KEY_FIELDS)[number];

/** A physiologically plausible closed range of a measured value. */
export interface PlausibleRange {
  readonly min: number;
  readonly max: number;
}

/** The plausible range of every measured value of an adult (children's weights are not adults'). */
export const PLAUSIBLE_RANGES: Readonly<Record<CheckupValueField, PlausibleRange>> = {
  sbp: { min: 60, max: 260 },
  dbp: { min: 30, max: 160 },
  sbp_right: { min: 60, max: 260 },
  dbp_right: { min: 30, max: 160 },
  heart_rate: { min: 30, max: 200 },
  fasting_glucose: { min: 1.5, max: 33.3 },
  weight: { min: 25, max: 200 },
  waist: { min: 40, max: 170 },
};

/**
 * True when every range of `outer` contains the same value's range of `inner` (a value
 * missing from `inner` is not checked there, so any `outer` range contains it): then a value
 * outside its `outer` range is outside its `inner` range too, and the services breaking
 * `outer` are among those breaking `inner`.
 *
 * @example rangesContain({ sbp: { min: 50, max: 300 } }, { sbp: { min: 60, max: 260 } }) // true
 */
export function rangesContain(
  outer: Readonly<Partial<Record<string, PlausibleRange>>>,
  inner: Readonly<Partial<Record<string, PlausibleRange>>>,
): boolean {
  return Object.entries(outer).every(([field, o]) => {
    const i = inner[field];
    return o === undefined || (i !== undefined && o.min <= i.min && o.max >= i.max);
  });
}

/**
 * True when a scope reaches beyond the rows of a county (the whole tree, a province, a
 * city): then reading a whole index of services costs less than reading the scope's
 * services from the table, which a county or below reaches through its county index.
 *
 * @example spansCounties(WHOLE_TREE) // true
 * @example spansCounties(subtreeScope({ code: '620881', level: 3, countyCode: '620881' })) // false
 */
export function spansCounties(scope: OrgScope): boolean {
  return scope.kind === 'all' || scope.roots.some((r) => r.level <= 2);
}

/** The follow-ups of the two key chronic diseases (hypertension and type 2 diabetes). */
export const CHRONIC_FOLLOWUPS = ['hypertension_followup', 'diabetes_followup'] as const;

/**
 * Systolic readings just under the control threshold of 140 mmHg: a unit nudging readings
 * under it shows many more of these than of {@link SBP_JUST_OVER_140}.
 */
export const SBP_JUST_UNDER_140: PlausibleRange = { min: 130, max: 139 };

/** Systolic readings just over the control threshold of 140 mmHg. */
export const SBP_JUST_OVER_140: PlausibleRange = { min: 140, max: 149 };

/** Readings in the two bands around 140 below which their ratio is not judged. */
export const MIN_READINGS_AROUND_140 = 20;
