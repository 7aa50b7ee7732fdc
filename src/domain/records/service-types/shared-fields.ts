/**
 * Payload fields that several service types record (blood pressure at follow-ups and
 * check-ups, weight at check-ups and child visits, …): their value ranges and their import
 * column. A file has one column per field whatever the row's type, so a field that two
 * types read is read from the same column; its range may still differ by type (a newborn's
 * weight is not an adult's), which is why each type's schema states its own range.
 */
import { z } from 'zod';
import { isoDateText } from '../iso-date.js';
import { payloadColumn } from '../../import/column-spec.js';

const mmHg = (min: number, max: number) => z.number().int().min(min).max(max);

/** Systolic blood pressure, mmHg. */
export const systolic = mmHg(50, 300);
/** Diastolic blood pressure, mmHg. */
export const diastolic = mmHg(20, 200);
/** Heart rate, beats per minute. */
export const heartRate = mmHg(20, 250);
/** Fasting blood glucose, mmol/L. */
export const glucose = z.number().min(0.5).max(40);
/** How a chronic-disease follow-up was made (随访方式): at the clinic, at home, by phone. */
export const visitMode = z.enum(['clinic', 'home', 'phone']);
/** Medication adherence at a chronic-disease follow-up (服药依从性). */
export const adherence = z.enum(['regular', 'intermittent', 'none']);
/** An ISO date inside a payload. */
export const payloadDate = isoDateText;

/** 收缩压 (left arm at check-ups). */
export const SBP_COLUMN = payloadColumn({
  field: 'sbp',
  header: '收缩压',
  aliases: ['左侧收缩压', '收缩压(左)'],
  type: 'integer',
  description: { zh: 'mmHg；体检为左臂', en: 'mmHg; left arm at check-ups' },
  example: '135',
});

/** 舒张压 (left arm at check-ups). */
export const DBP_COLUMN = payloadColumn({
  field: 'dbp',
  header: '舒张压',
  aliases: ['左侧舒张压', '舒张压(左)'],
  type: 'integer',
  description: { zh: 'mmHg；体检为左臂', en: 'mmHg; left arm at check-ups' },
  example: '85',
});

/** 心率. */
export const HEART_RATE_COLUMN = payloadColumn({
  field: 'heartRate',
  header: '心率',
  type: 'integer',
  description: { zh: '次/分', en: 'beats/min' },
  example: '72',
});

/** 空腹血糖. */
export const FASTING_GLUCOSE_COLUMN = payloadColumn({
  field: 'fastingGlucose',
  header: '空腹血糖',
  type: 'number',
  description: { zh: 'mmol/L', en: 'mmol/L' },
  example: '6.1',
});

/** 体重. */
export const WEIGHT_COLUMN = payloadColumn({
  field: 'weight',
  header: '体重',
  type: 'number',
  description: { zh: 'kg', en: 'kg' },
  example: '63.5',
});

/** 身高. */
export const HEIGHT_COLUMN = payloadColumn({
  field: 'height',
  header: '身高',
  type: 'number',
  description: { zh: 'cm', en: 'cm' },
  example: '165',
});

/** 月龄 of a child's service (health check, TCM guidance): one column for both types. */
export const AGE_MONTHS_COLUMN = payloadColumn({
  field: 'ageMonths',
  header: '月龄',
  type: 'integer',
  description: { zh: '月龄', en: 'age in months' },
  example: '12',
});

/** 随访方式 at a chronic-disease follow-up. */
export const VISIT_MODE_COLUMN = payloadColumn({
  field: 'visitMode',
  header: '随访方式',
  aliases: ['随访形式'],
  type: 'visitMode',
  description: {
    zh: '门诊/家庭/电话；电话随访可不填血压',
    en: 'clinic, home or phone (门诊/家庭/电话); a phone follow-up may leave the BP empty',
  },
  example: '门诊',
});

/** 控制情况 at a chronic-disease follow-up; judged from the reading when the file leaves it empty. */
export const CONTROLLED_COLUMN = payloadColumn({
  field: 'controlled',
  header: '控制情况',
  aliases: ['控制是否满意', '此次随访分类', '随访评价'],
  type: 'controlled',
  description: {
    zh: '控制满意/控制不满意；空时按本次读数判断（血压<140/90，空腹血糖<7.0）',
    en: 'controlled or not (控制满意/控制不满意); empty: judged from this reading (BP < 140/90, fasting glucose < 7.0)',
  },
  example: '控制满意',
});

/** 健康指导 (guidance or referral given) at a chronic-disease follow-up. */
export const GUIDANCE_COLUMN = payloadColumn({
  field: 'guidance',
  header: '健康指导',
  aliases: ['是否指导', '指导或转诊', '转诊'],
  type: 'boolean',
  description: {
    zh: '是否给予健康指导或转诊建议（是/否）',
    en: 'guidance or referral given (是/否)',
  },
  example: '是',
});

/** 服药依从性. */
export const ADHERENCE_COLUMN = payloadColumn({
  field: 'medicationAdherence',
  header: '服药依从性',
  type: 'adherence',
  description: { zh: '规律/间断/不服药', en: 'regular/intermittent/none (规律/间断/不服药)' },
  example: '规律',
});

/** 症状. */
export const SYMPTOMS_COLUMN = payloadColumn({
  field: 'symptoms',
  header: '症状',
  type: 'text',
  description: { zh: '症状描述', en: 'symptoms' },
  example: '无症状',
});

/**
 * What a hypertension or diabetes follow-up records besides its reading: how it was made
 * (clinic, home, phone), whether the disease is controlled, guidance given, medication
 * adherence and symptoms. Spread into the type's
 * payload after its reading; {@link CHRONIC_FOLLOWUP_COLUMNS} are their import columns.
 *
 * @example z.object({ sbp: systolic, dbp: diastolic, ...chronicFollowupFields })
 */
export const chronicFollowupFields = {
  /** 随访方式; absent or null when the source does not say. */
  visitMode: visitMode.nullable().optional(),
  /** 控制满意 as judged at the visit: BP < 140/90, fasting glucose < 7.0 mmol/L. */
  controlled: z.boolean(),
  /** 健康指导意见或针对性就诊建议 recorded (including referral). */
  guidance: z.boolean(),
  medicationAdherence: adherence.nullable().default(null),
  symptoms: z.string().nullable().default(null),
};

/** The import columns of {@link chronicFollowupFields}, in their order. */
export const CHRONIC_FOLLOWUP_COLUMNS = [
  VISIT_MODE_COLUMN,
  CONTROLLED_COLUMN,
  GUIDANCE_COLUMN,
  ADHERENCE_COLUMN,
  SYMPTOMS_COLUMN,
] as const;

/** 分娩日期 at postpartum services. */
export const DELIVERY_DATE_COLUMN = payloadColumn({
  field: 'deliveryDate',
  header: '分娩日期',
  type: 'date',
  description: { zh: '分娩日期', en: 'delivery date' },
  example: '2020-04-20',
});
