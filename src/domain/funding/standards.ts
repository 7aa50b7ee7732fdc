/**
 * The per-capita standard of basic public health service funding (人均基本公共卫生服务经费补助标准)
 * by year, with the notice that set it, and the shares of the levels of government. Kept as a
 * parameter table in code: the figures are national policy, the same for every deployment, and a
 * new year is a one-line change reviewed with its source (docs/funding.md lists them).
 */
import { GongweiError } from '../gongwei-error.js';

/** One year's standard, in fen (分), with its source notice. */
export interface PerCapitaStandard {
  readonly year: number;
  /** Yuan per resident × 100. */
  readonly perCapitaFen: number;
  /** Yuan per resident added over the year before that must go to village clinics and urban community stations (新增经费). */
  readonly earmarkFen: number;
  readonly source: { readonly zh: string; readonly en: string };
  /** False when the notice number was not checked against the published notice. */
  readonly verified: boolean;
}

/**
 * The national standards. 2020's 74 yuan and its 5 new yuan for villages and urban communities
 * are quoted in the Pingliang bulletin (seed 002, 二(四)) from the provincial notice; the notice
 * numbers of the national notices are from memory and marked unverified.
 */
export const PER_CAPITA_STANDARDS: readonly PerCapitaStandard[] = [
  {
    year: 2020,
    perCapitaFen: 7400,
    earmarkFen: 500,
    source: {
      zh: '国卫基层发〔2020〕9号《关于做好2020年基本公共卫生服务项目工作的通知》；甘肃省财政厅、卫健委《关于做好2020年基本公共卫生服务项目工作的通知》',
      en: 'NHC notice Guoweijiceng fa [2020] No. 9; Gansu finance and health departments’ notice on 2020 services',
    },
    verified: true,
  },
  {
    year: 2021,
    perCapitaFen: 7900,
    earmarkFen: 0,
    source: {
      zh: '国卫基层发〔2021〕23号《关于做好2021年基本公共卫生服务项目工作的通知》',
      en: 'NHC notice Guoweijiceng fa [2021] No. 23 (number not verified)',
    },
    verified: false,
  },
  {
    year: 2022,
    perCapitaFen: 8400,
    earmarkFen: 0,
    source: {
      zh: '国卫基层发〔2022〕21号《关于做好2022年基本公共卫生服务工作的通知》',
      en: 'NHC notice Guoweijiceng fa [2022] No. 21 (number not verified)',
    },
    verified: false,
  },
  {
    year: 2023,
    perCapitaFen: 8900,
    earmarkFen: 0,
    source: {
      zh: '国卫基层发〔2023〕20号《关于做好2023年基本公共卫生服务工作的通知》',
      en: 'NHC notice Guoweijiceng fa [2023] No. 20 (number not verified)',
    },
    verified: false,
  },
  {
    year: 2024,
    perCapitaFen: 9400,
    earmarkFen: 0,
    source: {
      zh: '国家卫生健康委等《关于做好2024年基本公共卫生服务工作的通知》（文号未核实）',
      en: 'NHC notice on 2024 services (number not verified)',
    },
    verified: false,
  },
];

/**
 * The standard of `year`; a year without one is refused (no guessing a standard).
 *
 * @example
 * standardOf(2020).perCapitaFen // → 7400
 */
export function standardOf(year: number): PerCapitaStandard {
  const s = PER_CAPITA_STANDARDS.find((x) => x.year === year);
  if (!s) {
    throw GongweiError.badRequest(
      {
        zh: `没有${year}年的人均经费标准（已有${PER_CAPITA_STANDARDS.map((x) => x.year).join('、')}年）`,
        en: `no per-capita standard for ${year} (known: ${PER_CAPITA_STANDARDS.map((x) => x.year).join(', ')})`,
      },
      'year',
    );
  }
  return s;
}

/** Shares of the per-capita standard by level of government, in basis points (1/10000). */
export interface GovernmentShares {
  readonly centralBp: number;
  readonly provinceBp: number;
  readonly cityBp: number;
  readonly countyBp: number;
}

/**
 * Gansu is in the first band of 国办发〔2018〕67号 (central government pays 80 % of basic
 * public health services in the western provinces). How the remaining 20 % falls to province,
 * city and county is set by each province; the split below is an example parameter, not a
 * verified provincial rule.
 */
export const DEFAULT_SHARES: GovernmentShares = {
  centralBp: 8000,
  provinceBp: 1000,
  cityBp: 400,
  countyBp: 600,
};

/** Refuses shares that do not add up to 100 %. */
export function checkShares(shares: GovernmentShares): void {
  const parts = [shares.centralBp, shares.provinceBp, shares.cityBp, shares.countyBp];
  if (parts.some((p) => !Number.isSafeInteger(p) || p < 0) || parts.reduce((a, b) => a + b, 0) !== 10000) {
    throw GongweiError.badRequest(
      {
        zh: '各级政府分担比例应为非负整数万分比，合计10000（100%）',
        en: 'government shares must be non-negative basis points adding up to 10000 (100 %)',
      },
      'shares',
    );
  }
}
