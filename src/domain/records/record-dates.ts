/**
 * The dates of a record that cannot be true: a date after today, a birth after the record
 * was created, a death or move-out before the birth, a service before the birth or after
 * the death. (A new birth or death date is not yet checked against services already
 * stored; the audit finds such services.) Every write path (REST, import, forms)
 * refuses them with the field to blame; rows already stored are flagged by the audits
 * (rule `implausible_values`). `today` is a parameter: the clock is read by the caller.
 *
 * Dates are ISO text, so they compare as strings. A value that is not a valid date is left
 * to the format check (validation.ts), which names it once.
 */
import type { LocalizedText } from '../gongwei-error.js';
import { isIsoDate } from './iso-date.js';

type Reason = LocalizedText;

/** One refused date: the field of the input and why (a `FieldIssue` of validation.ts). */
export interface DateIssue {
  readonly field: string;
  readonly reason: Reason;
}

/** Why a date is refused; the person's own dates are never quoted (they are personal data). */
export const DATE_REASONS = {
  future: (today: string): Reason => ({
    zh: `日期晚于今天（${today}）`,
    en: `date is after today (${today})`,
  }),
  birthAfterCreated: { zh: '出生日期晚于建档日期', en: 'birth date is after the record was created' },
  beforeBirth: (what: Reason): Reason => ({
    zh: `${what.zh}早于出生日期`,
    en: `${what.en} is before the birth date`,
  }),
  serviceAfterDeath: { zh: '服务日期晚于该居民的死亡日期', en: "service date is after the resident's death" },
} as const;

const DEATH: Reason = { zh: '死亡日期', en: 'death date' };
const MOVED_OUT: Reason = { zh: '迁出日期', en: 'move-out date' };
const SERVICE: Reason = { zh: '服务日期', en: 'service date' };

/** A valid ISO date, or null for an empty or malformed value (reported elsewhere). */
function dateOf(value: string | null | undefined): string | null {
  return value !== null && value !== undefined && isIsoDate(value) ? value : null;
}

/**
 * Issues for each of `fields` whose date lies after `today`.
 *
 * @example futureDates({ startDate: '2031-01-01' }, '2026-12-05') // [{ field: 'startDate', … }]
 */
export function futureDates(
  fields: Readonly<Record<string, string | null | undefined>>,
  today: string,
): DateIssue[] {
  const issues: DateIssue[] = [];
  for (const [field, value] of Object.entries(fields)) {
    const date = dateOf(value);
    if (date !== null && date > today) issues.push({ field, reason: DATE_REASONS.future(today) });
  }
  return issues;
}

/** The dates of a resident record the rules compare. */
export interface ResidentDates {
  readonly birthDate: string | null;
  readonly recordCreated: string;
  readonly recordUpdated: string | null;
  readonly deathDate: string | null;
  readonly movedOutDate: string | null;
}

/**
 * Every impossible date of a resident record: after `today`, a birth after the record's
 * creation, a death or move-out before the birth.
 *
 * @example residentDateIssues({ birthDate: '2100-01-01', recordCreated: '2020-01-01', … }, '2026-12-05')
 * // [{ field: 'birthDate', reason: 日期晚于今天 }, { field: 'birthDate', reason: 出生日期晚于建档日期 }]
 */
export function residentDateIssues(r: ResidentDates, today: string): DateIssue[] {
  const future = futureDates(
    {
      birthDate: r.birthDate,
      recordCreated: r.recordCreated,
      recordUpdated: r.recordUpdated,
      deathDate: r.deathDate,
      movedOutDate: r.movedOutDate,
    },
    today,
  );
  return [...future, ...residentOrderIssues(r)];
}

/**
 * The contradictions among a resident record's own dates, whatever the day: a birth after
 * the record's creation, a death or move-out before the birth. The audits flag rows already
 * stored so (rule `implausible_values`).
 *
 * @example residentOrderIssues({ birthDate: '2020-06-01', recordCreated: '2020-05-01', … })
 * // [{ field: 'birthDate', reason: 出生日期晚于建档日期 }]
 */
export function residentOrderIssues(r: Omit<ResidentDates, 'recordUpdated'>): DateIssue[] {
  const issues: DateIssue[] = [];
  const birth = dateOf(r.birthDate);
  if (birth === null) return issues;
  const created = dateOf(r.recordCreated);
  if (created !== null && birth > created)
    issues.push({ field: 'birthDate', reason: DATE_REASONS.birthAfterCreated });
  const death = dateOf(r.deathDate);
  if (death !== null && death < birth)
    issues.push({ field: 'deathDate', reason: DATE_REASONS.beforeBirth(DEATH) });
  const movedOut = dateOf(r.movedOutDate);
  if (movedOut !== null && movedOut < birth)
    issues.push({ field: 'movedOutDate', reason: DATE_REASONS.beforeBirth(MOVED_OUT) });
  return issues;
}

/** The dates of a person that bound the dates of their services. */
export interface LifeDates {
  readonly birthDate: string | null;
  readonly deathDate: string | null;
}

/**
 * Issues of a service's date against the person it was given to: before the birth, after
 * the death. (A date after today is the row's own check, {@link futureDates}.)
 *
 * @example serviceAgainstPerson('2020-05-01', { birthDate: '2020-06-01', deathDate: null })
 * // [{ field: 'serviceDate', reason: 服务日期早于出生日期 }]
 */
export function serviceAgainstPerson(serviceDate: string, person: LifeDates): DateIssue[] {
  const date = dateOf(serviceDate);
  if (date === null) return [];
  const issues: DateIssue[] = [];
  const birth = dateOf(person.birthDate);
  if (birth !== null && date < birth)
    issues.push({ field: 'serviceDate', reason: DATE_REASONS.beforeBirth(SERVICE) });
  const death = dateOf(person.deathDate);
  if (death !== null && date > death)
    issues.push({ field: 'serviceDate', reason: DATE_REASONS.serviceAfterDeath });
  return issues;
}
