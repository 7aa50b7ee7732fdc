/**
 * The contract indicators (签约率, 重点人群签约率 overall and per group, 续约率, 履约率) as
 * numerator term over denominator term or the population base, like the catalogue's
 * (ADR 0010); values are year to date at the period end, sums of numerators over sums of
 * denominators up the org tree, never averages (ADR 0018).
 */
import type { LocalizedText } from '../gongwei-error.js';
import { KEY_POPULATIONS, KEY_POPULATION_NAMES, type KeyPopulation } from './contract-rules.js';
import type { ContractTerm } from './contract-terms.js';

/** One contract indicator. */
export interface ContractIndicator {
  readonly id: string;
  readonly name: LocalizedText;
  readonly numerator: ContractTerm;
  /** A term, or `population` (the villages' resident population of the year). */
  readonly denominator: ContractTerm | 'population';
  readonly definition: LocalizedText;
}

function groupIndicator(g: KeyPopulation): ContractIndicator {
  return {
    id: `contract_rate_key_${g}`,
    name: { zh: `${KEY_POPULATION_NAMES[g].zh}签约率`, en: `Contract rate, ${KEY_POPULATION_NAMES[g].en}` },
    numerator: `contract.key.${g}`,
    denominator: `keypop.${g}`,
    definition: {
      zh: `期末签约且签约时属${KEY_POPULATION_NAMES[g].zh}的人数 / 期末${KEY_POPULATION_NAMES[g].zh}人数`,
      en: `people holding a contract at the period end flagged ${g} at signing / people in the group at the period end`,
    },
  };
}

/** Every contract indicator, in the order documents list them. */
export const CONTRACT_INDICATORS: readonly ContractIndicator[] = [
  {
    id: 'contract_rate',
    name: { zh: '家庭医生签约率', en: 'Family-doctor contract rate' },
    numerator: 'contract.active',
    denominator: 'population',
    definition: {
      zh: '期末在有效签约期内的在册居民数 / 常住人口数',
      en: 'residents holding a contract at the period end / resident population',
    },
  },
  {
    id: 'contract_rate_key',
    name: { zh: '重点人群签约率', en: 'Key-population contract rate' },
    numerator: 'contract.key_any',
    denominator: 'keypop.any',
    definition: {
      zh: '期末签约且签约时属任一重点人群（且期末仍属该人群）的人数 / 期末重点人群人数',
      en: 'key-population people holding a contract flagged for their group / key-population people at the period end',
    },
  },
  ...KEY_POPULATIONS.map(groupIndicator),
  {
    id: 'renewal_rate',
    name: { zh: '续约率', en: 'Renewal rate' },
    numerator: 'contract.renewed',
    denominator: 'contract.due',
    definition: {
      zh: '本年1月1日至期末到期（未解约）且已续约的居民数 / 同期到期（未解约）的居民数',
      en: 'residents whose contract ended this year to the period end (not terminated) and was renewed / those whose contract so ended',
    },
  },
  {
    id: 'fulfilment_rate',
    name: { zh: '履约率', en: 'Contracted services delivered' },
    numerator: 'contract.fulfilled',
    denominator: 'contract.active',
    definition: {
      zh: '期末有效签约居民中，自本年1月1日或签约日起至期末已获得服务包全部服务的人数 / 期末有效签约居民数',
      en: 'residents holding a contract who received every service of its package since 1 January or the signing / residents holding a contract',
    },
  },
];

/** One indicator's value for one org. */
export interface ContractIndicatorValue {
  readonly id: string;
  readonly numerator: number;
  readonly denominator: number;
  /** Percent with full precision; null when the denominator is 0. */
  readonly value: number | null;
}

/**
 * The values of every contract indicator from an org's summed term counts and population.
 *
 * @example contractIndicatorValues(new Map([['contract.active', 60]]), 100)[0] // { id: 'contract_rate', numerator: 60, denominator: 100, value: 60 }
 */
export function contractIndicatorValues(
  counts: ReadonlyMap<ContractTerm, number>,
  population: number,
): ContractIndicatorValue[] {
  return CONTRACT_INDICATORS.map((i) => {
    const numerator = counts.get(i.numerator) ?? 0;
    const denominator = i.denominator === 'population' ? population : (counts.get(i.denominator) ?? 0);
    return {
      id: i.id,
      numerator,
      denominator,
      value: denominator === 0 ? null : (100 * numerator) / denominator,
    };
  });
}
