/**
 * Elderly health management (老年人健康管理): managed, checked up this year, and given TCM
 * health management this year (老年人中医药健康管理: constitution identification and guidance).
 */
import type { PersonTermFamily } from '../term-family.js';

/** The elderly terms. */
export const ELDERLY_TERMS: PersonTermFamily = {
  id: 'elderly',
  terms: ['elderly.managed', 'elderly.checked_up', 'elderly.tcm'],
  program: 'elderly',
  reads: [{ type: 'elderly_checkup' }, { type: 'tcm_elderly' }],
  membersAt(view, out) {
    if (!view.enrolled('elderly')) return;
    out.push('elderly.managed');
    if (view.yearToDate('elderly_checkup').length > 0) out.push('elderly.checked_up');
    if (view.yearToDate('tcm_elderly').length > 0) out.push('elderly.tcm');
  },
};
