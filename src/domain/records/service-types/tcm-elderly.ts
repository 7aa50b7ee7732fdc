import { z } from 'zod';
import { payloadColumn } from '../../import/column-spec.js';
import { defineServiceType } from './service-type.js';

/**
 * The nine constitution types of 中医体质辨识 (《中医体质分类与判定》, the questionnaire of
 * the 老年人中医药健康管理服务记录表), as stored; the import reads their Chinese names.
 */
export const TCM_CONSTITUTIONS = [
  'balanced', // 平和质
  'qi_deficiency', // 气虚质
  'yang_deficiency', // 阳虚质
  'yin_deficiency', // 阴虚质
  'phlegm_dampness', // 痰湿质
  'damp_heat', // 湿热质
  'blood_stasis', // 血瘀质
  'qi_stagnation', // 气郁质
  'inherited_special', // 特禀质
] as const;

/** TCM health management of a resident aged 65 or over (老年人中医药健康管理服务记录表). */
export const tcmElderlyPayload = z.object({
  /** 体质辨识结果: the main constitution type identified. */
  constitution: z.enum(TCM_CONSTITUTIONS),
  /**
   * 中医药保健指导 (情志调摄、饮食调养、起居调摄、运动保健、穴位保健) given after the
   * identification; the service is the identification and the guidance together.
   */
  tcmGuidance: z.boolean().default(true),
});

/** 老年人中医药健康管理: constitution identification and TCM health guidance, once a year. */
export const tcmElderly = defineServiceType({
  id: 'tcm_elderly',
  name: { zh: '老年人中医药健康管理', en: 'TCM health management (elderly)' },
  labels: ['老年人中医药健康管理', '中医体质辨识', '老年人中医体质辨识', '老年人中医药健康管理服务'],
  program: 'elderly',
  subject: 'resident',
  payload: tcmElderlyPayload,
  columns: [
    payloadColumn({
      field: 'constitution',
      header: '体质辨识结果',
      aliases: ['中医体质', '体质类型', '体质'],
      type: 'tcmConstitution',
      description: {
        zh: '九种体质之一（主要体质）',
        en: 'one of the nine constitution types (the main one)',
      },
      example: '气虚质',
    }),
    payloadColumn({
      field: 'tcmGuidance',
      header: '中医药保健指导',
      aliases: ['中医保健指导', '中医药指导'],
      type: 'boolean',
      description: { zh: '是/否，空为是', en: 'TCM health guidance given (是/否; empty: yes)' },
      example: '是',
    }),
  ],
});
