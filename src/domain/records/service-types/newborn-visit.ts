import { z } from 'zod';
import { defineServiceType } from './service-type.js';
import { WEIGHT_COLUMN } from './shared-fields.js';

/** Newborn home visit (新生儿家庭访视). */
export const newbornVisitPayload = z.object({
  weight: z.number().min(0.5).max(10).nullable().default(null),
});

/** 新生儿家庭访视: the home visit to a newborn. */
export const newbornVisit = defineServiceType({
  id: 'newborn_visit',
  name: { zh: '新生儿家庭访视', en: 'Newborn home visit' },
  labels: ['新生儿访视', '新生儿家庭访视'],
  program: 'child',
  subject: 'resident',
  payload: newbornVisitPayload,
  columns: [WEIGHT_COLUMN],
});
