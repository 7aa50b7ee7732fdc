/**
 * The key populations (重点人群) of the programme, as stored in `enrollments.program`.
 */
export const PROGRAMS = [
  'hypertension',
  'diabetes',
  'elderly',
  'maternal',
  'child',
  'tuberculosis',
  'severe_mental',
] as const;

/** A programme a resident can be enrolled in. */
export type Program = (typeof PROGRAMS)[number];

/** Chinese and English names of each programme, for what users see. */
export const PROGRAM_NAMES: Readonly<Record<Program, { zh: string; en: string }>> = {
  hypertension: { zh: '高血压患者健康管理', en: 'Hypertension management' },
  diabetes: { zh: '2型糖尿病患者健康管理', en: 'Type 2 diabetes management' },
  elderly: { zh: '老年人健康管理', en: 'Elderly (65+) health management' },
  maternal: { zh: '孕产妇健康管理', en: 'Maternal health management' },
  child: { zh: '0-6岁儿童健康管理', en: 'Child (0–6) health management' },
  tuberculosis: { zh: '肺结核患者健康管理', en: 'Tuberculosis patient management' },
  severe_mental: { zh: '严重精神障碍患者管理', en: 'Severe mental disorder management' },
};

/** True when `value` names a programme. */
export function isProgram(value: string): value is Program {
  return (PROGRAMS as readonly string[]).includes(value);
}
