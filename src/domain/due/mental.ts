import { addDays, addMonths } from './calendar.js';
import { activeEnrollment, servicesOf, type DueFacts, type DueWork } from './due-facts.js';
import type { DueParameters } from './parameters.js';

/**
 * Severe mental disorder follow-up (严重精神障碍患者随访): at least 4 a year, so 3 months after
 * the last; 2 weeks after one that found the condition unstable; from enrolment when none.
 */
export function mentalFollowupDue(facts: DueFacts, asOf: string, p: DueParameters): DueWork | null {
  const enrollment = activeEnrollment(facts, 'severe_mental', asOf);
  if (enrollment === null) return null;
  const last = servicesOf(facts, 'mental_followup')[0];
  if (last === undefined) return { dueDate: enrollment.startDate, lastServiceDate: null, detail: null };
  const dueDate =
    last.payload.condition === 'unstable'
      ? addDays(last.date, p.mentalUnstableDays)
      : addMonths(last.date, p.mentalIntervalMonths);
  return { dueDate, lastServiceDate: last.date, detail: null };
}
