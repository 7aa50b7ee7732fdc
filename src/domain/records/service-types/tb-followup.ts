import { z } from 'zod';
import { payloadColumn } from '../../import/column-spec.js';
import { defineServiceType } from './service-type.js';

/** Follow-up of a TB patient (肺结核患者随访). */
export const tbFollowupPayload = z.object({
  medicationRegular: z.boolean(),
});

/** 肺结核患者随访: a tuberculosis patient's follow-up. */
export const tbFollowup = defineServiceType({
  id: 'tb_followup',
  name: { zh: '肺结核患者随访', en: 'Tuberculosis follow-up' },
  labels: ['肺结核随访', '肺结核患者随访'],
  program: 'tuberculosis',
  subject: 'resident',
  payload: tbFollowupPayload,
  columns: [
    payloadColumn({
      field: 'medicationRegular',
      header: '规律服药',
      aliases: ['是否规律服药'],
      type: 'boolean',
      description: { zh: '是/否', en: 'medication taken regularly (是/否)' },
      example: '是',
    }),
  ],
});
