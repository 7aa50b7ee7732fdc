/**
 * A rate above 100 % is never a fine result: its denominator is too low (a population
 * figure or a prevalence to check, or people served outside their registered area). Every
 * place that shows a value (API, UI, bulletin, Excel) carries this remark beside it rather
 * than printing the figure as if it were normal.
 */
import type { LocalizedText } from '../gongwei-error.js';
import type { IndicatorDefinition } from './catalogue-definition.js';

/** The remark shown beside a rate above 100 %. */
export const RATE_OVER_FULL_REMARK: LocalizedText = {
  zh: '超过100%：分母偏低，请核实常住人口数或患病率参数',
  en: 'above 100 %: the denominator is too low; check the population or the prevalence',
};

/**
 * The remark a value carries, or null: only percentages strictly above 100 % have one.
 *
 * @example rateRemark({ unit: 'percent' }, 1.2375) // RATE_OVER_FULL_REMARK
 * @example rateRemark({ unit: 'percent' }, 1) // null
 */
export function rateRemark(
  indicator: Pick<IndicatorDefinition, 'unit'>,
  value: number | null,
): LocalizedText | null {
  return indicator.unit === 'percent' && value !== null && value > 1 ? RATE_OVER_FULL_REMARK : null;
}
