/**
 * Default target rates by urban/rural type, as data. Source: seeds/001 (呼伦贝尔市2011年度
 * 促进基本公共卫生服务逐步均等化工作推进方案, 二、工作目标), which sets different rates for
 * cities (城市) and farming and pastoral areas (农村牧区). Each entry names the item it comes
 * from; an area's own rate always overrides the default.
 */
import type { TargetBase } from './target-rule.js';

/** Urban or rural, as stored in `orgs.urban_rural`. */
export type UrbanRural = 'urban' | 'rural';

/** The default of one indicator. */
export interface TargetDefault {
  /** Indicator id of the catalogue (src/domain/indicators/catalogue.ts). */
  readonly indicator: string;
  readonly name: { readonly zh: string; readonly en: string };
  readonly base: TargetBase;
  readonly rate: Readonly<Record<UrbanRural, number>>;
  /** Where the numbers come from. */
  readonly source: string;
}

/** The defaults of seeds/001, by indicator. */
export const URBAN_RURAL_DEFAULTS: readonly TargetDefault[] = [
  {
    indicator: 'elderly.management_rate',
    name: { zh: '65岁以上老年人健康管理率', en: 'Elderly (65+) health management rate' },
    base: { kind: 'population', band: 'age65plus' },
    rate: { urban: 0.8, rural: 0.5 },
    source: 'seeds/001 二(一)7: 城市80%以上，农村牧区50%以上',
  },
  {
    indicator: 'hypertension.management_rate',
    name: { zh: '高血压患者健康管理率', en: 'Hypertension management rate' },
    base: { kind: 'expected', band: 'age18plus', parameter: 'hypertensionPrevalence' },
    rate: { urban: 0.5, rural: 0.3 },
    source: 'seeds/001 二(一)8: 城市50%以上，农村牧区30%以上',
  },
  {
    indicator: 'diabetes.management_rate',
    name: { zh: '糖尿病患者健康管理率', en: 'Diabetes management rate' },
    base: { kind: 'expected', band: 'age18plus', parameter: 'diabetesPrevalence' },
    rate: { urban: 0.5, rural: 0.3 },
    source: 'seeds/001 二(一)8: 城市50%以上，农村牧区30%以上',
  },
  {
    indicator: 'severe_mental.management_rate',
    name: { zh: '严重精神障碍患者管理率', en: 'Severe mental disorder management rate' },
    base: { kind: 'expected', band: 'total', parameter: 'severeMentalPrevalence' },
    rate: { urban: 0.5, rural: 0.25 },
    source: 'seeds/001 二(一)9: 城市50％以上，农村牧区25％以上',
  },
  {
    indicator: 'child.systematic_management_rate',
    name: { zh: '儿童系统管理率', en: 'Child systematic management rate' },
    base: { kind: 'population', band: 'age0to6' },
    rate: { urban: 0.8, rural: 0.7 },
    source: 'seeds/001 二(一)5: 城市80%以上，农村牧区70%以上',
  },
  {
    indicator: 'maternal.service_rate',
    name: { zh: '孕产妇产前健康管理率', en: 'Prenatal care management rate' },
    base: { kind: 'population', band: 'liveBirths' },
    rate: { urban: 0.8, rural: 0.7 },
    source: 'seeds/001 二(一)6: 城市80%以上，农村牧区70%以上',
  },
  {
    indicator: 'records.electronic_coverage',
    name: { zh: '规范化电子健康档案建档率', en: 'Electronic health record rate' },
    base: { kind: 'population', band: 'total' },
    rate: { urban: 0.5, rural: 0.5 },
    source: 'seeds/001 二(一)1: 规范化健康档案电子建档率达到50%',
  },
];

/**
 * The default of an indicator, or null when seeds/001 sets none.
 *
 * @example
 * defaultFor('elderly.management_rate')?.rate.rural // → 0.5
 */
export function defaultFor(indicator: string): TargetDefault | null {
  return URBAN_RURAL_DEFAULTS.find((d) => d.indicator === indicator) ?? null;
}

/**
 * The default rate of an indicator for an area type; null when there is none or the area's
 * type is unknown (a rate must then be given).
 *
 * @example
 * defaultRate('hypertension.management_rate', 'urban') // → 0.5
 */
export function defaultRate(indicator: string, type: string | null): number | null {
  if (type !== 'urban' && type !== 'rural') return null;
  return defaultFor(indicator)?.rate[type] ?? null;
}
