import { z } from 'zod';
import { payloadColumn } from '../../import/column-spec.js';
import { defineServiceType } from './service-type.js';
import { DELIVERY_DATE_COLUMN, payloadDate } from './shared-fields.js';

/** 42-day postpartum check (产后42天健康检查); closes the maternal case. */
export const postpartum42dPayload = z.object({
  deliveryDate: payloadDate,
  closed: z.boolean().default(true),
});

/** 产后42天健康检查: the check 42 days after delivery, which closes the maternal case. */
export const postpartum42d = defineServiceType({
  id: 'postpartum_42d',
  name: { zh: '产后42天健康检查', en: '42-day postpartum check' },
  labels: ['产后42天检查', '产后42天健康检查'],
  program: 'maternal',
  subject: 'resident',
  payload: postpartum42dPayload,
  columns: [
    DELIVERY_DATE_COLUMN,
    payloadColumn({
      field: 'closed',
      header: '是否结案',
      aliases: ['结案'],
      type: 'boolean',
      description: { zh: '是/否；空为是', en: 'case closed (是/否); empty means yes' },
      example: '是',
    }),
  ],
});
