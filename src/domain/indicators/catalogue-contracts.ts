/**
 * The catalogue entries of the family-doctor contracts (家庭医生签约, ADR 0018), listed by
 * ./catalogue.ts in a block of their own. They are the contracts module's indicators
 * (src/domain/contracts/contract-indicators.ts) under the catalogue's `program.metric` ids
 * (`contract_rate` → `contracts.contract_rate`), with the same terms, so the catalogue and the
 * on-demand values cannot drift apart; the rule is ./term-families/contracts.ts.
 */
import { CONTRACT_INDICATORS, type ContractIndicator } from '../contracts/contract-indicators.js';
import { def, pop, term, type Bilingual, type IndicatorDefinition } from './catalogue-definition.js';

/** 《关于推进家庭医生签约服务的指导意见》: where the contract indicators come from. */
export const CONTRACT_SOURCE: Bilingual = {
  zh: '关于推进家庭医生签约服务的指导意见（国医改办发〔2016〕1号）',
  en: 'Guidance on family-doctor contract services (2016)',
};

/** The catalogue id of a contract indicator: `contracts.` and its id in the contracts module. */
export function contractCatalogueId(contractIndicatorId: string): string {
  return `contracts.${contractIndicatorId}`;
}

// 签约率 is a state at E; 续约率 and 履约率 count what happened from 1 January (ADR 0018).
const PERIODS: Readonly<Record<string, IndicatorDefinition['period']>> = {
  renewal_rate: 'ytd',
  fulfilment_rate: 'ytd',
};

function entry(i: ContractIndicator): IndicatorDefinition {
  return def({
    id: contractCatalogueId(i.id),
    name: i.name,
    unit: 'percent',
    program: 'contracts',
    numerator: { term: i.numerator },
    denominator: i.denominator === 'population' ? pop('total') : term(i.denominator),
    period: PERIODS[i.id] ?? 'as_of',
    formula: { zh: i.definition.zh.replace(' / ', ' ÷ '), en: i.definition.en.replace(' / ', ' ÷ ') },
    source: CONTRACT_SOURCE,
  });
}

/** The contract indicators of the catalogue, in the order docs/contracts.md lists them. */
export const CONTRACT_CATALOGUE: readonly IndicatorDefinition[] = CONTRACT_INDICATORS.map(entry);
