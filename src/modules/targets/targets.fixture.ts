/**
 * The org tree the targets tests share: the rural county 泾川县 with an urban township
 * (城关镇) and a rural one (玉都镇), so that the urban/rural default rates both apply, and
 * population rows whose unknown bands stay null.
 */
import type { PopulationInput } from '../../domain/orgs/population.js';
import type { OrgRow } from '../orgs/org-repository.js';

const base = { provinceCode: '620000', cityCode: '620800', countyCode: '620881' };

/** 泾川县 (rural, 620881) and its townships 城关镇 (urban, 620881100) and 玉都镇 (rural, 620881101). */
export const COUNTY_AND_TOWNSHIPS: readonly OrgRow[] = [
  {
    code: '620881',
    name: '泾川县',
    level: 3,
    parentCode: '620800',
    ...base,
    townshipCode: null,
    urbanRural: 'rural',
  },
  {
    code: '620881100',
    name: '城关镇',
    level: 4,
    parentCode: '620881',
    ...base,
    townshipCode: '620881100',
    urbanRural: 'urban',
  },
  {
    code: '620881101',
    name: '玉都镇',
    level: 4,
    parentCode: '620881',
    ...base,
    townshipCode: '620881101',
    urbanRural: 'rural',
  },
];

/** Villages of the townships: 一村 and 二村 in 城关镇, 三村 in 玉都镇. */
export const VILLAGES: readonly OrgRow[] = [
  {
    code: '620881100201',
    name: '一村',
    level: 5,
    parentCode: '620881100',
    ...base,
    townshipCode: '620881100',
    urbanRural: 'urban',
  },
  {
    code: '620881100202',
    name: '二村',
    level: 5,
    parentCode: '620881100',
    ...base,
    townshipCode: '620881100',
    urbanRural: 'urban',
  },
  {
    code: '620881101201',
    name: '三村',
    level: 5,
    parentCode: '620881101',
    ...base,
    townshipCode: '620881101',
    urbanRural: 'rural',
  },
];

/**
 * A 2020 population row of an org with the given counts; every band not given is unknown (null).
 *
 * @example
 * population2020('620881', { total: 5000, age65plus: 500 })
 */
export function population2020(
  orgCode: string,
  counts: Pick<PopulationInput, 'total'> & Partial<Omit<PopulationInput, 'orgCode' | 'year'>>,
): PopulationInput {
  return {
    orgCode,
    year: 2020,
    age0to6: null,
    age65plus: null,
    age15plus: null,
    age18plus: null,
    women15to49: null,
    liveBirths: null,
    ...counts,
  };
}

/**
 * The city above 泾川县, 平凉市 (620800), and another of its counties, 崆峒区 (620802) with a
 * township: what a caller's scope is tested against (above, beside).
 */
export const CITY_AND_OTHER_COUNTY: readonly OrgRow[] = [
  {
    code: '620800',
    name: '平凉市',
    level: 2,
    parentCode: '620000',
    provinceCode: '620000',
    cityCode: '620800',
    countyCode: null,
    townshipCode: null,
    urbanRural: null,
  },
  {
    code: '620802',
    name: '崆峒区',
    level: 3,
    parentCode: '620800',
    provinceCode: '620000',
    cityCode: '620800',
    countyCode: '620802',
    townshipCode: null,
    urbanRural: 'urban',
  },
  {
    code: '620802100',
    name: '崆峒镇',
    level: 4,
    parentCode: '620802',
    provinceCode: '620000',
    cityCode: '620800',
    countyCode: '620802',
    townshipCode: '620802100',
    urbanRural: 'rural',
  },
];
