/**
 * Tuberculosis patient management (肺结核患者健康管理): managed, followed up this year, and
 * taking medication regularly at the latest follow-up of the year.
 */
import { latest, type PersonTermFamily } from '../term-family.js';

/** The tuberculosis terms. */
export const TUBERCULOSIS_TERMS: PersonTermFamily = {
  id: 'tuberculosis',
  terms: ['tuberculosis.managed', 'tuberculosis.followed', 'tuberculosis.regular'],
  program: 'tuberculosis',
  reads: [{ type: 'tb_followup', payload: { medicationRegular: 'boolean' } }],
  membersAt(view, out) {
    if (!view.enrolled('tuberculosis')) return;
    out.push('tuberculosis.managed');
    const followups = view.yearToDate('tb_followup');
    if (followups.length > 0) out.push('tuberculosis.followed');
    if (latest(followups)?.payload.medicationRegular === true) out.push('tuberculosis.regular');
  },
};
