import { addDays, addMonths } from './calendar.js';
import { activeEnrollment, servicesOf, type DueFacts, type DueWork } from './due-facts.js';
import type { DueParameters } from './parameters.js';

/**
 * Tuberculosis follow-up (肺结核患者随访), for a patient supervised by family members: the first
 * home visit within 3 days (72 hours) of registration; in the intensive phase (the first 2
 * months of treatment) every 10 days; in the continuation phase every month. The enrolment
 * start stands for the start of treatment.
 */
export function tbFollowupDue(facts: DueFacts, asOf: string, p: DueParameters): DueWork | null {
  const enrollment = activeEnrollment(facts, 'tuberculosis', asOf);
  if (enrollment === null) return null;
  const last = servicesOf(facts, 'tb_followup', enrollment.startDate)[0];
  if (last === undefined)
    return {
      dueDate: addDays(enrollment.startDate, p.tbFirstVisitDays),
      lastServiceDate: null,
      detail: null,
    };
  const intensiveEnd = addMonths(enrollment.startDate, p.tbIntensiveMonths);
  const next = addDays(last.date, p.tbIntensiveDays);
  const intensive = next < intensiveEnd;
  return {
    dueDate: intensive ? next : addMonths(last.date, p.tbContinuationMonths),
    lastServiceDate: last.date,
    detail: intensive ? { zh: '强化期', en: 'intensive phase' } : { zh: '继续期', en: 'continuation phase' },
  };
}
