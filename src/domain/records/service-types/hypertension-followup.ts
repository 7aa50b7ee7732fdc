import { z } from 'zod';
import { isBloodPressureControlled } from '../control.js';
import { defineServiceType } from './service-type.js';
import {
  CHRONIC_FOLLOWUP_COLUMNS,
  chronicFollowupFields,
  DBP_COLUMN,
  diastolic,
  HEART_RATE_COLUMN,
  heartRate,
  SBP_COLUMN,
  systolic,
} from './shared-fields.js';

/**
 * Follow-up of a hypertension patient (高血压患者随访服务记录表). The BP is optional: a
 * follow-up by phone (`visitMode: 'phone'`) often has none. Without both readings the
 * follow-up is "a visit without BP" for HEARTS and not controlled for the national control
 * rate (src/domain/indicators/term-families/).
 */
export const hypertensionFollowupPayload = z.object({
  sbp: systolic.nullable().default(null),
  dbp: diastolic.nullable().default(null),
  heartRate: heartRate.nullable().default(null),
  // controlled: 控制满意 as judged at the visit, BP < 140/90.
  ...chronicFollowupFields,
});

/** 高血压患者随访: a hypertension patient's follow-up, with this visit's blood pressure when measured. */
export const hypertensionFollowup = defineServiceType({
  id: 'hypertension_followup',
  name: { zh: '高血压患者随访', en: 'Hypertension follow-up' },
  labels: ['高血压随访', '高血压患者随访'],
  program: 'hypertension',
  subject: 'resident',
  payload: hypertensionFollowupPayload,
  columns: [SBP_COLUMN, DBP_COLUMN, HEART_RATE_COLUMN, ...CHRONIC_FOLLOWUP_COLUMNS],
  filledOnImport: {
    controlled: (v) =>
      typeof v.sbp === 'number' && typeof v.dbp === 'number'
        ? isBloodPressureControlled(v.sbp, v.dbp)
        : undefined,
  },
});
