/**
 * Named parameters of the indicator rules, where the national service specification (3rd
 * edition) or the WHO HEARTS technical package leaves a choice open. Each carries its
 * official default and where that default comes from.
 */
export interface IndicatorParameters {
  /** Expected hypertension prevalence among adults (18+): expected patients = age18plus × this. */
  readonly hypertensionPrevalence: number;
  /** Expected type 2 diabetes prevalence among adults (18+). */
  readonly diabetesPrevalence: number;
  /** Expected severe mental disorder prevalence in the whole population (报告患病率 4.5‰). */
  readonly severeMentalPrevalence: number;
  /** Follow-ups a year that make a patient 规范管理 (pro-rated within the year). */
  readonly standardizedFollowupsPerYear: number;
  /** Follow-ups required for the follow-up rate ("≥2 follow-ups by mid-year"). */
  readonly followupRateMinimum: number;
  /** Hypertension controlled below this systolic BP (mmHg). */
  readonly controlledSystolicBelow: number;
  /** Hypertension controlled below this diastolic BP (mmHg). */
  readonly controlledDiastolicBelow: number;
  /** National control rate: patients of this age or older at the follow-up have the elderly limits. */
  readonly controlledElderlyAgeFrom: number;
  /** National control rate: elderly patients controlled below this systolic BP (mmHg). */
  readonly controlledElderlySystolicBelow: number;
  /** National control rate: elderly patients controlled below this diastolic BP (mmHg). */
  readonly controlledElderlyDiastolicBelow: number;
  /** Diabetes controlled below this fasting glucose (mmol/L). */
  readonly controlledGlucoseBelow: number;
  /** Early pregnancy registration: registered before this gestational week (孕13周之前). */
  readonly earlyPregnancyWeeksBelow: number;
  /** HEARTS: patients registered at least this many months before the period end. */
  readonly heartsRegisteredMonths: number;
  /** HEARTS: window of the latest visit/BP (months before the period end). */
  readonly heartsVisitWindowMonths: number;
  /** HEARTS: no visit for this many months = lost to follow-up. */
  readonly heartsLostMonths: number;
  /** Record use rate: a service within this many months makes a record "in use" (动态使用). */
  readonly recordUseMonths: number;
  /** Child systematic management: children younger than this many months. */
  readonly childSystematicAgeMonths: number;
  /** Child systematic management: child visits a year (pro-rated within the year). */
  readonly childSystematicVisitsPerYear: number;
}

/** The official defaults. */
export const DEFAULT_PARAMETERS: IndicatorParameters = {
  hypertensionPrevalence: 0.27,
  diabetesPrevalence: 0.1,
  severeMentalPrevalence: 0.0045,
  standardizedFollowupsPerYear: 4,
  followupRateMinimum: 2,
  controlledSystolicBelow: 140,
  controlledDiastolicBelow: 90,
  controlledElderlyAgeFrom: 65,
  controlledElderlySystolicBelow: 150,
  controlledElderlyDiastolicBelow: 90,
  controlledGlucoseBelow: 7.0,
  earlyPregnancyWeeksBelow: 13,
  heartsRegisteredMonths: 3,
  heartsVisitWindowMonths: 3,
  heartsLostMonths: 12,
  recordUseMonths: 12,
  childSystematicAgeMonths: 36,
  childSystematicVisitsPerYear: 2,
};

/** Chinese and English description and source of each parameter (for docs and the UI). */
export const PARAMETER_NOTES: Readonly<Record<keyof IndicatorParameters, { zh: string; en: string }>> = {
  hypertensionPrevalence: {
    zh: '18岁及以上人口高血压患病率（估算应管理人数），默认27%',
    en: 'Hypertension prevalence among adults 18+ (expected patients), default 27%',
  },
  diabetesPrevalence: {
    zh: '18岁及以上人口糖尿病患病率，默认10%',
    en: 'Diabetes prevalence among adults 18+, default 10%',
  },
  severeMentalPrevalence: {
    zh: '严重精神障碍报告患病率，默认4.5‰',
    en: 'Severe mental disorder reported prevalence, default 4.5‰',
  },
  standardizedFollowupsPerYear: {
    zh: '规范管理：每年至少随访次数（年内按已过月份折算），默认4次',
    en: 'Standardised management: follow-ups per year (pro-rated within the year), default 4',
  },
  followupRateMinimum: {
    zh: '随访率：年内至少随访次数，默认2次',
    en: 'Follow-up rate: minimum follow-ups, default 2',
  },
  controlledSystolicBelow: {
    zh: '血压控制：收缩压低于140mmHg',
    en: 'BP controlled: systolic below 140 mmHg',
  },
  controlledDiastolicBelow: {
    zh: '血压控制：舒张压低于90mmHg',
    en: 'BP controlled: diastolic below 90 mmHg',
  },
  controlledElderlyAgeFrom: {
    zh: '血压控制率（国家规范）：随访时65岁及以上的患者按老年标准判断',
    en: 'National BP control: patients aged 65 or over at the follow-up are judged by the elderly limits',
  },
  controlledElderlySystolicBelow: {
    zh: '血压控制率（国家规范）：65岁及以上患者收缩压低于150mmHg',
    en: 'National BP control: patients 65+ controlled below 150 mmHg systolic',
  },
  controlledElderlyDiastolicBelow: {
    zh: '血压控制率（国家规范）：65岁及以上患者舒张压低于90mmHg',
    en: 'National BP control: patients 65+ controlled below 90 mmHg diastolic',
  },
  controlledGlucoseBelow: {
    zh: '血糖控制：空腹血糖低于7.0mmol/L',
    en: 'Glucose controlled: fasting glucose below 7.0 mmol/L',
  },
  earlyPregnancyWeeksBelow: { zh: '早孕建册：孕13周之前', en: 'Early registration: before 13 weeks' },
  heartsRegisteredMonths: {
    zh: 'HEARTS：登记满3个月（按日历月，6月底为3月31日及以前登记）的患者',
    en: 'HEARTS: patients registered at least 3 calendar months before the period end (by 31 March for June)',
  },
  heartsVisitWindowMonths: {
    zh: 'HEARTS：最近3个日历月内（6月底为4月1日至6月30日）的最近一次就诊/血压',
    en: 'HEARTS: latest visit/BP within the last 3 calendar months (1 April to 30 June for June)',
  },
  heartsLostMonths: {
    zh: 'HEARTS：12个日历月内既无就诊也非新登记为失访',
    en: 'HEARTS: neither a visit nor the registration in the last 12 calendar months = lost to follow-up',
  },
  recordUseMonths: {
    zh: '档案使用：近12个月内有服务记录',
    en: 'Record in use: a service within the last 12 months',
  },
  childSystematicAgeMonths: {
    zh: '系统管理：0-3岁（36个月以下）儿童',
    en: 'Systematic management: children under 36 months',
  },
  childSystematicVisitsPerYear: {
    zh: '系统管理：每年至少健康检查次数（折算），默认2次',
    en: 'Systematic management: child visits per year (pro-rated), default 2',
  },
};

/**
 * Follow-ups required by the end of slot `slot` for 规范管理, pro-rated:
 * ceil(perYear × monthsElapsed / 12).
 *
 * @example requiredFollowups(4, 6) // 2 (end of June)
 * @example requiredFollowups(4, 12) // 4
 */
export function requiredFollowups(perYear: number, monthsElapsed: number): number {
  // Round away float noise (4 × 6/12 must be 2, not 2.0000000001).
  return Math.ceil(Math.round(((perYear * monthsElapsed) / 12) * 1e9) / 1e9);
}
