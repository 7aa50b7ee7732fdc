import type { Program } from './programs.js';

/**
 * The typed service events, as stored in `services.type`. Each type's payload is validated
 * by its schema in src/domain/services; the hot numeric fields live in their own columns
 * (sbp, dbp, sbp_right, dbp_right, heart_rate, fasting_glucose, weight, waist, controlled,
 * guidance) so indicators and audits read them without parsing JSON.
 */
export const SERVICE_TYPES = [
  /** 高血压患者随访: sbp, dbp, controlled, guidance (guidance or referral given). */
  'hypertension_followup',
  /** 2型糖尿病患者随访: fasting_glucose, sbp, dbp, controlled, guidance. */
  'diabetes_followup',
  /** 老年人年度体检: sbp/dbp (left), sbp_right/dbp_right, heart_rate, fasting_glucose, weight, waist, height, lipids, liver/kidney, ECG, ultrasound, self-care score. */
  'elderly_checkup',
  /** 早孕建册 (first prenatal registration): gestational weeks in payload. */
  'prenatal_registration',
  /** 产后访视 (postpartum home visit, within 7 days after delivery). */
  'postpartum_visit',
  /** 产后42天健康检查 (closes the maternal case). */
  'postpartum_42d',
  /** 新生儿家庭访视. */
  'newborn_visit',
  /** 儿童健康检查 (scheduled child visit). */
  'child_visit',
  /** 肺结核患者随访: medication taken regularly in payload. */
  'tb_followup',
  /** 严重精神障碍患者随访. */
  'mental_followup',
  /** 预防接种: vaccine and dose in payload. */
  'vaccination',
  /** 健康教育活动 (lecture, consultation, bulletin board, materials); not tied to a person. */
  'health_education',
] as const;

/** A kind of service event. */
export type ServiceType = (typeof SERVICE_TYPES)[number];

/** The programme a service type belongs to (null: not a key-population service). */
export const SERVICE_PROGRAM: Readonly<Record<ServiceType, Program | null>> = {
  hypertension_followup: 'hypertension',
  diabetes_followup: 'diabetes',
  elderly_checkup: 'elderly',
  prenatal_registration: 'maternal',
  postpartum_visit: 'maternal',
  postpartum_42d: 'maternal',
  newborn_visit: 'child',
  child_visit: 'child',
  tb_followup: 'tuberculosis',
  mental_followup: 'severe_mental',
  vaccination: null,
  health_education: null,
};

/** True when `value` names a service type. */
export function isServiceType(value: string): value is ServiceType {
  return (SERVICE_TYPES as readonly string[]).includes(value);
}
