/**
 * Health education (健康教育): activities of an org (lectures, consultations, bulletin
 * boards, materials) and their participants, year to date. Counts of services, not people:
 * an activity is recorded without a resident.
 */
import { SLOTS_PER_YEAR, slotOfDate } from '../../periods/period.js';
import type { ActivityTermFamily } from '../term-family.js';

const KINDS = ['lecture', 'consultation', 'board', 'materials'] as const;

const TERMS: readonly string[] = [
  'health_education.activities',
  ...KINDS.map((k) => `health_education.${k}`),
  'health_education.participants',
];

/** The health-education activity terms. */
export const HEALTH_EDUCATION_TERMS: ActivityTermFamily = {
  id: 'health_education',
  terms: TERMS,
  reads: { type: 'health_education', payload: { activityKind: 'string', participants: 'number' } },
  activityOf(date, payload) {
    const kind = payload.activityKind;
    const participants = payload.participants;
    return {
      date,
      kind: typeof kind === 'string' ? kind : null,
      participants: typeof participants === 'number' ? participants : 0,
    };
  },
  tallies(activities, year) {
    const out = new Map<string, number[]>();
    const add = (term: string, slot: number, n: number): void => {
      let row = out.get(term);
      if (!row) out.set(term, (row = new Array<number>(SLOTS_PER_YEAR).fill(0)));
      for (let s = slot; s < SLOTS_PER_YEAR; s++) row[s]! += n;
    };
    const prefix = String(year);
    for (const a of activities) {
      if (!a.date.startsWith(prefix)) continue;
      const slot = slotOfDate(a.date);
      add('health_education.activities', slot, 1);
      if (a.kind && TERMS.includes(`health_education.${a.kind}`)) add(`health_education.${a.kind}`, slot, 1);
      add('health_education.participants', slot, a.participants);
    }
    return out;
  },
};
