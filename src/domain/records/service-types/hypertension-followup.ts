import { z } from 'zod';
import { isBloodPressureControlled } from '../control.js';
import { defineServiceType } from './service-type.js';
import {
  ADHERENCE_COLUMN,
  adherence,
  CONTROLLED_COLUMN,
  DBP_COLUMN,
  diastolic,
  GUIDANCE_COLUMN,
  HEART_RATE_COLUMN,
  heartRate,
  SBP_COLUMN,
  SYMPTOMS_COLUMN,
  systolic,
} from './shared-fields.js';

/** Follow-up of a hypertension patient (高血压患者随访服务记录表). */
export const hypertensionFollowupPayload = z.object({
  sbp: systolic,
  dbp: diastolic,
  heartRate: heartRate.nullable().default(null),
  /** 控制满意 as judged at the visit: BP < 140/90. */
  controlled: z.boolean(),
  /** 健康指导意见或针对性就诊建议 recorded (including referral). */
  guidance: z.boolean(),
  medicationAdherence: adherence.nullable().default(null),
  symptoms: z.string().nullable().default(null),
});

/** 高血压患者随访: a hypertension patient's follow-up, with this visit's blood pressure. */
export const hypertensionFollowup = defineServiceType({
  id: 'hypertension_followup',
  name: { zh: '高血压患者随访', en: 'Hypertension follow-up' },
  labels: ['高血压随访', '高血压患者随访'],
  program: 'hypertension',
  subject: 'resident',
  payload: hypertensionFollowupPayload,
  columns: [
    SBP_COLUMN,
    DBP_COLUMN,
    HEART_RATE_COLUMN,
    CONTROLLED_COLUMN,
    GUIDANCE_COLUMN,
    ADHERENCE_COLUMN,
    SYMPTOMS_COLUMN,
  ],
  filledOnImport: {
    controlled: (v) =>
      typeof v.sbp === 'number' && typeof v.dbp === 'number'
        ? isBloodPressureControlled(v.sbp, v.dbp)
        : undefined,
  },
});
