import { z } from 'zod';
import { payloadColumn } from '../../import/column-spec.js';
import { defineServiceType } from './service-type.js';
import { AGE_MONTHS_COLUMN } from './shared-fields.js';

/**
 * The ages in months of the TCM guidance visits of a child (儿童中医药健康管理: 在儿童6、12、
 * 18、24、30、36月龄时), held with the child health checks of those ages.
 */
export const TCM_CHILD_AGES = [6, 12, 18, 24, 30, 36] as const;

/** TCM health management of a child at a scheduled age (儿童中医药健康管理服务记录表). */
export const tcmChildPayload = z.object({
  /** The visit's scheduled age: 6, 12, 18, 24, 30 or 36 months. */
  ageMonths: z
    .number()
    .int()
    .refine((m) => (TCM_CHILD_AGES as readonly number[]).includes(m), {
      message: '月龄须为6、12、18、24、30或36 / age must be 6, 12, 18, 24, 30 or 36 months',
    }),
  /**
   * The method taught to the parents at that age (6 and 12 months 摩腹、捏脊; 18 and 24 按揉迎香穴、
   * 足三里穴; 30 and 36 按揉四神聪穴), besides the diet and daily-life guidance.
   */
  methodTaught: z.boolean().default(true),
});

/** 儿童中医药健康管理: TCM diet, daily-life and massage guidance at 6 to 36 months. */
export const tcmChild = defineServiceType({
  id: 'tcm_child',
  name: { zh: '儿童中医药健康管理', en: 'TCM health management (children)' },
  labels: ['儿童中医药健康管理', '儿童中医药保健指导', '儿童中医药健康管理服务'],
  program: 'child',
  subject: 'resident',
  payload: tcmChildPayload,
  columns: [
    // The child health check's column: 6, 12, 18, 24, 30 or 36 for this type.
    AGE_MONTHS_COLUMN,
    payloadColumn({
      field: 'methodTaught',
      header: '传授中医保健方法',
      aliases: ['摩腹捏脊/穴位按揉', '传授方法'],
      type: 'boolean',
      description: {
        zh: '是/否，空为是（摩腹捏脊、按揉迎香足三里或四神聪）',
        en: 'massage method taught to the parents (是/否; empty: yes)',
      },
      example: '是',
    }),
  ],
});
