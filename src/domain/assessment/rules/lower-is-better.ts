import { z } from 'zod';
import { centiTimes, compare, fromDecimal, minus, over } from '../exact.js';
import { valueAndTarget } from './pro-rata.js';
import { pts, shown, type ScoringRule } from './scoring-rule.js';

/** `{ rule: 'lower_is_better', zeroAt: 0.05 }` with a target of, say, 0.01. */
export type LowerIsBetterSpec = { readonly rule: 'lower_is_better'; readonly zeroAt: number };

/**
 * Lower is better (越低越好), for shares such as duplicate records or identical check-ups:
 * at or under the target (the highest acceptable value) full marks; at or above `zeroAt`
 * nothing; in between, linearly `points × (zeroAt − value) / (zeroAt − target)`.
 *
 * @example
 * lowerIsBetter.score(500, { rule: 'lower_is_better', zeroAt: 0.05 }, { value: ratio(3, 100), target: fromDecimal(0.01), … })
 * // → 250 (5 × (0.05 − 0.03) / (0.05 − 0.01))
 */
export const lowerIsBetter: ScoringRule<LowerIsBetterSpec> = {
  id: 'lower_is_better',
  name: { zh: '越低越好', en: 'Lower is better' },
  description: {
    zh: '实际值不高于目标值（可接受的最高值）得满分；达到或超过 zeroAt 得0分；其间按 分值×(zeroAt−实际值)÷(zeroAt−目标值) 线性得分。',
    en: 'At or under the target (highest acceptable value) full marks; at or above zeroAt, 0; in between, points × (zeroAt − value) ÷ (zeroAt − target).',
  },
  kinds: ['indicator'],
  spec: z
    .object({
      rule: z.literal('lower_is_better'),
      zeroAt: z.number().min(0).describe('value at or above which the item scores 0 (above the target)'),
    })
    .strict(),
  score(points, spec, facts) {
    const vt = valueAndTarget(facts);
    if ('status' in vt) return vt;
    const { value, target } = vt;
    const zeroAt = fromDecimal(spec.zeroAt);
    if (compare(value, target) <= 0)
      return {
        centi: points,
        status: 'scored',
        explanation: {
          zh: `实际 ${shown(value)} ≤ 目标 ${shown(target)}，得满分 ${pts(points)}`,
          en: `value ${shown(value)} ≤ target ${shown(target)}: full ${pts(points)}`,
        },
      };
    if (compare(value, zeroAt) >= 0 || compare(zeroAt, target) <= 0)
      return {
        centi: 0,
        status: 'scored',
        explanation: {
          zh: `实际 ${shown(value)} ≥ ${spec.zeroAt}，得0分`,
          en: `value ${shown(value)} ≥ ${spec.zeroAt}: 0`,
        },
      };
    const centi = centiTimes(points, over(minus(zeroAt, value), minus(zeroAt, target)));
    return {
      centi,
      status: 'scored',
      explanation: {
        zh: `${pts(points)} × (${spec.zeroAt} − ${shown(value)}) ÷ (${spec.zeroAt} − ${shown(target)}) = ${pts(centi)}`,
        en: `${pts(points)} × (${spec.zeroAt} − ${shown(value)}) ÷ (${spec.zeroAt} − ${shown(target)}) = ${pts(centi)}`,
      },
    };
  },
};
