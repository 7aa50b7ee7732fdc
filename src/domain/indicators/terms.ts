/**
 * Terms: the sets of people (or counts of activities) that indicators are made of. An
 * indicator is a numerator term over a denominator term or population base; a term is a
 * pure predicate of one resident's history at a period end ("managed hypertension patient
 * with ≥2 follow-ups year-to-date"). The engine evaluates each resident's terms at the 36
 * 旬 ends of a year and keeps them as 36-bit masks, so any period is answered by sums; a
 * family that declares the slots at which its terms can change (`changeSlots`, the
 * contracts family) is evaluated only at those and its terms carried forward in between.
 *
 * The terms are defined by families (one file each in ./term-families/), listed here; each
 * declares what it reads (./term-family.ts). Adding a term: add it to its family (or a new
 * family listed below), test it in terms.test.ts, give the plain SQL recomputation its rule
 * (src/modules/indicators/baseline-repository.ts) and the catalogue an indicator using it.
 */
import { SLOTS_PER_YEAR, slotOfDate } from '../periods/period.js';
import type { IndicatorParameters } from './parameters.js';
import { serviceReadsOf, type ServiceReads } from './service-reads.js';
import { CHILD_TERMS } from './term-families/child.js';
import { CONTRACTS_TERMS } from './term-families/contracts.js';
import { DIABETES_TERMS, HYPERTENSION_TERMS } from './term-families/chronic.js';
import { ELDERLY_TERMS } from './term-families/elderly.js';
import { HEALTH_EDUCATION_TERMS } from './term-families/health-education.js';
import { HEARTS_TERMS } from './term-families/hearts.js';
import { MATERNAL_TERMS } from './term-families/maternal.js';
import { RECORDS_TERMS } from './term-families/records.js';
import { SEVERE_MENTAL_TERMS } from './term-families/severe-mental.js';
import { TUBERCULOSIS_TERMS } from './term-families/tuberculosis.js';
import { VACCINATION_TERMS } from './term-families/vaccination.js';
import {
  groupByType,
  slotDates,
  SlotView,
  type ActivityFact,
  type ActivityTermFamily,
  type PersonTermFamily,
  type ResidentHistory,
  type ServicesByType,
} from './term-family.js';

export {
  agedAtLeast,
  bpControlled,
  glucoseControlled,
  nationalBpControlled,
} from './term-families/chronic.js';
export {
  enrollmentActive,
  spanCovers,
  type ActivityFact,
  type EnrollmentFact,
  type RecordSpan,
  type ResidentHistory,
  type ServiceFact,
} from './term-family.js';

/** Every family of person terms, in the order of {@link PERSON_TERMS}. */
export const PERSON_TERM_FAMILIES: readonly PersonTermFamily[] = [
  RECORDS_TERMS,
  ELDERLY_TERMS,
  HYPERTENSION_TERMS,
  HEARTS_TERMS,
  DIABETES_TERMS,
  MATERNAL_TERMS,
  CHILD_TERMS,
  VACCINATION_TERMS,
  TUBERCULOSIS_TERMS,
  SEVERE_MENTAL_TERMS,
  CONTRACTS_TERMS,
];

/** The family of activity terms (counts of person-less services per org). */
export const ACTIVITY_TERM_FAMILY: ActivityTermFamily = HEALTH_EDUCATION_TERMS;

/** Every person term, by id. */
export const PERSON_TERMS: readonly string[] = PERSON_TERM_FAMILIES.flatMap((f) => f.terms);

/** The family deciding each person term. */
export const PERSON_TERM_FAMILY: ReadonlyMap<string, PersonTermFamily> = new Map(
  PERSON_TERM_FAMILIES.flatMap((f) => f.terms.map((t) => [t, f] as const)),
);

/** Activity terms: counts of person-less services per org (health education). */
export const ACTIVITY_TERMS: readonly string[] = ACTIVITY_TERM_FAMILY.terms;

/** What the person terms read of a resident's services: what the fact maintainer loads. */
export const PERSON_SERVICE_READS: ServiceReads = serviceReadsOf(PERSON_TERM_FAMILIES);

/** Some person term reads the residents' family-doctor contracts: the maintainer loads them. */
export const PERSON_READS_CONTRACTS: boolean = PERSON_TERM_FAMILIES.some((f) => f.readsContracts === true);

/** What the activity terms read of person-less services. */
export const ACTIVITY_SERVICE_READS: ServiceReads = serviceReadsOf([{ reads: [ACTIVITY_TERM_FAMILY.reads] }]);

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

/** The families a resident can belong to: those of no programme or of a programme it was ever enrolled in. */
function familiesOf(h: ResidentHistory): PersonTermFamily[] {
  if (h.enrollments.length === 0) return PERSON_TERM_FAMILIES.filter((f) => f.program === undefined);
  const programs = new Set(h.enrollments.map((e) => e.program));
  return PERSON_TERM_FAMILIES.filter((f) => f.program === undefined || programs.has(f.program));
}

function termsAt(
  h: ResidentHistory,
  families: readonly PersonTermFamily[],
  byType: ServicesByType,
  year: number,
  slot: number,
  p: IndicatorParameters,
): string[] {
  const out: string[] = [];
  const dates = slotDates(year, slot, p);
  // Every term is of people present at the period end.
  if (h.span.gone !== null && h.span.gone <= dates.end) return out;
  const view = new SlotView(h, byType, dates, p);
  for (const family of families) family.membersAt(view, out);
  return out;
}

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
  return termsAt(h, familiesOf(h), groupByType(h.services), year, slot, p);
}

/**
 * How {@link residentTermMasks} evaluates the families: `change-slots` evaluates a family
 * that declares its change slots only at those (carrying its terms forward in between),
 * `every-slot` evaluates every family at every slot. Both give the same masks; the second is
 * the reference the tests and the bench compare with.
 */
export type TermEvaluation = 'change-slots' | 'every-slot';

/**
 * A resident's terms at every 旬 end of `year` from slot `fromSlot` on, as bit masks (bit s =
 * member at the end of slot s; the bits of earlier slots are left 0, for a caller that
 * knows them unchanged). Terms with an empty mask are left out. A family with
 * `changeSlots` is evaluated only at the slots it names and at `fromSlot` (unless
 * `evaluation` is `every-slot`).
 *
 * @example residentTermMasks(h, 2020, p).get('hypertension.managed') // 0b111…000 from enrolment on
 */
export function residentTermMasks(
  h: ResidentHistory,
  year: number,
  p: IndicatorParameters,
  fromSlot = 0,
  evaluation: TermEvaluation = 'change-slots',
): Map<string, number> {
  return familyTermMasks(h, familiesOf(h), year, p, fromSlot, evaluation);
}

/**
 * {@link residentTermMasks} for the families of `only` alone (those of them the resident can
 * belong to): a write that can change only these families' terms (a write of services,
 * ./service-write-families.ts) leaves the masks of the others as stored.
 */
export function residentTermMasksOf(
  h: ResidentHistory,
  only: readonly PersonTermFamily[],
  year: number,
  p: IndicatorParameters,
  fromSlot = 0,
): Map<string, number> {
  return familyTermMasks(
    h,
    familiesOf(h).filter((f) => only.includes(f)),
    year,
    p,
    fromSlot,
  );
}

/**
 * {@link residentTermMasks} for the given families only (each must be one the resident can
 * belong to: of no programme, or of a programme it was ever enrolled in), for the tests and
 * the bench to measure or compare one family.
 */
export function familyTermMasks(
  h: ResidentHistory,
  families: readonly PersonTermFamily[],
  year: number,
  p: IndicatorParameters,
  fromSlot = 0,
  evaluation: TermEvaluation = 'change-slots',
): Map<string, number> {
  const masks = new Map<string, number>();
  const add = (terms: readonly string[], bits: number): void => {
    for (const term of terms) masks.set(term, (masks.get(term) ?? 0) + bits);
  };
  // Every term is of people present at the period end: none from the slot the record is gone in.
  const gone = h.span.gone;
  const goneSlot =
    gone === null || gone > `${year}-12-31` ? SLOTS_PER_YEAR : gone < `${year}-01-01` ? 0 : slotOfDate(gone);
  const byType = groupByType(h.services);
  // Per family: the slots at which to evaluate it (null: every slot), its last terms and the
  // slot they were decided at; they hold until the next evaluation, then get their bits at once.
  const changes = families.map((f) =>
    evaluation === 'change-slots' && f.changeSlots !== undefined ? f.changeSlots(h, year, p) : null,
  );
  const carried: string[][] = families.map(() => []);
  const carriedFrom: number[] = families.map(() => fromSlot);
  for (let slot = fromSlot, bit = 2 ** fromSlot; slot < goneSlot; slot++, bit *= 2) {
    let view: SlotView | undefined;
    for (let i = 0; i < families.length; i++) {
      const change = changes[i] ?? null;
      if (change !== null && slot !== fromSlot && Math.floor(change / bit) % 2 === 0) continue;
      view ??= new SlotView(h, byType, slotDates(year, slot, p), p);
      const out: string[] = [];
      families[i]!.membersAt(view, out);
      if (change === null) add(out, bit);
      else {
        add(carried[i]!, bit - 2 ** carriedFrom[i]!);
        carried[i] = out;
        carriedFrom[i] = slot;
      }
    }
  }
  for (let i = 0; i < families.length; i++)
    if (changes[i] !== null && goneSlot > fromSlot) add(carried[i]!, 2 ** goneSlot - 2 ** carriedFrom[i]!);
  return masks;
}

/**
 * Year-to-date activity counts of one org at the end of every slot of `year`: for each
 * activity term, 36 cumulative values.
 */
export function activityTallies(activities: readonly ActivityFact[], year: number): Map<string, number[]> {
  return ACTIVITY_TERM_FAMILY.tallies(activities, year);
}
