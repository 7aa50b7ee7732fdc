/**
 * Check `uncontrolled-needs-guidance` (控制不满意须指导或转诊): a hypertension follow-up whose
 * reading is not controlled (BP ≥ 140/90, src/domain/records/control.ts) or a diabetes
 * follow-up whose fasting glucose is not (≥ 7.0 mmol/L) must record guidance or a referral
 * (`payload.guidance`), else it is refused. Source: the follow-up forms of the national norm
 * (国家基本公共卫生服务规范（第三版）: 对血压/血糖控制不满意的患者…针对性指导，必要时转诊), and
 * the control thresholds of control.ts.
 */
import { isBloodPressureControlled, isGlucoseControlled } from '../control.js';
import type { EntryCheck, EntryFinding } from './entry-check.js';
import { payloadNumber, payloadOf } from './entry-check.js';

/** Whether this follow-up's reading is uncontrolled; null when it has no reading to judge. */
function uncontrolledReading(type: string, p: Readonly<Record<string, unknown>>): boolean | null {
  if (type === 'hypertension_followup') {
    const sbp = payloadNumber(p, 'sbp');
    const dbp = payloadNumber(p, 'dbp');
    return sbp === null || dbp === null ? null : !isBloodPressureControlled(sbp, dbp);
  }
  if (type === 'diabetes_followup') {
    const glucose = payloadNumber(p, 'fastingGlucose');
    return glucose === null ? null : !isGlucoseControlled(glucose);
  }
  return null;
}

/** Check `uncontrolled-needs-guidance`. */
export const uncontrolledNeedsGuidance: EntryCheck = {
  id: 'uncontrolled-needs-guidance',
  description: {
    zh: '本次读数控制不满意（血压≥140/90 或空腹血糖≥7.0）时须填写健康指导或转诊',
    en: 'an uncontrolled reading (BP ≥ 140/90 or fasting glucose ≥ 7.0) requires guidance or a referral',
  },
  source: 'src/domain/records/control.ts; 国家基本公共卫生服务规范（第三版）随访服务记录表',
  run(context): EntryFinding[] {
    const p = payloadOf(context);
    const uncontrolled = uncontrolledReading(context.service.type, p) ?? p.controlled === false;
    if (!uncontrolled || p.guidance === true) return [];
    return [
      {
        check: 'uncontrolled-needs-guidance',
        kind: 'refusal',
        field: 'payload.guidance',
        reason: {
          zh: '本次控制不满意：须给予健康指导或转诊建议',
          en: 'this reading is not controlled: guidance or a referral must be given',
        },
      },
    ];
  },
};
