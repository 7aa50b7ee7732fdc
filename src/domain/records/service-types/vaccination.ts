import { z } from 'zod';
import { payloadColumn } from '../../import/column-spec.js';
import { defineServiceType } from './service-type.js';

/** A vaccination (预防接种). */
export const vaccinationPayload = z.object({
  vaccine: z.string().min(1).max(40),
  dose: z.number().int().min(1).max(10),
});

/** 预防接种: one dose of one vaccine; several may be given on one day. */
export const vaccination = defineServiceType({
  id: 'vaccination',
  name: { zh: '预防接种', en: 'Vaccination' },
  labels: ['预防接种', '接种'],
  program: null,
  subject: 'resident',
  payload: vaccinationPayload,
  columns: [
    payloadColumn({
      field: 'vaccine',
      header: '疫苗名称',
      aliases: ['疫苗'],
      type: 'text',
      description: { zh: '疫苗名称', en: 'vaccine' },
      example: '乙肝疫苗',
    }),
    payloadColumn({
      field: 'dose',
      header: '剂次',
      type: 'integer',
      description: { zh: '第几剂', en: 'dose number' },
      example: '1',
    }),
  ],
  keyDetail: (payload) => [payload.vaccine, payload.dose],
});
