import { z } from 'zod';
import { pts, type ScoringRule } from './scoring-rule.js';

/** `{ rule: 'manual' }` */
export type ManualSpec = { readonly rule: 'manual' };

/**
 * Entered by an assessor (现场考核): the score of an on-site check or a satisfaction survey,
 * with its evidence, as entered (0 to the item's points). Not entered: 0 and marked missing,
 * so that an unfinished assessment shows as such instead of scoring in the unit's favour.
 *
 * @example
 * manual.score(500, { rule: 'manual' }, { entered: 420, … }) // → 420
 */
export const manual: ScoringRule<ManualSpec> = {
  id: 'manual',
  name: { zh: '现场考核录入', en: 'Entered by an assessor' },
  description: {
    zh: '考核人员现场核查、满意度调查后录入得分（0至本项分值）并附佐证；未录入得0分并标记为缺项待录入。',
    en: 'Score entered by an assessor after an on-site check or survey (0 to the item’s points) with evidence; not entered: 0, marked missing.',
  },
  kinds: ['manual'],
  spec: z.object({ rule: z.literal('manual') }).strict(),
  score(points, _spec, facts) {
    if (facts.entered === null)
      return {
        centi: 0,
        status: 'missing',
        explanation: { zh: '未录入现场考核得分，暂计0分', en: 'not entered yet: 0 for now' },
      };
    if (!Number.isInteger(facts.entered) || facts.entered < 0 || facts.entered > points)
      throw new RangeError(`entered score ${facts.entered} outside 0..${points} centipoints`);
    return {
      centi: facts.entered,
      status: 'scored',
      explanation: {
        zh: `现场考核录入 ${pts(facts.entered)} / ${pts(points)}`,
        en: `entered ${pts(facts.entered)} of ${pts(points)}`,
      },
    };
  },
};
