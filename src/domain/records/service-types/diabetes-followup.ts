import { z } from 'zod';
import { isGlucoseControlled } from '../control.js';
import { defineServiceType } from './service-type.js';
import {
  CHRONIC_FOLLOWUP_COLUMNS,
  chronicFollowupFields,
  DBP_COLUMN,
  diastolic,
  FASTING_GLUCOSE_COLUMN,
  glucose,
  SBP_COLUMN,
  systolic,
} from './shared-fields.js';

/** Follow-up of a type 2 diabetes patient (2型糖尿病患者随访服务记录表). */
export const diabetesFollowupPayload = z.object({
  fastingGlucose: glucose,
  sbp: systolic.nullable().default(null),
  dbp: diastolic.nullable().default(null),
  // controlled: 血糖控制满意, fasting glucose < 7.0 mmol/L.
  ...chronicFollowupFields,
});

/** 2型糖尿病患者随访: a type 2 diabetes patient's follow-up, with this visit's fasting glucose. */
export const diabetesFollowup = defineServiceType({
  id: 'diabetes_followup',
  name: { zh: '2型糖尿病患者随访', en: 'Type 2 diabetes follow-up' },
  labels: ['糖尿病随访', '糖尿病患者随访', '2型糖尿病患者随访'],
  program: 'diabetes',
  subject: 'resident',
  payload: diabetesFollowupPayload,
  columns: [FASTING_GLUCOSE_COLUMN, SBP_COLUMN, DBP_COLUMN, ...CHRONIC_FOLLOWUP_COLUMNS],
  filledOnImport: {
    controlled: (v) =>
      typeof v.fastingGlucose === 'number' ? isGlucoseControlled(v.fastingGlucose) : undefined,
  },
});
