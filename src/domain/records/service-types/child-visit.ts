import { z } from 'zod';
import { defineServiceType } from './service-type.js';
import { AGE_MONTHS_COLUMN, HEIGHT_COLUMN, WEIGHT_COLUMN } from './shared-fields.js';

/** Scheduled child health check (儿童健康检查). */
export const childVisitPayload = z.object({
  ageMonths: z.number().int().min(0).max(83),
  weight: z.number().min(0.5).max(60).nullable().default(null),
  height: z.number().min(30).max(150).nullable().default(null),
});

/** 儿童健康检查: a scheduled health check of a child aged 0–6. */
export const childVisit = defineServiceType({
  id: 'child_visit',
  name: { zh: '儿童健康检查', en: 'Child health check' },
  labels: ['儿童健康检查', '儿童体检'],
  program: 'child',
  subject: 'resident',
  payload: childVisitPayload,
  columns: [WEIGHT_COLUMN, HEIGHT_COLUMN, AGE_MONTHS_COLUMN],
});
