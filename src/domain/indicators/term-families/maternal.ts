/**
 * Maternal health management (孕产妇健康管理): managed any time this year, registered early
 * (before 13 weeks), visited after delivery, closed at the 42-day check this year, and
 * effectively managed (registered and visited). Maternal services count up to the period
 * end without a lower bound: a pregnancy spans the year boundary.
 */
import type { PersonTermFamily } from '../term-family.js';

/** The maternal terms. */
export const MATERNAL_TERMS: PersonTermFamily = {
  id: 'maternal',
  terms: [
    'maternal.managed',
    'maternal.early_registered',
    'maternal.postpartum_visited',
    'maternal.closed_42d',
    'maternal.effective',
  ],
  program: 'maternal',
  reads: [
    { type: 'prenatal_registration', payload: { gestationalWeeks: 'number' } },
    { type: 'postpartum_visit' },
    { type: 'postpartum_42d' },
  ],
  membersAt(view, out) {
    const { end, ytd } = view.dates;
    // Managed when an enrolment overlaps the year to date, not only when active at the end.
    if (
      !view.resident.enrollments.some(
        (e) => e.program === 'maternal' && e.startDate <= end && (e.endDate === null || e.endDate >= ytd),
      )
    )
      return;
    out.push('maternal.managed');
    const registrations = view.upToEnd('prenatal_registration');
    const visited = view.upToEnd('postpartum_visit').length > 0;
    const early = view.parameters.earlyPregnancyWeeksBelow;
    if (
      registrations.some((s) => {
        const weeks = s.payload.gestationalWeeks;
        return typeof weeks === 'number' && weeks < early;
      })
    )
      out.push('maternal.early_registered');
    if (visited) out.push('maternal.postpartum_visited');
    if (view.yearToDate('postpartum_42d').length > 0) out.push('maternal.closed_42d');
    if (registrations.length > 0 && visited) out.push('maternal.effective');
  },
};
