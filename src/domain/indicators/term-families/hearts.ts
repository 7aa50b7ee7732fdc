/**
 * The WHO HEARTS cohort of hypertension patients (Simple dashboard): registered at least 3
 * months before the period end, then under care (a visit in the last 12 months) or lost to
 * follow-up, and among those under care: controlled or uncontrolled at the latest BP of the
 * last 3 months, a visit without BP, or no visit in those 3 months.
 */
import { bpControlled } from './chronic.js';
import { enrollmentActive, latest, type PersonTermFamily } from '../term-family.js';

/** The HEARTS terms. */
export const HEARTS_TERMS: PersonTermFamily = {
  id: 'hearts',
  terms: [
    'hypertension.hearts_cohort',
    'hypertension.hearts_under_care',
    'hypertension.hearts_controlled',
    'hypertension.hearts_uncontrolled',
    'hypertension.hearts_no_bp',
    'hypertension.hearts_missed',
    'hypertension.hearts_ltfu',
  ],
  program: 'hypertension',
  reads: [{ type: 'hypertension_followup', columns: ['sbp', 'dbp'] }],
  membersAt(view, out) {
    const d = view.dates;
    if (
      !view.resident.enrollments.some(
        (e) => e.program === 'hypertension' && enrollmentActive(e, d.end) && e.startDate <= d.registeredBy,
      )
    )
      return;
    out.push('hypertension.hearts_cohort');
    const visits = view.upToEnd('hypertension_followup');
    if (!visits.some((s) => s.date > d.lostFrom)) {
      out.push('hypertension.hearts_ltfu');
      return;
    }
    out.push('hypertension.hearts_under_care');
    const recent = visits.filter((s) => s.date > d.windowFrom);
    const lastBp = latest(recent.filter((s) => s.sbp !== null && s.dbp !== null));
    if (lastBp)
      out.push(
        bpControlled(lastBp, view.parameters)
          ? 'hypertension.hearts_controlled'
          : 'hypertension.hearts_uncontrolled',
      );
    else if (recent.length > 0) out.push('hypertension.hearts_no_bp');
    else out.push('hypertension.hearts_missed');
  },
};
