/**
 * Severe mental disorder patient management (严重精神障碍患者管理): managed, followed up this
 * year, and under standardised management (pro-rated follow-ups).
 */
import { requiredFollowups } from '../parameters.js';
import type { PersonTermFamily } from '../term-family.js';

/** The severe mental disorder terms. */
export const SEVERE_MENTAL_TERMS: PersonTermFamily = {
  id: 'severe_mental',
  terms: ['severe_mental.managed', 'severe_mental.followed', 'severe_mental.effective'],
  program: 'severe_mental',
  reads: [{ type: 'mental_followup' }],
  membersAt(view, out) {
    if (!view.enrolled('severe_mental')) return;
    out.push('severe_mental.managed');
    const followups = view.yearToDate('mental_followup');
    if (followups.length > 0) out.push('severe_mental.followed');
    const p = view.parameters;
    if (followups.length >= requiredFollowups(p.standardizedFollowupsPerYear, view.dates.months))
      out.push('severe_mental.effective');
  },
};
