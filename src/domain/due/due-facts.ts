/**
 * What the due rules read about one resident: birth date, enrolments in the key
 * populations and the services already given, up to the as-of date. The repository loads
 * these; the rules in this folder are pure functions of them.
 */
import type { Program } from '../programs.js';

/** An enrolment (登记管理) of the resident in a programme. */
export interface DueEnrollment {
  readonly program: Program;
  readonly startDate: string;
  readonly endDate: string | null;
  /** `detail` JSON of the enrolment, parsed (e.g. `deliveryDate` for maternal). */
  readonly detail: Readonly<Record<string, unknown>>;
}

/** A service already given (service_date on or before the as-of date). */
export interface DueServiceFact {
  readonly type: string;
  readonly date: string;
  /** 1 controlled, 0 uncontrolled, null unknown (chronic follow-ups). */
  readonly controlled: number | null;
  readonly doctor: string | null;
  /** The payload JSON, parsed (vaccine and dose, delivery date, condition). */
  readonly payload: Readonly<Record<string, unknown>>;
}

/** Everything the due rules know of one resident. */
export interface DueFacts {
  readonly birthDate: string | null;
  readonly enrollments: readonly DueEnrollment[];
  /** Services of the resident, any order. */
  readonly services: readonly DueServiceFact[];
}

/** One piece of due work a rule finds: the service, when it is due, the last one given. */
export interface DueWork {
  readonly dueDate: string;
  readonly lastServiceDate: string | null;
  /** What exactly is due where the service alone does not say it (乙肝疫苗 第2剂). */
  readonly detail: { zh: string; en: string } | null;
}

/** The enrolment of `program` active on `asOf` (started, not ended), the latest one. */
export function activeEnrollment(facts: DueFacts, program: Program, asOf: string): DueEnrollment | null {
  const active = facts.enrollments
    .filter((e) => e.program === program && e.startDate <= asOf && (e.endDate === null || e.endDate > asOf))
    .sort((a, b) => (a.startDate < b.startDate ? 1 : -1));
  return active[0] ?? null;
}

/** Services of `type` on or after `from`, newest first. */
export function servicesOf(facts: DueFacts, type: string, from = '0000-00-00'): DueServiceFact[] {
  return facts.services
    .filter((s) => s.type === type && s.date >= from)
    .sort((a, b) => (a.date < b.date ? 1 : -1));
}
