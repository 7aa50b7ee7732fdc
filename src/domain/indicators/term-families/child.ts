/**
 * Child health management (0～6岁儿童健康管理): managed, followed (a child or newborn visit
 * this year), checked, newborns of the year and their home visit, children under 3 and
 * their systematic management (pro-rated child visits), and TCM health management
 * (儿童中医药健康管理) of the children aged 0–36 months.
 */
import { requiredFollowups } from '../parameters.js';
import { calendarMonthsBefore, type PersonTermFamily } from '../term-family.js';

/**
 * Children aged 0–36 months (儿童中医药健康管理率's denominator) are those born on or before E
 * who have not reached 37 months: a child keeps its 36 completed months until the day before
 * its 37-month birthday, and the visit at 36 months falls in that month.
 */
export const TCM_CHILD_COHORT_MONTHS_BELOW = 37;

/** Born after this date: not yet 37 months at E (cached per E, asked 36 times a year per child). */
const tcmCohortCache = new Map<string, string>();
function tcmCohortAfter(end: string): string {
  let from = tcmCohortCache.get(end);
  if (from === undefined)
    tcmCohortCache.set(end, (from = calendarMonthsBefore(end, TCM_CHILD_COHORT_MONTHS_BELOW)));
  return from;
}

/** The child terms. */
export const CHILD_TERMS: PersonTermFamily = {
  id: 'child',
  terms: [
    'child.managed',
    'child.followed',
    'child.checked',
    'child.newborn',
    'child.newborn_visited',
    'child.under3',
    'child.systematic',
    'child.tcm_cohort',
    'child.tcm',
  ],
  program: 'child',
  reads: [{ type: 'child_visit' }, { type: 'newborn_visit' }, { type: 'tcm_child' }],
  membersAt(view, out) {
    if (!view.enrolled('child')) return;
    const { end, ytd, months, under3From } = view.dates;
    const birth = view.resident.birthDate;
    out.push('child.managed');
    const visits = view.yearToDate('child_visit');
    if (visits.length > 0 || view.yearToDate('newborn_visit').length > 0) out.push('child.followed');
    if (visits.length > 0) out.push('child.checked');
    if (birth !== null && birth >= ytd && birth <= end) {
      out.push('child.newborn');
      if (view.upToEnd('newborn_visit').length > 0) out.push('child.newborn_visited');
    }
    if (birth !== null && birth > under3From && birth <= end) {
      out.push('child.under3');
      if (visits.length >= requiredFollowups(view.parameters.childSystematicVisitsPerYear, months))
        out.push('child.systematic');
    }
    if (birth !== null && birth > tcmCohortAfter(end) && birth <= end) {
      out.push('child.tcm_cohort');
      if (view.yearToDate('tcm_child').length > 0) out.push('child.tcm');
    }
  },
};
