import { z } from 'zod';
import { payloadColumn } from '../../import/column-spec.js';
import { defineServiceType } from './service-type.js';
import {
  DBP_COLUMN,
  diastolic,
  FASTING_GLUCOSE_COLUMN,
  glucose,
  HEART_RATE_COLUMN,
  heartRate,
  HEIGHT_COLUMN,
  SBP_COLUMN,
  systolic,
  WEIGHT_COLUMN,
} from './shared-fields.js';

/** Annual elderly check-up (老年人健康体检表), both-arm BP and the six key values. */
export const elderlyCheckupPayload = z.object({
  sbp: systolic,
  dbp: diastolic,
  sbpRight: systolic,
  dbpRight: diastolic,
  heartRate,
  fastingGlucose: glucose,
  weight: z.number().min(20).max(250),
  waist: z.number().min(40).max(200),
  height: z.number().min(100).max(220).nullable().default(null),
  totalCholesterol: z.number().min(0.5).max(25).nullable().default(null),
  triglycerides: z.number().min(0.1).max(50).nullable().default(null),
  alt: z.number().min(0).max(2000).nullable().default(null),
  creatinine: z.number().min(10).max(2000).nullable().default(null),
  ecg: z.enum(['normal', 'abnormal']).nullable().default(null),
  ultrasound: z.enum(['normal', 'abnormal']).nullable().default(null),
  /** 老年人生活自理能力评估 score 0–19+. */
  selfCareScore: z.number().int().min(0).max(100).nullable().default(null),
  /**
   * 处理意见: the doctor's advice or referral note; required at entry when the arms' systolic
   * readings differ by more than 20 mmHg (entry check `arm-difference`, seed 002).
   */
  advice: z.string().max(500).nullable().default(null),
});

/** 老年人健康体检: the annual check-up of a resident aged 65 or over. */
export const elderlyCheckup = defineServiceType({
  id: 'elderly_checkup',
  name: { zh: '老年人健康体检', en: 'Elderly annual check-up' },
  labels: ['老年人体检', '老年人健康体检'],
  program: 'elderly',
  subject: 'resident',
  payload: elderlyCheckupPayload,
  columns: [
    SBP_COLUMN,
    DBP_COLUMN,
    payloadColumn({
      field: 'sbpRight',
      header: '右侧收缩压',
      aliases: ['收缩压(右)'],
      type: 'integer',
      description: { zh: 'mmHg', en: 'mmHg' },
      example: '138',
    }),
    payloadColumn({
      field: 'dbpRight',
      header: '右侧舒张压',
      aliases: ['舒张压(右)'],
      type: 'integer',
      description: { zh: 'mmHg', en: 'mmHg' },
      example: '86',
    }),
    HEART_RATE_COLUMN,
    FASTING_GLUCOSE_COLUMN,
    WEIGHT_COLUMN,
    payloadColumn({
      field: 'waist',
      header: '腰围',
      type: 'number',
      description: { zh: 'cm', en: 'cm' },
      example: '86',
    }),
    HEIGHT_COLUMN,
    payloadColumn({
      field: 'totalCholesterol',
      header: '总胆固醇',
      type: 'number',
      description: { zh: 'mmol/L', en: 'mmol/L' },
      example: '4.8',
    }),
    payloadColumn({
      field: 'triglycerides',
      header: '甘油三酯',
      type: 'number',
      description: { zh: 'mmol/L', en: 'mmol/L' },
      example: '1.2',
    }),
    payloadColumn({
      field: 'alt',
      header: '谷丙转氨酶',
      aliases: ['ALT'],
      type: 'number',
      description: { zh: 'U/L', en: 'U/L' },
      example: '25',
    }),
    payloadColumn({
      field: 'creatinine',
      header: '血清肌酐',
      aliases: ['肌酐'],
      type: 'number',
      description: { zh: 'μmol/L', en: 'μmol/L' },
      example: '80',
    }),
    payloadColumn({
      field: 'ecg',
      header: '心电图',
      type: 'normalAbnormal',
      description: { zh: '正常/异常', en: 'normal/abnormal (正常/异常)' },
      example: '正常',
    }),
    payloadColumn({
      field: 'ultrasound',
      header: 'B超',
      aliases: ['腹部B超'],
      type: 'normalAbnormal',
      description: { zh: '正常/异常', en: 'normal/abnormal (正常/异常)' },
      example: '正常',
    }),
    payloadColumn({
      field: 'selfCareScore',
      header: '自理能力评分',
      aliases: ['生活自理能力评分'],
      type: 'integer',
      description: { zh: '老年人生活自理能力评估得分', en: 'self-care assessment score' },
      example: '0',
    }),
    payloadColumn({
      field: 'advice',
      header: '处理意见',
      aliases: ['就诊建议', '转诊建议'],
      type: 'text',
      description: {
        zh: '医生建议或转诊意见；左右侧收缩压差>20 mmHg 时录入必填',
        en: "doctor's advice or referral note; required at entry when the arms' systolic readings differ by > 20 mmHg",
      },
      example: '建议上级医院就诊',
    }),
  ],
});
