import { z } from 'zod';
import { payloadColumn } from '../../import/column-spec.js';
import { defineServiceType } from './service-type.js';

/** Follow-up of a severe mental disorder patient (严重精神障碍患者随访). */
export const mentalFollowupPayload = z.object({
  condition: z.enum(['stable', 'basically_stable', 'unstable']),
});

/** 严重精神障碍患者随访: a severe mental disorder patient's follow-up. */
export const mentalFollowup = defineServiceType({
  id: 'mental_followup',
  name: { zh: '严重精神障碍患者随访', en: 'Severe mental disorder follow-up' },
  labels: ['严重精神障碍随访', '严重精神障碍患者随访', '精神障碍随访'],
  program: 'severe_mental',
  subject: 'resident',
  payload: mentalFollowupPayload,
  columns: [
    payloadColumn({
      field: 'condition',
      header: '病情',
      aliases: ['危险性评估', '病情稳定情况'],
      type: 'mentalCondition',
      description: { zh: '稳定/基本稳定/不稳定', en: 'stable/basically_stable/unstable' },
      example: '稳定',
    }),
  ],
});
