/**
 * Family-doctor contracts (家庭医生签约): the pure rules. A contract binds one resident to
 * one team for a term (one year by default) from its signing date; it is active from the
 * signing date to the end date inclusive, unless it was terminated earlier (the termination
 * date is the first day it no longer holds). The key populations (重点人群) a contract
 * counts for are fixed at signing from the registries, so a later diagnosis does not turn an
 * ordinary contract into a key-population one after the fact (ADR 0018).
 */
import type { LocalizedText } from '../gongwei-error.js';
import type { Program } from '../programs.js';

/** The key-population groups a contract can count for. */
export const KEY_POPULATIONS = [
  'elderly',
  'hypertension',
  'diabetes',
  'maternal',
  'child',
  'severe_mental',
  'tuberculosis',
  'disabled',
] as const;

/** One key-population group. */
export type KeyPopulation = (typeof KEY_POPULATIONS)[number];

/** Names of the key-population groups, for what users see. */
export const KEY_POPULATION_NAMES: Readonly<Record<KeyPopulation, LocalizedText>> = {
  elderly: { zh: '65岁及以上老年人', en: 'Elderly (65+)' },
  hypertension: { zh: '高血压患者', en: 'Hypertension patients' },
  diabetes: { zh: '2型糖尿病患者', en: 'Type 2 diabetes patients' },
  maternal: { zh: '孕产妇', en: 'Pregnant and postpartum women' },
  child: { zh: '0-6岁儿童', en: 'Children 0–6' },
  severe_mental: { zh: '严重精神障碍患者', en: 'Severe mental disorder patients' },
  tuberculosis: { zh: '肺结核患者', en: 'Tuberculosis patients' },
  disabled: { zh: '残疾人', en: 'People with disabilities' },
};

/** A contract term in whole years when the file does not say. */
export const DEFAULT_TERM_YEARS = 1;

/** Age from which a resident counts as elderly (老年人), in completed years at signing. */
export const ELDERLY_AGE = 65;

function parseIso(date: string): { y: number; m: number; d: number } {
  return { y: Number(date.slice(0, 4)), m: Number(date.slice(5, 7)), d: Number(date.slice(8, 10)) };
}

function iso(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** The day before an ISO date. */
export function dayBefore(date: string): string {
  const t = new Date(`${date}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() - 1);
  return t.toISOString().slice(0, 10);
}

/** The day after an ISO date. */
export function dayAfter(date: string): string {
  const t = new Date(`${date}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + 1);
  return t.toISOString().slice(0, 10);
}

/**
 * The last day of a term of `years` whole years signed on `signed`: the day before the same
 * calendar day `years` later. A contract signed on 29 February ends on 28 February (the
 * anniversary 1 March is the first day of the next term).
 *
 * @example termEndDate('2020-07-01') // '2021-06-30'
 * @example termEndDate('2020-02-29') // '2021-02-28'
 */
export function termEndDate(signed: string, years: number = DEFAULT_TERM_YEARS): string {
  const { y, m, d } = parseIso(signed);
  const ty = y + years;
  // The anniversary; 29 February in a common year rolls to 1 March.
  const anniversary = d > daysInMonth(ty, m) ? iso(ty, m + 1, 1) : iso(ty, m, d);
  return dayBefore(anniversary);
}

/** What decides whether a contract holds on a day. */
export interface ContractSpan {
  /** ISO date of signing: the first day the contract holds. */
  readonly signedDate: string;
  /** ISO date of the last day of the term. */
  readonly endDate: string;
  /** ISO date of termination: the first day it no longer holds; null when never terminated. */
  readonly terminatedDate: string | null;
}

/**
 * True when the contract holds on `date`: signed on or before it, its term not over, not
 * terminated on or before it.
 *
 * @example isActiveOn({ signedDate: '2020-07-01', endDate: '2021-06-30', terminatedDate: null }, '2021-06-30') // true
 */
export function isActiveOn(contract: ContractSpan, date: string): boolean {
  if (contract.signedDate > date) return false;
  if (contract.endDate < date) return false;
  return contract.terminatedDate === null || contract.terminatedDate > date;
}

/** Where a contract stands on a day: what the contract list shows and filters by. */
export const CONTRACT_STATUSES = ['active', 'pending', 'expired', 'terminated'] as const;

/** One contract status. */
export type ContractStatus = (typeof CONTRACT_STATUSES)[number];

/** Names of the statuses, for what users see. */
export const CONTRACT_STATUS_NAMES: Readonly<Record<ContractStatus, LocalizedText>> = {
  active: { zh: '履约中', en: 'active' },
  pending: { zh: '未生效', en: 'not yet in force' },
  expired: { zh: '已到期', en: 'expired' },
  terminated: { zh: '已解约', en: 'terminated' },
};

/**
 * The status of a contract on `date`: not yet signed (pending), terminated on or before it,
 * its term over (expired), else active. A termination falls within the term, so a
 * contract terminated and past its end is terminated, not expired: the termination is what
 * the team must account for.
 *
 * @example contractStatusOn({ signedDate: '2020-07-01', endDate: '2021-06-30', terminatedDate: null }, '2021-07-01') // 'expired'
 */
export function contractStatusOn(contract: ContractSpan, date: string): ContractStatus {
  if (contract.signedDate > date) return 'pending';
  if (contract.terminatedDate !== null && contract.terminatedDate <= date) return 'terminated';
  if (contract.endDate < date) return 'expired';
  return 'active';
}

/** Completed years of age on `date` for a birth date; null when the birth date is unknown. */
export function ageOn(birthDate: string | null, date: string): number | null {
  if (birthDate === null) return null;
  const b = parseIso(birthDate);
  const t = parseIso(date);
  let age = t.y - b.y;
  if (t.m < b.m || (t.m === b.m && t.d < b.d)) age--;
  return age;
}

/**
 * The first day on which {@link ageOn} is at least `years`: the birthday `years` on, and for
 * a birth on 29 February, 1 March in a common year (ageOn counts the year complete only
 * once the month and day are reached). `years` 0 gives the birth date.
 *
 * @example birthdayOf('1955-05-05', 65) // '2020-05-05'
 * @example birthdayOf('2016-02-29', 7) // '2023-03-01'
 */
export function birthdayOf(birthDate: string, years: number): string {
  const b = parseIso(birthDate);
  const y = b.y + years;
  return b.d > daysInMonth(y, b.m) ? iso(y, b.m + 1, 1) : iso(y, b.m, b.d);
}

/** One enrolment as the registries hold it. */
export interface EnrolmentSpan {
  readonly program: Program | string;
  readonly startDate: string;
  readonly endDate: string | null;
}

/** What the key-population flags are derived from. */
export interface SigningFacts {
  readonly birthDate: string | null;
  readonly enrolments: readonly EnrolmentSpan[];
  /** The disabled flag of the contract's input: there is no disability registry. */
  readonly disabled: boolean;
}

const PROGRAM_GROUPS: Readonly<Record<string, KeyPopulation>> = {
  hypertension: 'hypertension',
  diabetes: 'diabetes',
  maternal: 'maternal',
  child: 'child',
  severe_mental: 'severe_mental',
  tuberculosis: 'tuberculosis',
};

/**
 * The key populations a contract signed on `signed` counts for, in catalogue order: elderly
 * by age at signing (65 completed years), each programme whose enrolment is active on the
 * signing day (started on or before it, not ended on or before it), children 0–6 also by
 * age (under 7 at signing) when not enrolled, and disabled as given.
 *
 * @example keyPopulationsAtSigning('2020-07-01', { birthDate: '1955-07-01', enrolments: [], disabled: false }) // ['elderly']
 */
export function keyPopulationsAtSigning(signed: string, facts: SigningFacts): KeyPopulation[] {
  const groups = new Set<KeyPopulation>();
  const age = ageOn(facts.birthDate, signed);
  if (age !== null && age >= ELDERLY_AGE) groups.add('elderly');
  if (age !== null && age >= 0 && age < 7) groups.add('child');
  for (const e of facts.enrolments) {
    const group = PROGRAM_GROUPS[e.program];
    if (group === undefined) continue;
    if (e.startDate <= signed && (e.endDate === null || e.endDate > signed)) groups.add(group);
  }
  if (facts.disabled) groups.add('disabled');
  return KEY_POPULATIONS.filter((g) => groups.has(g));
}

/** A contract as renewal detection sees it. */
export interface ContractLink extends ContractSpan {
  readonly id: number;
  readonly residentId: number;
}

/** Days after a term's end within which a new contract still continues it (续约). */
export const RENEWAL_GRACE_DAYS = 90;

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * The contract a new one signed on `signed` continues (续约), or null: the resident's latest
 * earlier contract, not terminated, whose term ended no more than {@link RENEWAL_GRACE_DAYS}
 * days before the signing (or is still running: an early renewal). A terminated contract is
 * not renewed; a new contract after it is a new signing.
 *
 * @example previousContract('2021-07-01', [{ id: 1, residentId: 7, signedDate: '2020-07-01', endDate: '2021-06-30', terminatedDate: null }]) // the contract 1
 */
export function previousContract<C extends ContractLink>(signed: string, earlier: readonly C[]): C | null {
  let best: C | null = null;
  for (const c of earlier) {
    if (c.signedDate >= signed) continue;
    if (best === null || c.signedDate > best.signedDate) best = c;
  }
  if (best === null || best.terminatedDate !== null) return null;
  return daysBetween(best.endDate, signed) <= RENEWAL_GRACE_DAYS ? best : null;
}

/** Termination reasons (解约原因). */
export const TERMINATION_REASONS = {
  death: { zh: '死亡', en: 'death' },
  moved_out: { zh: '迁出', en: 'moved out' },
  resident_request: { zh: '居民申请解约', en: 'the resident asked to end it' },
  team_change: { zh: '更换签约团队', en: 'changed team' },
  other: { zh: '其他', en: 'other' },
} as const satisfies Record<string, LocalizedText>;

/** A termination reason code. */
export type TerminationReason = keyof typeof TERMINATION_REASONS;

/** True when `code` is a termination reason. */
export function isTerminationReason(code: string): code is TerminationReason {
  return Object.hasOwn(TERMINATION_REASONS, code);
}

/** The fields a contract is checked on. */
export interface ContractDraft {
  readonly signedDate: string;
  readonly endDate: string;
  readonly terminatedDate: string | null;
  readonly terminationReason: string | null;
  readonly packageCode: string;
}

/** One problem with a contract: the field and why. */
export interface ContractProblem {
  readonly field: keyof ContractDraft;
  readonly reason: LocalizedText;
}

/**
 * What is wrong with a contract, field by field (empty when nothing): the end not before
 * the signing, a termination outside the term or without its reason (or a reason without a
 * date), an unknown reason or package.
 */
export function contractProblems(c: ContractDraft, packageCodes: readonly string[]): ContractProblem[] {
  const problems: ContractProblem[] = [];
  if (c.endDate < c.signedDate)
    problems.push({
      field: 'endDate',
      reason: { zh: '到期日期早于签约日期', en: 'ends before it was signed' },
    });
  if (!packageCodes.includes(c.packageCode))
    problems.push({
      field: 'packageCode',
      reason: {
        zh: `服务包应为：${packageCodes.join('、')}`,
        en: `package must be one of ${packageCodes.join(', ')}`,
      },
    });
  if (c.terminatedDate !== null) {
    if (c.terminatedDate <= c.signedDate || c.terminatedDate > c.endDate)
      problems.push({
        field: 'terminatedDate',
        reason: {
          zh: '解约日期应在签约日期之后、到期日期之前',
          en: 'termination must fall after signing and within the term',
        },
      });
    if (c.terminationReason === null)
      problems.push({
        field: 'terminationReason',
        reason: { zh: '解约须填写原因', en: 'a termination needs its reason' },
      });
  } else if (c.terminationReason !== null) {
    problems.push({
      field: 'terminatedDate',
      reason: { zh: '填写了解约原因但没有解约日期', en: 'a reason without a termination date' },
    });
  }
  if (c.terminationReason !== null && !isTerminationReason(c.terminationReason))
    problems.push({
      field: 'terminationReason',
      reason: {
        zh: `解约原因应为：${Object.values(TERMINATION_REASONS)
          .map((r) => r.zh)
          .join('、')}`,
        en: `reason must be one of ${Object.keys(TERMINATION_REASONS).join(', ')}`,
      },
    });
  return problems;
}
