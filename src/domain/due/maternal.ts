import { addDays } from './calendar.js';
import { activeEnrollment, servicesOf, type DueFacts, type DueWork } from './due-facts.js';
import type { DueParameters } from './parameters.js';

/** The delivery date of the active maternal enrolment, from its detail or a postpartum visit. */
function deliveryDate(facts: DueFacts, asOf: string): { start: string; delivery: string } | null {
  const enrollment = activeEnrollment(facts, 'maternal', asOf);
  if (enrollment === null) return null;
  const fromDetail = enrollment.detail.deliveryDate;
  const fromVisit = servicesOf(facts, 'postpartum_visit', enrollment.startDate)[0]?.payload.deliveryDate;
  const delivery =
    typeof fromDetail === 'string' ? fromDetail : typeof fromVisit === 'string' ? fromVisit : null;
  if (delivery === null || delivery > asOf) return null;
  return { start: enrollment.startDate, delivery };
}

/**
 * The postpartum home visit (产后访视), due 7 days after delivery (the specification counts
 * from discharge, which is not stored). Listed until the 42-day check is due, when that
 * supersedes it.
 */
export function postpartumVisitDue(facts: DueFacts, asOf: string, p: DueParameters): DueWork | null {
  const found = deliveryDate(facts, asOf);
  if (found === null) return null;
  if (servicesOf(facts, 'postpartum_visit', found.delivery).length > 0) return null;
  const due42 = addDays(found.delivery, p.postpartum42dDays);
  if (asOf >= due42) return null;
  return { dueDate: addDays(found.delivery, p.postpartumVisitDays), lastServiceDate: null, detail: null };
}

/** The 42-day postpartum check (产后42天健康检查), until it is given (it closes the case). */
export function postpartum42dDue(facts: DueFacts, asOf: string, p: DueParameters): DueWork | null {
  const found = deliveryDate(facts, asOf);
  if (found === null) return null;
  if (servicesOf(facts, 'postpartum_42d', found.delivery).length > 0) return null;
  const lastVisit = servicesOf(facts, 'postpartum_visit', found.delivery)[0];
  return {
    dueDate: addDays(found.delivery, p.postpartum42dDays),
    lastServiceDate: lastVisit?.date ?? null,
    detail: null,
  };
}
