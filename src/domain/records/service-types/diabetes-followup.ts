import { z } from 'zod';
import { isGlucoseControlled } from '../control.js';
import { defineServiceType } from './service-type.js';
import {
  ADHERENCE_COLUMN,
  adherence,
  CONTROLLED_COLUMN,
  DBP_COLUMN,
  diastolic,
  FASTING_GLUCOSE_COLUMN,
  glucose,
  GUIDANCE_COLUMN,
  SBP_COLUMN,
  SYMPTOMS_COLUMN,
  systolic,
} from './shared-fields.js';

/** Follow-up of a type 2 diabetes patient (2型糖尿病患者随访服务记录表). */
export const diabetesFollowupPayload = z.object({
  fastingGlucose: glucose,
  sbp: systolic.nullable().default(null),
  dbp: diastolic.nullable().default(null),
  /** 血糖控制满意: fasting glucose < 7.0 mmol/L. */
  controlled: z.boolean(),
  guidance: z.boolean(),
  medicationAdherence: adherence.nullable().default(null),
  symptoms: z.string().nullable().default(null),
});

/** 2型糖尿病患者随访: a type 2 diabetes patient's follow-up, with this visit's fasting glucose. */
export const diabetesFollowup = defineServiceType({
  id: 'diabetes_followup',
  name: { zh: '2型糖尿病患者随访', en: 'Type 2 diabetes follow-up' },
  labels: ['糖尿病随访', '糖尿病患者随访', '2型糖尿病患者随访'],
  program: 'diabetes',
  subject: 'resident',
  payload: diabetesFollowupPayload,
  columns: [
    FASTING_GLUCOSE_COLUMN,
    SBP_COLUMN,
    DBP_COLUMN,
    CONTROLLED_COLUMN,
    GUIDANCE_COLUMN,
    ADHERENCE_COLUMN,
    SYMPTOMS_COLUMN,
  ],
  filledOnImport: {
    controlled: (v) =>
      typeof v.fastingGlucose === 'number' ? isGlucoseControlled(v.fastingGlucose) : undefined,
  },
});
