import { z } from 'zod';
import { centiTimes, compare, fromDecimal, over, type Fraction } from '../exact.js';
import { valueAndTarget } from './pro-rata.js';
import { pts, shown, type ScoringRule } from './scoring-rule.js';

const ZERO: Fraction = { num: 0n, den: 1n };

/** `{ rule: 'floor', floor: 0.5 }`: below half of the target, nothing. */
export type FloorSpec = { readonly rule: 'floor'; readonly floor: number };

/**
 * Pro rata with a floor (保底线): the completion `value / target` under `floor` scores zero;
 * from the floor up it scores pro rata, and full marks at or above the target. The floor is
 * a share of the target (0.5 = half of it), so it works for a target in counts (from the
 * targets module) as for a fixed rate.
 *
 * @example
 * floorRule.score(1000, { rule: 'floor', floor: 0.5 }, { value: ratio(29, 100), target: fromDecimal(0.6), … })
 * // → 0 (completion 0.4833 < 0.5)
 */
export const floorRule: ScoringRule<FloorSpec> = {
  id: 'floor',
  name: { zh: '按比例得分（设保底线）', en: 'Pro rata with a floor' },
  description: {
    zh: '完成率（实际值÷目标值）低于保底线（floor，目标的比例，如0.5）得0分；达到保底线按比例得分；达到目标得满分。',
    en: 'Completion (value ÷ target) under the floor (a share of the target, e.g. 0.5) scores 0; from the floor, pro rata; at or above the target, full marks.',
  },
  kinds: ['indicator'],
  spec: z
    .object({
      rule: z.literal('floor'),
      floor: z.number().gt(0).max(1).describe('share of the target under which the item scores 0'),
    })
    .strict(),
  score(points, spec, facts) {
    const vt = valueAndTarget(facts);
    if ('status' in vt) return vt;
    const { value, target } = vt;
    if (compare(target, ZERO) <= 0 || compare(value, target) >= 0)
      return {
        centi: points,
        status: 'scored',
        explanation: {
          zh: `实际 ${shown(value)} ≥ 目标 ${shown(target)}，得满分 ${pts(points)}`,
          en: `value ${shown(value)} ≥ target ${shown(target)}: full ${pts(points)}`,
        },
      };
    const completion = over(value, target);
    if (compare(completion, fromDecimal(spec.floor)) < 0)
      return {
        centi: 0,
        status: 'scored',
        explanation: {
          zh: `完成率 ${shown(completion)} 低于保底线 ${spec.floor}，得0分`,
          en: `completion ${shown(completion)} under the floor ${spec.floor}: 0`,
        },
      };
    const centi = centiTimes(points, completion);
    return {
      centi,
      status: 'scored',
      explanation: {
        zh: `${pts(points)} × ${shown(value)} ÷ ${shown(target)} = ${pts(centi)}（保底线 ${spec.floor}）`,
        en: `${pts(points)} × ${shown(value)} ÷ ${shown(target)} = ${pts(centi)} (floor ${spec.floor})`,
      },
    };
  },
};
