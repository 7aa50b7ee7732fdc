import { z } from 'zod';
import type { ServiceType } from '../service-types.js';

const mmHg = (min: number, max: number) => z.number().int().min(min).max(max);
const systolic = mmHg(50, 300);
const diastolic = mmHg(20, 200);
const glucose = z.number().min(0.5).max(40);

/** Follow-up of a hypertension patient (高血压患者随访服务记录表). */
export const hypertensionFollowupPayload = z.object({
  sbp: systolic,
  dbp: diastolic,
  heartRate: mmHg(20, 250).nullable().default(null),
  /** 控制满意 as judged at the visit: BP < 140/90. */
  controlled: z.boolean(),
  /** 健康指导意见或针对性就诊建议 recorded (including referral). */
  guidance: z.boolean(),
  medicationAdherence: z.enum(['regular', 'intermittent', 'none']).nullable().default(null),
  symptoms: z.string().nullable().default(null),
});

/** Follow-up of a type 2 diabetes patient (2型糖尿病患者随访服务记录表). */
export const diabetesFollowupPayload = z.object({
  fastingGlucose: glucose,
  sbp: systolic.nullable().default(null),
  dbp: diastolic.nullable().default(null),
  /** 血糖控制满意: fasting glucose < 7.0 mmol/L. */
  controlled: z.boolean(),
  guidance: z.boolean(),
  medicationAdherence: z.enum(['regular', 'intermittent', 'none']).nullable().default(null),
  symptoms: z.string().nullable().default(null),
});

/** Annual elderly check-up (老年人健康体检表), both-arm BP and the six key values. */
export const elderlyCheckupPayload = z.object({
  sbp: systolic,
  dbp: diastolic,
  sbpRight: systolic,
  dbpRight: diastolic,
  heartRate: mmHg(20, 250),
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
});

/** First prenatal registration (早孕建册); registered before 13 weeks counts as early. */
export const prenatalRegistrationPayload = z.object({
  gestationalWeeks: z.number().int().min(1).max(45),
});

/** Postpartum home visit (产后访视). */
export const postpartumVisitPayload = z.object({
  deliveryDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
});

/** 42-day postpartum check (产后42天健康检查); closes the maternal case. */
export const postpartum42dPayload = z.object({
  deliveryDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  closed: z.boolean().default(true),
});

/** Newborn home visit (新生儿家庭访视). */
export const newbornVisitPayload = z.object({
  weight: z.number().min(0.5).max(10).nullable().default(null),
});

/** Scheduled child health check (儿童健康检查). */
export const childVisitPayload = z.object({
  ageMonths: z.number().int().min(0).max(83),
  weight: z.number().min(0.5).max(60).nullable().default(null),
  height: z.number().min(30).max(150).nullable().default(null),
});

/** Follow-up of a TB patient (肺结核患者随访). */
export const tbFollowupPayload = z.object({
  medicationRegular: z.boolean(),
});

/** Follow-up of a severe mental disorder patient (严重精神障碍患者随访). */
export const mentalFollowupPayload = z.object({
  condition: z.enum(['stable', 'basically_stable', 'unstable']),
});

/** A vaccination (预防接种). */
export const vaccinationPayload = z.object({
  vaccine: z.string().min(1).max(40),
  dose: z.number().int().min(1).max(10),
});

/** A health-education activity (健康教育活动). */
export const healthEducationPayload = z.object({
  activityKind: z.enum(['lecture', 'consultation', 'board', 'materials']),
  participants: z.number().int().min(0).max(100_000).default(0),
  topic: z.string().max(200).nullable().default(null),
});

/** The payload schema of each service type. */
export const SERVICE_PAYLOAD_SCHEMAS = {
  hypertension_followup: hypertensionFollowupPayload,
  diabetes_followup: diabetesFollowupPayload,
  elderly_checkup: elderlyCheckupPayload,
  prenatal_registration: prenatalRegistrationPayload,
  postpartum_visit: postpartumVisitPayload,
  postpartum_42d: postpartum42dPayload,
  newborn_visit: newbornVisitPayload,
  child_visit: childVisitPayload,
  tb_followup: tbFollowupPayload,
  mental_followup: mentalFollowupPayload,
  vaccination: vaccinationPayload,
  health_education: healthEducationPayload,
} as const satisfies Record<ServiceType, z.ZodType>;

/** The validated payload of service type `T`. */
export type ServicePayload<T extends ServiceType> = z.output<(typeof SERVICE_PAYLOAD_SCHEMAS)[T]>;
