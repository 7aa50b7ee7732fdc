import { z } from 'zod';
import { hasTwoDecimals, toCenti } from '../exact.js';
import { pts, type ScoringRule } from './scoring-rule.js';

const Points = z
  .number()
  .min(0)
  .max(1000)
  .refine(hasTwoDecimals, { message: 'points have at most two decimals' });

/** `{ rule: 'deductions', perFinding: { identical_checkups: 0.1 }, cap: 5 }` */
export type DeductionsSpec = {
  readonly rule: 'deductions';
  readonly perFinding: Readonly<Record<string, number>>;
  readonly cap?: number | undefined;
};

/**
 * Deductions per finding (扣分制): start from full marks, take off `perFinding[rule]` points
 * for each current data-quality finding of that audit rule in the unit, at most `cap`
 * points in all (the item's points when no cap is set); never below zero.
 *
 * @example
 * deductions.score(500, { rule: 'deductions', perFinding: { identical_checkups: 0.2 }, cap: 3 }, { findings: { identical_checkups: 7 }, … })
 * // → 360 (5 − 7 × 0.2 = 3.6)
 */
export const deductions: ScoringRule<DeductionsSpec> = {
  id: 'deductions',
  name: { zh: '按问题扣分', en: 'Deductions per finding' },
  description: {
    zh: '满分起扣：每发现一条某类数据质量问题扣 perFinding 中该类的分值，累计扣分不超过 cap（未设时为本项分值），最低0分。',
    en: 'From full marks, perFinding[rule] points off per current finding of that audit rule, at most cap in all (the item’s points when unset), never below 0.',
  },
  kinds: ['audit'],
  spec: z
    .object({
      rule: z.literal('deductions'),
      perFinding: z.record(z.string().regex(/^[a-z_]+$/), Points),
      cap: Points.optional(),
    })
    .strict(),
  score(points, spec, facts) {
    let taken = 0;
    const parts: string[] = [];
    for (const [rule, per] of Object.entries(spec.perFinding)) {
      const count = facts.findings[rule] ?? 0;
      taken += count * toCenti(per);
      parts.push(`${rule} ${count} × ${per}`);
    }
    const cap = Math.min(spec.cap === undefined ? points : toCenti(spec.cap), points);
    const off = Math.min(taken, cap);
    const centi = points - off;
    const capped = taken > cap ? `，封顶 ${pts(cap)}` : '';
    return {
      centi,
      status: 'scored',
      explanation: {
        zh: `${pts(points)} − 扣分 ${pts(off)}（${parts.join('；') || '无'}${capped}）= ${pts(centi)}`,
        en: `${pts(points)} − ${pts(off)} (${parts.join('; ') || 'none'}${taken > cap ? `, capped at ${pts(cap)}` : ''}) = ${pts(centi)}`,
      },
    };
  },
};
