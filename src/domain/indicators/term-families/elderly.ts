/** Elderly health management (老年人健康管理): managed, and checked up this year. */
import type { PersonTermFamily } from '../term-family.js';

/** The elderly terms. */
export const ELDERLY_TERMS: PersonTermFamily = {
  id: 'elderly',
  terms: ['elderly.managed', 'elderly.checked_up'],
  program: 'elderly',
  reads: [{ type: 'elderly_checkup' }],
  membersAt(view, out) {
    if (!view.enrolled('elderly')) return;
    out.push('elderly.managed');
    if (view.yearToDate('elderly_checkup').length > 0) out.push('elderly.checked_up');
  },
};
