/**
 * Terms: the sets of people (or counts of activities) that indicators are made of. An
 * indicator is a numerator term over a denominator term or population base; a term is a
 * pure predicate of one resident's history at a period end ("managed hypertension patient
 * with ≥2 follow-ups year-to-date"). The engine evaluates each resident's terms at the 36
 * 旬 ends of a year and keeps them as 36-bit masks, so any period is answered by sums.
 *
 * Conventions (as of the period end E, year to date from 1 January):
 * - present at E: no death date on or before E, no move-out date on or before E;
 * - an enrolment is active at E when start ≤ E and (no end or end > E);
 * - YTD services: 1 January ≤ date ≤ E; "latest" is the greatest (date, id).
 */
import { addMonthsIso, monthsElapsed, slotEnd, SLOTS_PER_YEAR } from '../periods/period.js';
import { requiredFollowups, type IndicatorParameters } from './parameters.js';
import { VACCINES, vaccineOf } from './vaccines.js';

/** Person terms of each chronic follow-up programme. */
const CHRONIC_TERMS = ['managed', 'followup2', 'effective', 'controlled', 'uncontrolled', 'guided'] as const;

/** HEARTS terms (hypertension only). */
const HEARTS_TERMS = [
  'hearts_cohort',
  'hearts_under_care',
  'hearts_controlled',
  'hearts_uncontrolled',
  'hearts_no_bp',
  'hearts_missed',
  'hearts_ltfu',
] as const;

/** Every person term, by id. */
export const PERSON_TERMS: readonly string[] = [
  'records.total',
  'records.electronic',
  'records.duplicate',
  'records.used',
  'elderly.managed',
  'elderly.checked_up',
  ...CHRONIC_TERMS.map((t) => `hypertension.${t}`),
  ...HEARTS_TERMS.map((t) => `hypertension.${t}`),
  ...CHRONIC_TERMS.map((t) => `diabetes.${t}`),
  'maternal.managed',
  'maternal.early_registered',
  'maternal.postpartum_visited',
  'maternal.closed_42d',
  'maternal.effective',
  'child.managed',
  'child.followed',
  'child.checked',
  'child.newborn',
  'child.newborn_visited',
  'child.under3',
  'child.systematic',
  ...VACCINES.map((v) => `vaccination.${v.id}`),
  'tuberculosis.managed',
  'tuberculosis.followed',
  'tuberculosis.regular',
  'severe_mental.managed',
  'severe_mental.followed',
  'severe_mental.effective',
];

/** Activity terms: counts of person-less services per org (health education). */
export const ACTIVITY_TERMS: readonly string[] = [
  'health_education.activities',
  'health_education.lecture',
  'health_education.consultation',
  'health_education.board',
  'health_education.materials',
  'health_education.participants',
];

/** A service as the terms read it. */
export interface ServiceFact {
  readonly id: number;
  readonly type: string;
  readonly date: string;
  readonly sbp: number | null;
  readonly dbp: number | null;
  readonly fastingGlucose: number | null;
  readonly controlled: number | null;
  readonly guidance: number | null;
  /** Vaccinations: the vaccine name as recorded. */
  readonly vaccine: string | null;
  /** Prenatal registration: gestational weeks. */
  readonly gestationalWeeks: number | null;
  /** TB follow-up: medication taken regularly. */
  readonly medicationRegular: boolean | null;
}

/** An enrolment as the terms read it. */
export interface EnrollmentFact {
  readonly program: string;
  readonly startDate: string;
  readonly endDate: string | null;
}

/** A record's span of presence: created, and gone (death or move-out, the earlier). */
export interface RecordSpan {
  readonly created: string;
  readonly gone: string | null;
}

/** Everything about one resident the terms need. */
export interface ResidentHistory {
  readonly id: number;
  readonly birthDate: string | null;
  readonly electronic: boolean;
  readonly span: RecordSpan;
  readonly enrollments: readonly EnrollmentFact[];
  readonly services: readonly ServiceFact[];
  /** Spans of other records with the same normalised ID number and a smaller id. */
  readonly earlierDuplicates: readonly RecordSpan[];
}

/** A person-less activity (health education) as the terms read it. */
export interface ActivityFact {
  readonly date: string;
  readonly kind: string | null;
  readonly participants: number;
}

/** The earlier of death and move-out, the date a record leaves the set. */
export function goneDate(deathDate: string | null, movedOutDate: string | null): string | null {
  if (deathDate && movedOutDate) return deathDate < movedOutDate ? deathDate : movedOutDate;
  return deathDate ?? movedOutDate;
}

/** Normalised ID number used to find duplicate records (trimmed, upper-case), null when empty. */
export function idKey(idNumber: string | null): string | null {
  const key = idNumber?.trim().toUpperCase() ?? '';
  return key === '' ? null : key;
}

/** True when a record is in the set at E: created on or before E and not gone by E. */
export function spanCovers(span: RecordSpan, end: string): boolean {
  return span.created <= end && (span.gone === null || span.gone > end);
}

/** True when an enrolment is active at E. */
export function enrollmentActive(e: EnrollmentFact, end: string): boolean {
  return e.startDate <= end && (e.endDate === null || e.endDate > end);
}

/** Hypertension control of one follow-up: measured BP below the limits, else the recorded judgement. */
export function bpControlled(s: ServiceFact, p: IndicatorParameters): boolean {
  if (s.sbp !== null && s.dbp !== null)
    return s.sbp < p.controlledSystolicBelow && s.dbp < p.controlledDiastolicBelow;
  return s.controlled === 1;
}

/** Diabetes control of one follow-up: fasting glucose below the limit, else the recorded judgement. */
export function glucoseControlled(s: ServiceFact, p: IndicatorParameters): boolean {
  if (s.fastingGlucose !== null) return s.fastingGlucose < p.controlledGlucoseBelow;
  return s.controlled === 1;
}

function latest(services: readonly ServiceFact[]): ServiceFact | null {
  let best: ServiceFact | null = null;
  for (const s of services) {
    if (!best || s.date > best.date || (s.date === best.date && s.id > best.id)) best = s;
  }
  return best;
}

/** The dates a slot's rules compare with, computed once per (year, slot, parameters). */
interface SlotDates {
  readonly end: string;
  readonly ytd: string;
  readonly months: number;
  readonly useFrom: string;
  readonly registeredBy: string;
  readonly windowFrom: string;
  readonly lostFrom: string;
  readonly under3From: string;
}

const slotDatesCache = new WeakMap<IndicatorParameters, Map<number, SlotDates>>();

function slotDates(year: number, slot: number, p: IndicatorParameters): SlotDates {
  let byKey = slotDatesCache.get(p);
  if (!byKey) slotDatesCache.set(p, (byKey = new Map()));
  const key = year * 100 + slot;
  let d = byKey.get(key);
  if (!d) {
    const end = slotEnd(year, slot);
    d = {
      end,
      ytd: `${year}-01-01`,
      months: monthsElapsed(slot),
      useFrom: addMonthsIso(end, -p.recordUseMonths),
      registeredBy: addMonthsIso(end, -p.heartsRegisteredMonths),
      windowFrom: addMonthsIso(end, -p.heartsVisitWindowMonths),
      lostFrom: addMonthsIso(end, -p.heartsLostMonths),
      under3From: addMonthsIso(end, -p.childSystematicAgeMonths),
    };
    byKey.set(key, d);
  }
  return d;
}

/** A resident's services grouped by type, prepared once for the 36 evaluations of a year. */
type ServicesByType = ReadonlyMap<string, readonly ServiceFact[]>;

function groupByType(services: readonly ServiceFact[]): ServicesByType {
  const out = new Map<string, ServiceFact[]>();
  for (const s of services) {
    const list = out.get(s.type);
    if (list) list.push(s);
    else out.set(s.type, [s]);
  }
  return out;
}

const NONE: readonly ServiceFact[] = [];

/**
 * The terms a resident belongs to at the end of slot `slot` of `year`. Pure: the same
 * history gives the same terms.
 */
export function residentTermsAt(
  h: ResidentHistory,
  year: number,
  slot: number,
  p: IndicatorParameters,
): string[] {
  return termsAt(h, groupByType(h.services), slotDates(year, slot, p), p);
}

function termsAt(h: ResidentHistory, byType: ServicesByType, d: SlotDates, p: IndicatorParameters): string[] {
  const { end, ytd, months } = d;
  const out: string[] = [];
  const present = h.span.gone === null || h.span.gone > end;
  if (!present) return out;
  const ofType = (type: string): ServiceFact[] => (byType.get(type) ?? NONE).filter((s) => s.date <= end);
  const ytdOf = (type: string): ServiceFact[] =>
    (byType.get(type) ?? NONE).filter((s) => s.date <= end && s.date >= ytd);
  const enrolled = (program: string): boolean =>
    h.enrollments.some((e) => e.program === program && enrollmentActive(e, end));

  if (h.span.created <= end) {
    out.push('records.total');
    if (h.electronic) out.push('records.electronic');
    if (h.earlierDuplicates.some((x) => spanCovers(x, end))) out.push('records.duplicate');
    if (h.services.some((s) => s.date > d.useFrom && s.date <= end)) out.push('records.used');
  }
  if (h.enrollments.length === 0) return out;

  if (enrolled('elderly')) {
    out.push('elderly.managed');
    if (ytdOf('elderly_checkup').length > 0) out.push('elderly.checked_up');
  }

  const chronic = (program: string, type: string, controlled: (s: ServiceFact) => boolean): void => {
    if (!enrolled(program)) return;
    out.push(`${program}.managed`);
    const followups = ytdOf(type);
    if (followups.length >= p.followupRateMinimum) out.push(`${program}.followup2`);
    if (followups.length >= requiredFollowups(p.standardizedFollowupsPerYear, months))
      out.push(`${program}.effective`);
    const last = latest(followups);
    if (last) {
      if (controlled(last)) out.push(`${program}.controlled`);
      else {
        out.push(`${program}.uncontrolled`);
        if (last.guidance === 1) out.push(`${program}.guided`);
      }
    }
  };
  chronic('hypertension', 'hypertension_followup', (s) => bpControlled(s, p));
  chronic('diabetes', 'diabetes_followup', (s) => glucoseControlled(s, p));

  if (
    h.enrollments.some(
      (e) => e.program === 'hypertension' && enrollmentActive(e, end) && e.startDate <= d.registeredBy,
    )
  ) {
    out.push('hypertension.hearts_cohort');
    const visits = ofType('hypertension_followup');
    if (visits.some((s) => s.date > d.lostFrom)) {
      out.push('hypertension.hearts_under_care');
      const recent = visits.filter((s) => s.date > d.windowFrom);
      const lastBp = latest(recent.filter((s) => s.sbp !== null && s.dbp !== null));
      if (lastBp)
        out.push(
          bpControlled(lastBp, p) ? 'hypertension.hearts_controlled' : 'hypertension.hearts_uncontrolled',
        );
      else if (recent.length > 0) out.push('hypertension.hearts_no_bp');
      else out.push('hypertension.hearts_missed');
    } else {
      out.push('hypertension.hearts_ltfu');
    }
  }

  if (
    h.enrollments.some(
      (e) => e.program === 'maternal' && e.startDate <= end && (e.endDate === null || e.endDate >= ytd),
    )
  ) {
    out.push('maternal.managed');
    const registrations = ofType('prenatal_registration');
    const visited = ofType('postpartum_visit').length > 0;
    if (
      registrations.some(
        (s) => s.gestationalWeeks !== null && s.gestationalWeeks < p.earlyPregnancyWeeksBelow,
      )
    )
      out.push('maternal.early_registered');
    if (visited) out.push('maternal.postpartum_visited');
    if (ytdOf('postpartum_42d').length > 0) out.push('maternal.closed_42d');
    if (registrations.length > 0 && visited) out.push('maternal.effective');
  }

  if (enrolled('child')) {
    out.push('child.managed');
    const visits = ytdOf('child_visit');
    if (visits.length > 0 || ytdOf('newborn_visit').length > 0) out.push('child.followed');
    if (visits.length > 0) out.push('child.checked');
    if (h.birthDate !== null && h.birthDate >= ytd && h.birthDate <= end) {
      out.push('child.newborn');
      if (ofType('newborn_visit').length > 0) out.push('child.newborn_visited');
    }
    if (h.birthDate !== null && h.birthDate > d.under3From && h.birthDate <= end) {
      out.push('child.under3');
      if (visits.length >= requiredFollowups(p.childSystematicVisitsPerYear, months))
        out.push('child.systematic');
    }
    const vaccinated = new Set(ofType('vaccination').map((s) => vaccineOf(s.vaccine)));
    for (const v of VACCINES) if (vaccinated.has(v.id)) out.push(`vaccination.${v.id}`);
  }

  if (enrolled('tuberculosis')) {
    out.push('tuberculosis.managed');
    const followups = ytdOf('tb_followup');
    if (followups.length > 0) out.push('tuberculosis.followed');
    if (latest(followups)?.medicationRegular === true) out.push('tuberculosis.regular');
  }

  if (enrolled('severe_mental')) {
    out.push('severe_mental.managed');
    const followups = ytdOf('mental_followup');
    if (followups.length > 0) out.push('severe_mental.followed');
    if (followups.length >= requiredFollowups(p.standardizedFollowupsPerYear, months))
      out.push('severe_mental.effective');
  }
  return out;
}

/**
 * A resident's terms at every 旬 end of `year` from slot `fromSlot` on, as bit masks (bit s =
 * member at the end of slot s; the bits of earlier slots are left 0, for a caller that
 * knows them unchanged). Terms with an empty mask are left out.
 *
 * @example residentTermMasks(h, 2020, p).get('hypertension.managed') // 0b111…000 from enrolment on
 */
export function residentTermMasks(
  h: ResidentHistory,
  year: number,
  p: IndicatorParameters,
  fromSlot = 0,
): Map<string, number> {
  const masks = new Map<string, number>();
  const byType = groupByType(h.services);
  for (let slot = fromSlot, bit = 2 ** fromSlot; slot < SLOTS_PER_YEAR; slot++, bit *= 2) {
    for (const term of termsAt(h, byType, slotDates(year, slot, p), p))
      masks.set(term, (masks.get(term) ?? 0) + bit);
  }
  return masks;
}

/**
 * Year-to-date activity counts of one org at the end of every slot of `year`: for each
 * activity term, 36 cumulative values.
 */
export function activityTallies(activities: readonly ActivityFact[], year: number): Map<string, number[]> {
  const out = new Map<string, number[]>();
  const add = (term: string, slot: number, n: number): void => {
    let row = out.get(term);
    if (!row) out.set(term, (row = new Array<number>(SLOTS_PER_YEAR).fill(0)));
    for (let s = slot; s < SLOTS_PER_YEAR; s++) row[s]! += n;
  };
  const prefix = String(year);
  for (const a of activities) {
    if (!a.date.startsWith(prefix)) continue;
    const month = Number(a.date.slice(5, 7));
    const day = Number(a.date.slice(8, 10));
    const slot = (month - 1) * 3 + (day <= 10 ? 0 : day <= 20 ? 1 : 2);
    add('health_education.activities', slot, 1);
    if (a.kind && ACTIVITY_TERMS.includes(`health_education.${a.kind}`))
      add(`health_education.${a.kind}`, slot, 1);
    add('health_education.participants', slot, a.participants);
  }
  return out;
}
