import { z } from 'zod';
import { payloadColumn } from '../../import/column-spec.js';
import { defineServiceType } from './service-type.js';

/** First prenatal registration (早孕建册); registered before 13 weeks counts as early. */
export const prenatalRegistrationPayload = z.object({
  gestationalWeeks: z.number().int().min(1).max(45),
});

/** 早孕建册: the first prenatal registration of a pregnancy. */
export const prenatalRegistration = defineServiceType({
  id: 'prenatal_registration',
  name: { zh: '早孕建册', en: 'Prenatal registration' },
  labels: ['早孕建册'],
  program: 'maternal',
  subject: 'resident',
  payload: prenatalRegistrationPayload,
  columns: [
    payloadColumn({
      field: 'gestationalWeeks',
      header: '孕周',
      type: 'integer',
      description: { zh: '建册时孕周', en: 'gestational weeks at registration' },
      example: '10',
    }),
  ],
});
