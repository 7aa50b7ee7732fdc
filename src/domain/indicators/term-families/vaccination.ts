/**
 * Vaccination coverage (预防接种), per reported vaccine: the cohort due the vaccine at the
 * period end (in managed child care, reached the age of its first dose under the national
 * schedule, not yet 7: `vaccination.<v>_due`) and those of the cohort who have every dose
 * whose age they have reached (`vaccination.<v>`). Ageing needs no record: the rule is a
 * function of the birth date and E, so a child's bits flip at the 旬 it reaches an age, like
 * the under-3 term of the child family (see src/domain/indicators/vaccines.ts).
 */
import { calendarMonthsBefore, type PersonTermFamily } from '../term-family.js';
import {
  dosesReceived,
  VACCINATION_COHORT_MONTHS_BELOW,
  VACCINES,
  vaccineDoseAges,
  vaccineOf,
} from '../vaccines.js';

const DOSE_AGES = new Map(VACCINES.map((v) => [v.id, vaccineDoseAges(v.id)]));
const AGES = [...new Set([...[...DOSE_AGES.values()].flat(), VACCINATION_COHORT_MONTHS_BELOW])];

/**
 * The latest birth date of a child that has reached each age on `end`: `birth <= cutoff` is
 * `reachedAge` of ../vaccines.ts (a test checks it day by day), compared 36 times a year per child
 * instead of adding months to the birth date at every 旬.
 */
const cutoffCache = new Map<string, ReadonlyMap<number, string>>();
function ageCutoffs(end: string): ReadonlyMap<number, string> {
  let cutoffs = cutoffCache.get(end);
  if (!cutoffs) {
    cutoffs = new Map(AGES.map((age) => [age, calendarMonthsBefore(end, age)]));
    cutoffCache.set(end, cutoffs);
  }
  return cutoffs;
}

/** The vaccination terms: per reported vaccine, the cohort due it and the vaccinated for age. */
export const VACCINATION_TERMS: PersonTermFamily = {
  id: 'vaccination',
  terms: VACCINES.flatMap((v) => [`vaccination.${v.id}_due`, `vaccination.${v.id}`]),
  program: 'child',
  reads: [{ type: 'vaccination', payload: { vaccine: 'string', dose: 'number' } }],
  membersAt(view, out) {
    const birth = view.resident.birthDate;
    if (birth === null || birth > view.dates.end || !view.enrolled('child')) return;
    const cutoffs = ageCutoffs(view.dates.end);
    if (birth <= cutoffs.get(VACCINATION_COHORT_MONTHS_BELOW)!) return; // 7 or over
    let doses: Map<string, (number | null)[]> | null = null;
    for (const v of VACCINES) {
      let due = 0;
      for (const age of DOSE_AGES.get(v.id)!) if (birth <= cutoffs.get(age)!) due++;
      if (due === 0) continue;
      out.push(`vaccination.${v.id}_due`);
      if (doses === null) {
        doses = new Map();
        for (const s of view.upToEnd('vaccination')) {
          const id = vaccineOf(typeof s.payload.vaccine === 'string' ? s.payload.vaccine : null);
          if (id === null) continue;
          const dose = typeof s.payload.dose === 'number' ? s.payload.dose : null;
          const list = doses.get(id);
          if (list) list.push(dose);
          else doses.set(id, [dose]);
        }
      }
      if (dosesReceived(doses.get(v.id) ?? []) >= due) out.push(`vaccination.${v.id}`);
    }
  },
};
