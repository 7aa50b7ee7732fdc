import { z } from 'zod';
import { defineServiceType } from './service-type.js';
import { DELIVERY_DATE_COLUMN, payloadDate } from './shared-fields.js';

/** Postpartum home visit (产后访视). */
export const postpartumVisitPayload = z.object({
  deliveryDate: payloadDate,
});

/** 产后访视: the home visit within 7 days after delivery. */
export const postpartumVisit = defineServiceType({
  id: 'postpartum_visit',
  name: { zh: '产后访视', en: 'Postpartum home visit' },
  labels: ['产后访视'],
  program: 'maternal',
  subject: 'resident',
  payload: postpartumVisitPayload,
  columns: [DELIVERY_DATE_COLUMN],
});
