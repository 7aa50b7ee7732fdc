/**
 * Traditional Chinese medicine health management (中医药健康管理) in one village: a
 * constitution identification with guidance for about two thirds of the managed elderly in
 * the half year, and the TCM guidance of a child at each scheduled age (6, 12, … 36 months)
 * it reached, for most children. Drawn from a stream of its own (the caller passes it in the
 * draw), so adding these services left every other programme's rows as they were.
 */
import { TCM_CONSTITUTIONS } from '../../../domain/records/service-types/tcm-elderly.js';
import { TCM_CHILD_AGES } from '../../../domain/records/service-types/tcm-child.js';
import { dayOf } from './calendar.js';
import { AS_OF, FIRST_VISIT_DAY, LAST_VISIT_DAY } from './service-days.js';
import type { VillageDraw } from './village-draw.js';

/**
 * Share of the managed elderly with a TCM service by 30 June: the programme's
 * 老年人中医药健康管理率 is reported at 60–75 % for a year, and the demo's elderly are
 * served with their check-ups in the first half.
 */
export const TCM_ELDERLY_SHARE = 0.68;
/** Chance that a child has the TCM guidance of a scheduled age it reached. */
export const TCM_CHILD_AGE_SHARE = 0.8;
/** Average days in a month, to place a visit due at an age in months. */
const DAYS_PER_MONTH = 30.44;
/** Visits of the scheduled ages reached from this day on are written (last year's too). */
const CHILD_HISTORY_FROM = dayOf('2019-01-01');
/**
 * Weights of the nine constitutions in TCM_CONSTITUTIONS order, about as surveys of elderly
 * Chinese find them (平和质 the largest share, then 气虚质 and 阳虚质).
 */
const CONSTITUTION_WEIGHTS = [0.3, 0.15, 0.12, 0.1, 0.1, 0.06, 0.08, 0.05, 0.04];

/** TCM services of the village's managed elderly and children. */
export function writeTcmServices(
  draw: VillageDraw,
  elderlyManaged: readonly number[],
  children: readonly number[],
): void {
  const { r, people, out, service, touch } = draw;
  for (const i of elderlyManaged) {
    if (!r.chance(TCM_ELDERLY_SHARE)) continue;
    const p = people[i]!;
    const day = r.int(Math.max(FIRST_VISIT_DAY, p.created), Math.max(LAST_VISIT_DAY, p.created));
    if (day > AS_OF) continue;
    const constitution = TCM_CONSTITUTIONS[r.weighted(CONSTITUTION_WEIGHTS)]!;
    out.services.push(service('tcm_elderly', p.recordNo, day, { constitution, tcmGuidance: r.chance(0.97) }));
    touch(i, day);
  }
  for (const i of children) {
    const p = people[i]!;
    for (const ageMonths of TCM_CHILD_AGES) {
      const due = p.birthDay + Math.ceil(ageMonths * DAYS_PER_MONTH);
      if (due > AS_OF) break;
      if (due < CHILD_HISTORY_FROM || !r.chance(TCM_CHILD_AGE_SHARE)) continue;
      const day = Math.min(AS_OF, Math.max(p.created, due + r.int(0, 14)));
      out.services.push(service('tcm_child', p.recordNo, day, { ageMonths, methodTaught: r.chance(0.95) }));
      touch(i, day);
    }
  }
}
