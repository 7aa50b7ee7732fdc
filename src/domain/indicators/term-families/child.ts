/**
 * Child health management (0～6岁儿童健康管理): managed, followed (a child or newborn visit
 * this year), checked, newborns of the year and their home visit, children under 3 and
 * their systematic management (pro-rated child visits).
 */
import { requiredFollowups } from '../parameters.js';
import type { PersonTermFamily } from '../term-family.js';

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
  ],
  program: 'child',
  reads: [{ type: 'child_visit' }, { type: 'newborn_visit' }],
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
  },
};
