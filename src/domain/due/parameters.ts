/**
 * The schedules of the national basic public health service specification (国家基本公共卫生
 * 服务规范（第三版）, 2017) as named parameters, with the specification's numbers as
 * defaults. docs/due-lists.md quotes the line of the specification behind each.
 */

/** Parameters of the due rules. */
export interface DueParameters {
  /** 高血压/2型糖尿病: 每年至少4次面对面随访 → months between follow-ups. */
  readonly chronicIntervalMonths: number;
  /** 血压/血糖控制不满意 … 2周内随访 → days after an uncontrolled follow-up. */
  readonly chronicUncontrolledDays: number;
  /** 老年人: 每年提供1次健康管理服务 → months between check-ups. */
  readonly elderlyIntervalMonths: number;
  /** Age at which the annual check-up starts (65). */
  readonly elderlyAge: number;
  /** 产后访视: 出院后1周内 → days after delivery (no discharge date is stored). */
  readonly postpartumVisitDays: number;
  /** 产后42天健康检查 → days after delivery. */
  readonly postpartum42dDays: number;
  /** 新生儿家庭访视: 出院后1周内 → days after birth. */
  readonly newbornVisitDays: number;
  /** The newborn period (新生儿期): after it the newborn visit is no longer listed. */
  readonly newbornPeriodDays: number;
  /** 儿童健康管理: ages in months of the scheduled checks (3, 6, 8, 12, … 72). */
  readonly childVisitMonths: readonly number[];
  /** A check done this many days before a scheduled age counts for it. */
  readonly childVisitEarlyDays: number;
  /** 严重精神障碍: 每年至少随访4次 → months between follow-ups. */
  readonly mentalIntervalMonths: number;
  /** 病情不稳定 … 2周内随访 → days after an unstable follow-up. */
  readonly mentalUnstableDays: number;
  /** 肺结核: 72小时内首次入户随访 → days after registration. */
  readonly tbFirstVisitDays: number;
  /** 强化期 (months from the start of treatment). */
  readonly tbIntensiveMonths: number;
  /** 强化期每10天随访1次 → days. */
  readonly tbIntensiveDays: number;
  /** 继续期每1个月随访1次 → months. */
  readonly tbContinuationMonths: number;
  /** Doses of the national immunisation schedule (国家免疫规划疫苗儿童免疫程序). */
  readonly vaccineDoses: readonly VaccineDose[];
  /** Days at least between two doses of one vaccine. */
  readonly vaccineMinIntervalDays: number;
}

/** One dose of the national immunisation schedule. */
export interface VaccineDose {
  /** A vaccine id of src/domain/indicators/vaccines.ts. */
  readonly vaccine: string;
  readonly dose: number;
  /** Age at which the dose is due, in months. */
  readonly ageMonths: number;
}

/**
 * 国家免疫规划疫苗儿童免疫程序 (2016年版), the vaccines src/domain/indicators/vaccines.ts
 * knows: 乙肝 0/1/6月; 卡介苗 出生; 脊灰 2/3/4月、4岁; 百白破 3/4/5/18月; 麻腮风(麻风) 8/18月;
 * 乙脑(减毒) 8月、2岁; 流脑A群 6/9月、A群C群 3/6岁; 甲肝(减毒) 18月.
 */
export const NATIONAL_IMMUNISATION_SCHEDULE: readonly VaccineDose[] = [
  { vaccine: 'hepb', dose: 1, ageMonths: 0 },
  { vaccine: 'bcg', dose: 1, ageMonths: 0 },
  { vaccine: 'hepb', dose: 2, ageMonths: 1 },
  { vaccine: 'polio', dose: 1, ageMonths: 2 },
  { vaccine: 'polio', dose: 2, ageMonths: 3 },
  { vaccine: 'dtap', dose: 1, ageMonths: 3 },
  { vaccine: 'polio', dose: 3, ageMonths: 4 },
  { vaccine: 'dtap', dose: 2, ageMonths: 4 },
  { vaccine: 'dtap', dose: 3, ageMonths: 5 },
  { vaccine: 'hepb', dose: 3, ageMonths: 6 },
  { vaccine: 'mening', dose: 1, ageMonths: 6 },
  { vaccine: 'mmr', dose: 1, ageMonths: 8 },
  { vaccine: 'je', dose: 1, ageMonths: 8 },
  { vaccine: 'mening', dose: 2, ageMonths: 9 },
  { vaccine: 'dtap', dose: 4, ageMonths: 18 },
  { vaccine: 'mmr', dose: 2, ageMonths: 18 },
  { vaccine: 'hepa', dose: 1, ageMonths: 18 },
  { vaccine: 'je', dose: 2, ageMonths: 24 },
  { vaccine: 'mening', dose: 3, ageMonths: 36 },
  { vaccine: 'polio', dose: 4, ageMonths: 48 },
  { vaccine: 'mening', dose: 4, ageMonths: 72 },
];

/** The specification's defaults. */
export const DEFAULT_DUE_PARAMETERS: DueParameters = {
  chronicIntervalMonths: 3,
  chronicUncontrolledDays: 14,
  elderlyIntervalMonths: 12,
  elderlyAge: 65,
  postpartumVisitDays: 7,
  postpartum42dDays: 42,
  newbornVisitDays: 7,
  newbornPeriodDays: 28,
  childVisitMonths: [1, 3, 6, 8, 12, 18, 24, 30, 36, 48, 60, 72],
  childVisitEarlyDays: 14,
  mentalIntervalMonths: 3,
  mentalUnstableDays: 14,
  tbFirstVisitDays: 3,
  tbIntensiveMonths: 2,
  tbIntensiveDays: 10,
  tbContinuationMonths: 1,
  vaccineDoses: NATIONAL_IMMUNISATION_SCHEDULE,
  vaccineMinIntervalDays: 28,
};
