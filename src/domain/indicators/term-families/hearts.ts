/**
 * The WHO HEARTS cohort of hypertension patients (Simple dashboard), by calendar months
 * (./term-family.ts, `calendarMonthsBefore`): registered at least 3 months before the period
 * end (by 31 March for June), then under care (a visit in the last 12 months, or registered
 * within them: registration is a contact) or lost to follow-up, and among those under care:
 * controlled or uncontrolled at the latest BP of the last 3 months (April to June for June),
 * a visit without BP, or no visit in those 3 months.
 *
 * A visit is any service that records a BP: a hypertension follow-up (in any mode: clinic,
 * home or phone), a diabetes follow-up, an elderly check-up; the latest BP is the latest of
 * them that carries both readings, by (date, id). Control is below 140/90 at every age.
 */
import type { ServiceType } from '../../service-types.js';
import { bpControlled } from './chronic.js';
import { enrollmentActive, type PersonTermFamily, type ServiceFact } from '../term-family.js';

/** The services that count as HEARTS visits, and whose BP counts. */
export const HEARTS_VISIT_TYPES = [
  'hypertension_followup',
  'diabetes_followup',
  'elderly_checkup',
] as const satisfies readonly ServiceType[];

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
  reads: [
    { type: 'hypertension_followup', columns: ['sbp', 'dbp'] },
    { type: 'diabetes_followup', columns: ['sbp', 'dbp'] },
    { type: 'elderly_checkup', columns: ['sbp', 'dbp'] },
  ],
  membersAt(view, out) {
    const d = view.dates;
    let registered: string | null = null;
    for (const e of view.resident.enrollments)
      if (e.program === 'hypertension' && enrollmentActive(e, d.end) && e.startDate <= d.registeredBy)
        if (registered === null || e.startDate > registered) registered = e.startDate;
    if (registered === null) return;
    out.push('hypertension.hearts_cohort');
    // One pass over the visits up to the end: contact in the 12 months, visits and the latest
    // BP (greatest date, then id) in the 3-month window.
    let contact = registered > d.lostFrom;
    let recent = false;
    let lastBp: ServiceFact | null = null;
    for (const type of HEARTS_VISIT_TYPES)
      for (const s of view.allOf(type)) {
        if (s.date > d.end) continue;
        if (s.date > d.lostFrom) contact = true;
        if (s.date <= d.windowFrom) continue;
        recent = true;
        if (
          s.sbp !== null &&
          s.dbp !== null &&
          (lastBp === null || s.date > lastBp.date || (s.date === lastBp.date && s.id > lastBp.id))
        )
          lastBp = s;
      }
    if (!contact) {
      out.push('hypertension.hearts_ltfu');
      return;
    }
    out.push('hypertension.hearts_under_care');
    if (lastBp)
      out.push(
        bpControlled(lastBp, view.parameters)
          ? 'hypertension.hearts_controlled'
          : 'hypertension.hearts_uncontrolled',
      );
    else if (recent) out.push('hypertension.hearts_no_bp');
    else out.push('hypertension.hearts_missed');
  },
};
