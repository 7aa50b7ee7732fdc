import { z } from 'zod';
import { centiTimes, compare, over, type Fraction } from '../exact.js';
import { notApplicable, pts, shown, type ItemFacts, type Scored, type ScoringRule } from './scoring-rule.js';

const ZERO: Fraction = { num: 0n, den: 1n };

/** `{ rule: 'pro_rata' }` */
export type ProRataSpec = { readonly rule: 'pro_rata' };

/**
 * The value and target of an item that needs both, or why it cannot be scored. Shared by the
 * target-relative rules.
 */
export function valueAndTarget(facts: ItemFacts): { value: Fraction; target: Fraction } | Scored {
  if (facts.target === null)
    return notApplicable({ zh: '未设定目标，不计分（合理缺项）', en: 'no target set: not scored' });
  if (facts.value === null)
    return notApplicable({
      zh: '无服务对象（分母为0），不计分（合理缺项）',
      en: 'nobody to serve (denominator 0): not scored',
    });
  return { value: facts.value, target: facts.target };
}

/**
 * Pro rata (按比例得分): full marks at or above the target, `points × value / target` below
 * it, rounded half up to 0.01 point. A target of 0 or less is met by anything.
 *
 * @example
 * proRata.score(1000, { rule: 'pro_rata' }, { value: ratio(45, 100), target: fromDecimal(0.6), findings: {}, entered: null })
 * // → { centi: 750, status: 'scored', … }  (10 × 0.45 / 0.6 = 7.5)
 */
export const proRata: ScoringRule<ProRataSpec> = {
  id: 'pro_rata',
  name: { zh: '按比例得分', en: 'Pro rata' },
  description: {
    zh: '达到或超过目标值得满分；低于目标值按 实际值÷目标值×分值 得分（四舍五入到0.01分）；目标值≤0时得满分；无目标或无服务对象不计分（合理缺项）。',
    en: 'Full marks at or above the target; below it, points × value ÷ target (rounded half up to 0.01); a target ≤ 0 is always met; no target or nobody to serve: not scored.',
  },
  kinds: ['indicator'],
  spec: z.object({ rule: z.literal('pro_rata') }).strict(),
  score(points, _spec, facts) {
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
    const centi = compare(value, ZERO) <= 0 ? 0 : centiTimes(points, over(value, target));
    return {
      centi,
      status: 'scored',
      explanation: {
        zh: `${pts(points)} × ${shown(value)} ÷ ${shown(target)} = ${pts(centi)}`,
        en: `${pts(points)} × ${shown(value)} ÷ ${shown(target)} = ${pts(centi)}`,
      },
    };
  },
};
