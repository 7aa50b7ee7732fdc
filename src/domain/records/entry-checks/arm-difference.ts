/**
 * Check `arm-difference` (左右侧血压差): at an elderly check-up the systolic readings of the
 * two arms differing by more than 10 mmHg ask for a re-measure (warning); by more than 20
 * mmHg the reading must be re-measured another day and, if it holds, the person advised to
 * see a doctor — the check-up must carry that advice (`payload.advice`), else it is refused.
 * Source: seed 002 (平卫函发〔2020〕367号, 平凉市2020年第二季度基本公卫服务工作进度通报):
 * “左右侧血压差大于10mmhg的体检记录人数为7749人，特别是左右侧血压差大于20mmhg的要隔天重测，
 * 数据准确的要建议患者就诊”.
 */
import type { EntryCheck, EntryFinding } from './entry-check.js';
import { payloadNumber, payloadOf } from './entry-check.js';

/** Systolic difference (mmHg) above which a re-measure is asked. */
export const ARM_DIFFERENCE_REMEASURE = 10;
/** Systolic difference (mmHg) above which a doctor's advice or referral note is required. */
export const ARM_DIFFERENCE_ADVICE = 20;

/** Check `arm-difference`. */
export const armDifference: EntryCheck = {
  id: 'arm-difference',
  description: {
    zh: '左右侧收缩压差>10 mmHg 提示重测；>20 mmHg 须填写就诊建议/转诊意见',
    en: 'left–right systolic difference > 10 mmHg asks for a re-measure; > 20 mmHg requires a doctor’s advice or referral note',
  },
  source: 'seed 002 (平卫函发〔2020〕367号)',
  run(context): EntryFinding[] {
    if (context.service.type !== 'elderly_checkup') return [];
    const p = payloadOf(context);
    const left = payloadNumber(p, 'sbp');
    const right = payloadNumber(p, 'sbpRight');
    if (left === null || right === null) return [];
    const diff = Math.abs(left - right);
    if (diff <= ARM_DIFFERENCE_REMEASURE) return [];
    const advice = typeof p.advice === 'string' ? p.advice.trim() : '';
    if (diff > ARM_DIFFERENCE_ADVICE && advice === '')
      return [
        {
          check: 'arm-difference',
          kind: 'refusal',
          field: 'payload.advice',
          reason: {
            zh: `左右侧收缩压相差${diff} mmHg（>20）：须隔天重测，并填写就诊建议或转诊意见`,
            en: `left and right systolic differ by ${diff} mmHg (> 20): re-measure another day and fill in a doctor’s advice or referral note`,
          },
        },
      ];
    return [
      {
        check: 'arm-difference',
        kind: 'warning',
        field: 'payload.sbpRight',
        reason: {
          zh: `左右侧收缩压相差${diff} mmHg（>10）：请重测确认`,
          en: `left and right systolic differ by ${diff} mmHg (> 10): please re-measure`,
        },
      },
    ];
  },
};
