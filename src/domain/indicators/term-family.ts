/**
 * A term family: terms decided together from one resident's history at a 旬 end (the six
 * hypertension follow-up terms share the year's follow-ups), with what they read declared
 * beside the rule. The declarations are the contract between the rules and the engine: the
 * fact maintainer loads the service types, hot columns and payload fields that some family
 * declares and nothing else (src/domain/indicators/service-reads.ts), so a rule cannot read
 * what it did not declare, and a service type that no family declares costs the engine
 * nothing but its date (records in use read every service's date).
 *
 * Conventions (as of the period end E, year to date from 1 January):
 * - present at E: no death date on or before E, no move-out date on or before E;
 * - an enrolment is active at E when start ≤ E and (no end or end > E);
 * - YTD services: 1 January ≤ date ≤ E; "latest" is the greatest (date, id).
 */
import type { ContractFacts } from '../contracts/contract-terms.js';
import type { Program } from '../programs.js';
import type { ServicePayload } from '../records/service-payloads.js';
import type { ServiceType } from '../service-types.js';
import { addMonthsIso, daysInMonth, monthsElapsed, slotEnd, slotOfDate } from '../periods/period.js';
import type { IndicatorParameters } from './parameters.js';

/** The hot numeric columns of a service (stored beside the payload), as the terms read them. */
export type ServiceColumn = 'sbp' | 'dbp' | 'fastingGlucose' | 'controlled' | 'guidance';

/** How a payload field is read: a value of another kind reads as absent. */
export type PayloadKind = 'number' | 'string' | 'boolean';

/** A payload value as the terms read it. */
export type PayloadValue = number | string | boolean;

/**
 * What a family reads of the services of one type: the type, its hot columns and its payload
 * fields (names checked against the type's payload schema).
 *
 * @example { type: 'tb_followup', payload: { medicationRegular: 'boolean' } }
 */
export type ServiceRead = {
  [T in ServiceType]: {
    readonly type: T;
    readonly columns?: readonly ServiceColumn[];
    readonly payload?: Readonly<Partial<Record<keyof ServicePayload<T> & string, PayloadKind>>>;
  };
}[ServiceType];

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
  /** The payload fields some family declares for this type, of the declared kind; no others. */
  readonly payload: Readonly<Record<string, PayloadValue>>;
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
  /** The resident's family-doctor contracts, every one ever signed (loaded when a family reads them). */
  readonly contracts: readonly ContractFacts[];
}

/** The dates a slot's rules compare with, computed once per (year, slot, parameters). */
export interface SlotDates {
  /** The 旬 end E. */
  readonly end: string;
  /** 1 January of E's year. */
  readonly ytd: string;
  /** Months elapsed at E (pro-rating base). */
  readonly months: number;
  /** Records in use: a service after this date. */
  readonly useFrom: string;
  /** HEARTS: registered on or before this date (calendar months, {@link calendarMonthsBefore}). */
  readonly registeredBy: string;
  /** HEARTS: the visit window starts after this date (calendar months). */
  readonly windowFrom: string;
  /** HEARTS: neither a visit nor the registration after this date = lost to follow-up (calendar months). */
  readonly lostFrom: string;
  /** Children born after this date are under 3. */
  readonly under3From: string;
}

/**
 * The date `months` calendar months before `date`, as HEARTS reports count months: a month
 * end maps to the month end (30 June − 3 → 31 March, so a window "after 31 March" is April to
 * June; 29 February − 3 → 30 November), any other day to the same day, clamped to the
 * month's length (20 June − 3 → 20 March).
 *
 * @example calendarMonthsBefore('2020-06-30', 3) // '2020-03-31'
 * @example calendarMonthsBefore('2021-02-28', 12) // '2020-02-29'
 * @example calendarMonthsBefore('2020-06-10', 3) // '2020-03-10'
 */
export function calendarMonthsBefore(date: string, months: number): string {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  if (Number(date.slice(8, 10)) !== daysInMonth(year, month)) return addMonthsIso(date, -months);
  const shifted = addMonthsIso(`${date.slice(0, 8)}01`, -months);
  const y = Number(shifted.slice(0, 4));
  const m = Number(shifted.slice(5, 7));
  return `${shifted.slice(0, 8)}${String(daysInMonth(y, m)).padStart(2, '0')}`;
}

const slotDatesCache = new WeakMap<IndicatorParameters, Map<number, SlotDates>>();

/** The dates of slot `slot` of `year` (cached: the rules ask for them 36 times per resident). */
export function slotDates(year: number, slot: number, p: IndicatorParameters): SlotDates {
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
      registeredBy: calendarMonthsBefore(end, p.heartsRegisteredMonths),
      windowFrom: calendarMonthsBefore(end, p.heartsVisitWindowMonths),
      lostFrom: calendarMonthsBefore(end, p.heartsLostMonths),
      under3From: addMonthsIso(end, -p.childSystematicAgeMonths),
    };
    byKey.set(key, d);
  }
  return d;
}

/** A resident's services grouped by type, prepared once for the 36 evaluations of a year. */
export type ServicesByType = ReadonlyMap<string, readonly ServiceFact[]>;

/** Groups services by type. */
export function groupByType(services: readonly ServiceFact[]): ServicesByType {
  const out = new Map<string, ServiceFact[]>();
  for (const s of services) {
    const list = out.get(s.type);
    if (list) list.push(s);
    else out.set(s.type, [s]);
  }
  return out;
}

const NONE: readonly ServiceFact[] = [];

/** True when an enrolment is active at E. */
export function enrollmentActive(e: EnrollmentFact, end: string): boolean {
  return e.startDate <= end && (e.endDate === null || e.endDate > end);
}

/** True when a record is in the set at E: created on or before E and not gone by E. */
export function spanCovers(span: RecordSpan, end: string): boolean {
  return span.created <= end && (span.gone === null || span.gone > end);
}

/** The latest of `services` by (date, id), or null. */
export function latest(services: readonly ServiceFact[]): ServiceFact | null {
  let best: ServiceFact | null = null;
  for (const s of services) {
    if (!best || s.date > best.date || (s.date === best.date && s.id > best.id)) best = s;
  }
  return best;
}

/**
 * One resident at one 旬 end, as a family's rule sees it: the history, the slot's dates,
 * the parameters, and the services of a type up to the end or year to date.
 */
export class SlotView {
  constructor(
    readonly resident: ResidentHistory,
    private readonly byType: ServicesByType,
    readonly dates: SlotDates,
    readonly parameters: IndicatorParameters,
  ) {}

  /** Every service of `type`, whatever its date (a rule filters by the slot's dates itself). */
  allOf(type: ServiceType): readonly ServiceFact[] {
    return this.byType.get(type) ?? NONE;
  }

  /** Services of `type` dated on or before the 旬 end. */
  upToEnd(type: ServiceType): ServiceFact[] {
    const end = this.dates.end;
    return (this.byType.get(type) ?? NONE).filter((s) => s.date <= end);
  }

  /** Services of `type` from 1 January to the 旬 end. */
  yearToDate(type: ServiceType): ServiceFact[] {
    const { end, ytd } = this.dates;
    return (this.byType.get(type) ?? NONE).filter((s) => s.date <= end && s.date >= ytd);
  }

  /** True when the resident has an enrolment in `program` active at the 旬 end. */
  enrolled(program: Program): boolean {
    const end = this.dates.end;
    return this.resident.enrollments.some((e) => e.program === program && enrollmentActive(e, end));
  }
}

/**
 * Terms of people decided together. `membersAt` is pure and is called only for a resident
 * present at the 旬 end (not dead, not moved out) and, when `program` is set, ever enrolled
 * in it.
 */
export interface PersonTermFamily {
  /** A name for messages and tests. */
  readonly id: string;
  /** Every term the family can decide, by id (`program.metric`). */
  readonly terms: readonly string[];
  /** Only residents with an enrolment in this programme (any dates) can belong. */
  readonly program?: Program;
  /** The services the rule reads: types, hot columns and payload fields. */
  readonly reads: readonly ServiceRead[];
  /** The rule reads the date of every service, whatever its type (records in use). */
  readonly readsEveryServiceDate?: boolean;
  /** The rule reads the resident's family-doctor contracts (ADR 0018): the maintainer loads them. */
  readonly readsContracts?: boolean;
  /**
   * The slots of `year` at whose end the family's terms of this resident can differ from
   * those at the end of the slot before, as a mask (bit s = slot s; {@link slotsOfDates}
   * builds it from the days the terms can change). The engine then evaluates the family only
   * at those slots and at the first slot it evaluates, and carries the terms forward in
   * between (the contracts family, whose terms change on a few days a year). A slot missing
   * gives wrong masks, a slot too many only costs an evaluation. Without it the family is
   * evaluated at every slot.
   */
  changeSlots?(resident: ResidentHistory, year: number, parameters: IndicatorParameters): number;
  /** Adds to `out` the terms the resident belongs to at the end of the view's 旬. */
  membersAt(view: SlotView, out: string[]): void;
}

/**
 * The mask of the slots of `year` holding any of `days` (bit s = slot s): the slots at whose
 * end a value that can change only on these days may differ from the slot before. Days of
 * other years are left out (before the year they change only the first slot, which the
 * engine evaluates anyway).
 *
 * @example slotsOfDates(['2020-01-05', '2020-03-11', '2021-01-01'], 2020) // 2 ** 0 + 2 ** 7
 */
export function slotsOfDates(days: Iterable<string>, year: number): number {
  const prefix = `${year}-`;
  let mask = 0;
  for (const day of days) {
    if (!day.startsWith(prefix)) continue;
    const bit = 2 ** slotOfDate(day);
    if (Math.floor(mask / bit) % 2 === 0) mask += bit;
  }
  return mask;
}

/** A person-less activity (health education) as the terms read it. */
export interface ActivityFact {
  readonly date: string;
  readonly kind: string | null;
  readonly participants: number;
}

/** Terms counting person-less services of an org (activities) rather than people. */
export interface ActivityTermFamily {
  readonly id: string;
  readonly terms: readonly string[];
  /** The activities' type and the payload fields the tallies read. */
  readonly reads: ServiceRead;
  /** The activity the tallies count, from a service's date and its declared payload fields. */
  activityOf(date: string, payload: Readonly<Record<string, PayloadValue>>): ActivityFact;
  /** Year-to-date counts of one org at every 旬 end of `year`: 36 cumulative values per term. */
  tallies(activities: readonly ActivityFact[], year: number): Map<string, number[]>;
}
