import { checkIdNumber, idMatchesRecord, type IdErrorCode } from '../id-number/id-number.js';
import {
  MIN_READINGS_AROUND_140,
  type CheckupValueField,
  type PlausibleRange,
  type Severity,
} from './vocabulary.js';

/** A finding a rule produced, before it is stored. Evidence holds no names, ID numbers or phones. */
export interface DraftFinding {
  readonly severity: Severity;
  /** What the finding is about, unique within the rule (see `findingSubject`). */
  readonly subject: string;
  /** Org the finding is counted under (the resident's village, the service's org, or the unit). */
  readonly orgCode: string;
  /** County of that org: findings are confined to an org scope through it. */
  readonly countyCode: string;
  readonly residentId: number | null;
  readonly serviceId: number | null;
  /** Date of the service the finding is about; null for residents, sets and units. */
  readonly subjectDate: string | null;
  /** Records this finding stands for (extra copies of a duplicate set; 1 otherwise). */
  readonly weight: number;
  readonly evidence: Readonly<Record<string, unknown>>;
}

/** Subject text of a finding: with the rule id it is the stable finding key. */
export const findingSubject = {
  resident: (id: number, check?: string): string => `resident:${id}${check ? `:${check}` : ''}`,
  service: (id: number, check?: string): string => `service:${id}${check ? `:${check}` : ''}`,
  duplicateSet: (smallestResidentId: number): string => `set:${smallestResidentId}`,
  unit: (orgCode: string, from: string | null, to: string): string => `unit:${orgCode}:${from ?? ''}..${to}`,
  /** The records of a unit as a whole, whatever the window (the unused records of an org). */
  unitRecords: (orgCode: string): string => `unit:${orgCode}:records`,
} as const;

/** The stable key of a finding across runs: rule and subject. */
export function findingKey(rule: string, subject: string): string {
  return `${rule}|${subject}`;
}

/** A resident as the ID rule reads it. */
export interface ResidentIdFacts {
  readonly idNumber: string | null;
  readonly birthDate: string | null;
  readonly sex: string | null;
}

/** What is wrong with a resident's ID number; null when nothing is. */
export interface IdProblem {
  readonly severity: Severity;
  /** Error codes of the ID module, then BIRTH_DATE_MISMATCH / SEX_MISMATCH. */
  readonly codes: readonly (IdErrorCode | 'BIRTH_DATE_MISMATCH' | 'SEX_MISMATCH')[];
}

/**
 * The ID rule for one record: the ID module's error codes, and disagreement of the number
 * with the record's birth date or sex. An empty number is a warning (to be completed); any
 * other problem is an error.
 *
 * @example idProblemOf({ idNumber: '', birthDate: null, sex: null }, '2020-06-30', p) // { severity: 'warning', codes: ['EMPTY'] }
 */
export function idProblemOf(
  resident: ResidentIdFacts,
  asOf: string,
  params: { readonly reportEmpty: boolean },
): IdProblem | null {
  const check = checkIdNumber(resident.idNumber ?? '', undefined, { today: asOf });
  const codes: IdProblem['codes'][number][] = [...check.errors];
  if (codes.includes('EMPTY')) return params.reportEmpty ? { severity: 'warning', codes: ['EMPTY'] } : null;
  for (const d of idMatchesRecord(check, resident)) {
    codes.push(d.field === 'birthDate' ? 'BIRTH_DATE_MISMATCH' : 'SEX_MISMATCH');
  }
  if (codes.length === 0) return null;
  return { severity: 'error', codes: [...new Set(codes)] };
}

/** The left/right systolic differences (mmHg) that make a finding. */
export interface ArmBpThresholds {
  /** A difference above this is a warning. */
  readonly flagOver: number;
  /** A difference above this is an error: re-measure the next day, advise a doctor. */
  readonly remeasureOver: number;
}

/**
 * Severity of a left/right systolic difference: none up to `flagOver` (10 mmHg is not over
 * 10), a warning above it, an error above `remeasureOver` (re-measure next day, advise a doctor).
 *
 * @example armBpSeverity(130, 141, { flagOver: 10, remeasureOver: 20 }) // 'warning'
 */
export function armBpSeverity(sbpLeft: number, sbpRight: number, params: ArmBpThresholds): Severity | null {
  const diff = Math.abs(sbpLeft - sbpRight);
  if (diff > params.remeasureOver) return 'error';
  if (diff > params.flagOver) return 'warning';
  return null;
}

/** The measured values of a service, by column. */
export type MeasuredValues = Partial<Record<CheckupValueField, number | null>>;

/**
 * The measured values outside their plausible range, and a systolic not above its
 * diastolic (left or right arm), each as `field` or `sbp<=dbp`.
 *
 * @example outOfRange({ sbp: 300, dbp: 80 }, ranges) // ['sbp']
 */
export function outOfRange(
  values: MeasuredValues,
  ranges: Readonly<Record<CheckupValueField, PlausibleRange>>,
): string[] {
  const out: string[] = [];
  for (const [field, range] of Object.entries(ranges) as [CheckupValueField, PlausibleRange][]) {
    const v = values[field];
    if (v !== null && v !== undefined && (v < range.min || v > range.max)) out.push(field);
  }
  if (values.sbp != null && values.dbp != null && values.sbp <= values.dbp) out.push('sbp<=dbp');
  if (values.sbp_right != null && values.dbp_right != null && values.sbp_right <= values.dbp_right)
    out.push('sbp_right<=dbp_right');
  return out;
}

/** BP reading statistics of one unit over a window. */
export interface DigitStats {
  /** Readings examined (systolic and diastolic each count). */
  readonly readings: number;
  /** Readings whose last digit is 0 or 5. */
  readonly endingZeroFive: number;
  /** Readings whose last digit is 0. */
  readonly endingZero: number;
  /** Systolic readings 130–139. */
  readonly sbp130to139: number;
  /** Systolic readings 140–149. */
  readonly sbp140to149: number;
}

/** When a unit's readings show digit preference. */
export interface DigitPreferenceThresholds {
  /** Units with fewer readings are not judged. */
  readonly minReadings: number;
  /** Share of readings ending in 0 or 5 above which a unit is flagged. */
  readonly zeroFiveShareOver: number;
  /** Systolic readings 130–139 per reading 140–149 above which a unit is flagged. */
  readonly below140RatioOver: number;
}

/** The verdict on one unit's readings. */
export interface DigitVerdict {
  readonly zeroFiveShare: number;
  readonly zeroShare: number;
  /** 130–139 per 140–149 systolic; null when there is no 140–149 reading. */
  readonly below140Ratio: number | null;
  /** Which tests flagged the unit (empty: not flagged). */
  readonly flags: readonly ('zero_five_share' | 'below_140_ratio')[];
}

/**
 * Digit preference of a unit: too many readings ending in 0 or 5 (an unbiased device gives
 * about 20 %), or too many systolic readings just under 140 relative to just over it
 * (readings nudged under the control threshold). Units with fewer than `minReadings`
 * readings are not judged (null). The ratio is judged only with at least 20 readings in
 * 130–149; with none in 140–149 it is null and counts as over.
 */
export function judgeDigitPreference(
  stats: DigitStats,
  params: DigitPreferenceThresholds,
): DigitVerdict | null {
  if (stats.readings < params.minReadings || stats.readings === 0) return null;
  const zeroFiveShare = stats.endingZeroFive / stats.readings;
  const zeroShare = stats.endingZero / stats.readings;
  const below140Ratio = stats.sbp140to149 === 0 ? null : stats.sbp130to139 / stats.sbp140to149;
  const flags: DigitVerdict['flags'][number][] = [];
  if (zeroFiveShare > params.zeroFiveShareOver) flags.push('zero_five_share');
  // The ratio is judged only on enough readings around 140.
  const ratioHigh =
    stats.sbp130to139 + stats.sbp140to149 >= MIN_READINGS_AROUND_140 &&
    (below140Ratio === null || below140Ratio > params.below140RatioOver);
  if (ratioHigh) flags.push('below_140_ratio');
  return { zeroFiveShare, zeroShare, below140Ratio, flags };
}

/**
 * The name of a place as a bulletin writes it: the division tree names villages by their
 * committees (屈岔村委会, 东关社区居委会); a bulletin says 屈岔村, 东关社区.
 *
 * @example placeName('屈岔村委会') // '屈岔村'
 */
export function placeName(name: string): string {
  if (name.endsWith('村民委员会')) return `${name.slice(0, -5)}村`;
  if (name.endsWith('村委会')) return name.slice(0, -2);
  if (name.endsWith('社区居委会')) return name.slice(0, -3);
  if (name.endsWith('居民委员会')) return `${name.slice(0, -5)}社区`;
  if (name.endsWith('居委会')) return `${name.slice(0, -3)}社区`;
  return name;
}
