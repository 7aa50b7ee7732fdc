import { addDays, addMonths } from './calendar.js';
import { activeEnrollment, servicesOf, type DueFacts, type DueWork } from './due-facts.js';
import type { DueParameters } from './parameters.js';

/**
 * Hypertension or type 2 diabetes follow-up (高血压/2型糖尿病患者随访): due 3 months after the
 * last follow-up, 2 weeks after one whose reading was not controlled, and from the day of
 * enrolment when none has been given. Only while the patient is enrolled.
 */
export function chronicFollowupDue(
  program: 'hypertension' | 'diabetes',
  facts: DueFacts,
  asOf: string,
  p: DueParameters,
): DueWork | null {
  const enrollment = activeEnrollment(facts, program, asOf);
  if (enrollment === null) return null;
  const last = servicesOf(facts, `${program}_followup`)[0];
  if (last === undefined) return { dueDate: enrollment.startDate, lastServiceDate: null, detail: null };
  const dueDate =
    last.controlled === 0
      ? addDays(last.date, p.chronicUncontrolledDays)
      : addMonths(last.date, p.chronicIntervalMonths);
  return { dueDate, lastServiceDate: last.date, detail: null };
}
