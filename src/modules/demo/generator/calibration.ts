/**
 * Calibration of the synthetic Pingliang to the real bulletin on the second quarter of 2020
 * (平卫函发〔2020〕367号; ../shared/fixtures/pingliang-2020q2-bulletin.json). The printed figures
 * are copied here; the rates of the counties the bulletin does not name are solved so that
 * the city figure comes out as printed while every named (lagging) county stays lowest.
 */
import { DEFAULT_PARAMETERS } from '../../../domain/indicators/parameters.js';
import { solveOtherRates } from './allocation.js';

/** The demo scales and the share of the real city each one generates. */
export const DEMO_SCALES = { small: 1 / 50, county: 1 / 8, city: 1 } as const;

/** A scale name of `gongwei demo --scale`. */
export type DemoScale = keyof typeof DEMO_SCALES;

/** The city of the scenario and the cut-off date of the bulletin. */
export const DEMO_CITY = { code: '620800', name: '平凉市', year: 2020, asOf: '2020-06-30' } as const;

/** The seven counties in code order, with the population the scenario gives them at full scale. */
export const DEMO_COUNTIES = [
  { code: '620802', name: '崆峒区', population: 500_000 },
  { code: '620821', name: '泾川县', population: 290_000 },
  { code: '620822', name: '灵台县', population: 200_000 },
  { code: '620823', name: '崇信县', population: 100_000 },
  { code: '620825', name: '庄浪县', population: 400_000 },
  { code: '620826', name: '静宁县', population: 439_000 },
  { code: '620881', name: '华亭市', population: 190_000 },
] as const;

/** A county code of the scenario. */
export type DemoCountyCode = (typeof DEMO_COUNTIES)[number]['code'];

/** The rate indicators the bulletin prints per county, calibrated here. */
export type CalibratedRate =
  | 'records'
  | 'elderly'
  | 'maternal42d'
  | 'maternalService'
  | 'child'
  | 'tuberculosis'
  | 'severeMental'
  | 'hypertensionFollowup2'
  | 'hypertensionGuidance'
  | 'hypertensionControl'
  | 'diabetesFollowup2'
  | 'diabetesGuidance'
  | 'diabetesControl';

/** One calibrated rate: city figure, the named counties (lowest first) and how the others spread. */
export interface RateCalibration {
  /** The city rate printed in the bulletin (or a realistic one where it prints none). */
  readonly city: number;
  /** Counties the bulletin names as lagging, with their printed rates, lowest first. */
  readonly lagging: readonly { readonly county: DemoCountyCode; readonly rate: number }[];
  /** Offset of each other county from the solved base (fractions), so the others are ranked too. */
  readonly offsets: Readonly<Partial<Record<DemoCountyCode, number>>>;
  /** Relative number of people in the denominator per county (default: the population). */
  readonly weights?: Readonly<Record<DemoCountyCode, number>>;
}

/** The bulletin's figures for the whole city, full scale. */
export const BULLETIN = {
  records: { total: 1_911_700, duplicates: 1_600, effective: 1_910_100 },
  hypertension: { managed: 171_200 },
  diabetes: { managed: 24_300 },
  elderly: {
    managed: 242_600,
    identicalCheckups: 495,
    armBpDifferenceOver10: 7_749,
  },
  maternal: { managed: 28_200 },
  child: { managed: 129_300 },
  tuberculosis: { managed: 600 },
  severeMental: { managed: 8_852 },
} as const;

const TB_PATIENTS: Readonly<Record<DemoCountyCode, number>> = {
  // 静宁 carries a third of the open cases: with 22.77 % followed there, the city lands at
  // 57.33 % while the other counties stay above 灵台's 84.48 %.
  '620802': 90,
  '620821': 50,
  '620822': 58,
  '620823': 26,
  '620825': 115,
  '620826': 211,
  '620881': 50,
};

const SEVERE_MENTAL_PATIENTS: Readonly<Record<DemoCountyCode, number>> = {
  // The lagging counties register fewer patients per head (under-detection goes with
  // under-follow-up); otherwise the others would need over 99 % to reach the city's 88.5 %.
  '620802': 2300,
  '620821': 1100,
  '620822': 900,
  '620823': 487,
  '620825': 1200,
  '620826': 2000,
  '620881': 865,
};

/** Every calibrated rate. */
export const RATE_CALIBRATION: Readonly<Record<CalibratedRate, RateCalibration>> = {
  records: {
    city: 0.9014,
    lagging: [
      { county: '620881', rate: 0.8207 },
      { county: '620802', rate: 0.8752 },
    ],
    offsets: { '620821': -0.012, '620822': 0.014, '620823': -0.004, '620825': 0.004, '620826': -0.008 },
  },
  elderly: {
    city: 0.4905,
    lagging: [
      { county: '620823', rate: 0.3998 },
      { county: '620881', rate: 0.4066 },
      { county: '620821', rate: 0.4302 },
    ],
    offsets: { '620802': -0.02, '620822': 0.04, '620825': -0.005, '620826': 0.02 },
  },
  maternal42d: {
    city: 0.4652,
    lagging: [
      { county: '620825', rate: 0.436 },
      { county: '620821', rate: 0.4518 },
      { county: '620823', rate: 0.4544 },
    ],
    offsets: { '620802': -0.005, '620822': 0.015, '620826': 0.0, '620881': 0.01 },
  },
  maternalService: {
    city: 0.564,
    lagging: [],
    offsets: {
      '620802': 0.01,
      '620821': -0.02,
      '620822': 0.03,
      '620823': -0.015,
      '620825': -0.025,
      '620826': 0.005,
      '620881': 0.015,
    },
  },
  child: {
    city: 0.6466,
    lagging: [
      { county: '620821', rate: 0.5769 },
      { county: '620825', rate: 0.6034 },
      { county: '620823', rate: 0.6195 },
    ],
    offsets: { '620802': -0.01, '620822': 0.03, '620826': 0.01, '620881': -0.02 },
  },
  tuberculosis: {
    city: 0.5733,
    lagging: [
      { county: '620826', rate: 0.2277 },
      { county: '620825', rate: 0.513 },
      { county: '620822', rate: 0.8448 },
    ],
    offsets: { '620802': 0.0, '620821': 0.02, '620823': 0.04, '620881': -0.01 },
    weights: TB_PATIENTS,
  },
  severeMental: {
    city: 0.885,
    lagging: [
      { county: '620825', rate: 0.683 },
      { county: '620821', rate: 0.722 },
      { county: '620823', rate: 0.739 },
    ],
    offsets: { '620802': -0.01, '620822': 0.01, '620826': -0.005, '620881': 0.005 },
    weights: SEVERE_MENTAL_PATIENTS,
  },
  hypertensionFollowup2: {
    city: 0.9406,
    lagging: [],
    offsets: {
      '620802': 0.005,
      '620821': -0.01,
      '620822': 0.015,
      '620823': -0.015,
      '620825': -0.005,
      '620826': 0.01,
      '620881': -0.02,
    },
  },
  hypertensionGuidance: {
    city: 0.9546,
    lagging: [],
    offsets: {
      '620802': -0.015,
      '620821': 0.005,
      '620822': 0.02,
      '620823': 0.0,
      '620825': -0.01,
      '620826': 0.01,
      '620881': -0.02,
    },
  },
  hypertensionControl: {
    city: 0.66,
    lagging: [],
    offsets: {
      '620802': 0.02,
      '620821': -0.02,
      '620822': 0.03,
      '620823': -0.03,
      '620825': -0.01,
      '620826': 0.0,
      '620881': 0.01,
    },
  },
  diabetesFollowup2: {
    city: 0.9526,
    lagging: [],
    offsets: {
      '620802': 0.01,
      '620821': -0.01,
      '620822': 0.01,
      '620823': -0.02,
      '620825': 0.0,
      '620826': 0.005,
      '620881': -0.015,
    },
  },
  diabetesGuidance: {
    city: 0.9184,
    lagging: [],
    offsets: {
      '620802': -0.02,
      '620821': 0.01,
      '620822': 0.025,
      '620823': -0.01,
      '620825': 0.0,
      '620826': 0.015,
      '620881': -0.03,
    },
  },
  diabetesControl: {
    city: 0.57,
    lagging: [],
    offsets: {
      '620802': 0.02,
      '620821': -0.02,
      '620822': 0.03,
      '620823': -0.03,
      '620825': -0.01,
      '620826': 0.0,
      '620881': 0.01,
    },
  },
};

/** The programmes with a managed count per county. */
export type ManagedProgram =
  'hypertension' | 'diabetes' | 'elderly' | 'maternal' | 'child' | 'tuberculosis' | 'severeMental';

/**
 * Fewest people per county in the denominator of a rare programme, so its rates can still
 * rank at small scales (up to 1/50; none above, see `managedTarget`). 静宁 keeps four times the floor in tuberculosis: it holds a third of
 * the city's open cases, and with equal floors the city rate would come out near 73 %
 * instead of 57 %.
 */
export const MANAGED_FLOOR: Readonly<Record<ManagedProgram, number>> = {
  hypertension: 0,
  diabetes: 0,
  elderly: 0,
  maternal: 0,
  child: 0,
  tuberculosis: 25,
  severeMental: 30,
};

const MANAGED_CITY: Readonly<Record<ManagedProgram, number>> = {
  hypertension: BULLETIN.hypertension.managed,
  diabetes: BULLETIN.diabetes.managed,
  elderly: BULLETIN.elderly.managed,
  maternal: BULLETIN.maternal.managed,
  child: BULLETIN.child.managed,
  tuberculosis: BULLETIN.tuberculosis.managed,
  severeMental: BULLETIN.severeMental.managed,
};

/** Share of duplicate records per county: the bulletin names 华亭 and 崆峒 (and 庄浪) for large numbers. */
export const DUPLICATE_WEIGHTS: Readonly<Record<DemoCountyCode, number>> = {
  '620802': 0.3,
  '620821': 0.06,
  '620822': 0.05,
  '620823': 0.04,
  '620825': 0.15,
  '620826': 0.1,
  '620881': 0.3,
};

/** Share of records with an empty or abnormal ID number: 崆峒 is named for a large share. */
export const BAD_ID_SHARE: Readonly<Record<DemoCountyCode, number>> = {
  '620802': 0.012,
  '620821': 0.003,
  '620822': 0.002,
  '620823': 0.003,
  '620825': 0.004,
  '620826': 0.003,
  '620881': 0.004,
};

/** Where the identical elderly check-ups (≥4 of 6 key values equal) are planted, with their share. */
export const IDENTICAL_CHECKUP_HOTSPOTS = [
  { code: '620881100', name: '华亭市东华镇', share: 0.35 },
  { code: '620881101', name: '华亭市安口镇', share: 0.25 },
  { code: '620881202', name: '华亭市山寨乡', share: 0.2 },
  { code: '620826110209', name: '静宁县雷大镇屈岔村', share: 0.2 },
] as const;

/** Records of people who died (per record) or moved out in the first half year: kept, not counted. */
export const DEATH_SHARE = 0.0035;
/** See `DEATH_SHARE`. */
export const MOVE_OUT_SHARE = 0.0025;
/** Share of the remaining records not updated and not served for over 12 months (非动态使用). */
export const UNUSED_RECORD_SHARE = 0.08;
/** Share of arm-BP differences over 10 mmHg that are over 20 mmHg. */
export const ARM_BP_OVER_20_SHARE = 0.18;

/** Smallest margin (fraction) between the best lagging county and any other one. */
export const RANK_MARGIN = 0.005;

/**
 * The target rate of every county for a calibrated rate: printed ones for the named
 * counties, solved ones for the others (in [highest named + 2 points, 99.5 %]).
 *
 * @example countyRates('elderly')['620823'] // → 0.3998
 */
export function countyRates(id: CalibratedRate): Record<DemoCountyCode, number> {
  const cal = RATE_CALIBRATION[id];
  const weights = DEMO_COUNTIES.map((c) => cal.weights?.[c.code] ?? c.population);
  const printed = DEMO_COUNTIES.map((c) => cal.lagging.find((l) => l.county === c.code)?.rate ?? null);
  const highest = Math.max(0, ...cal.lagging.map((l) => l.rate));
  const floor = cal.lagging.length > 0 ? highest + 0.02 : 0;
  const offsets = DEMO_COUNTIES.map((c) => cal.offsets[c.code] ?? 0);
  const rates = solveOtherRates(weights, printed, offsets, cal.city, { floor, ceiling: 0.995 });
  const out = {} as Record<DemoCountyCode, number>;
  DEMO_COUNTIES.forEach((c, i) => (out[c.code] = rates[i]!));
  return out;
}

/**
 * A county's floor of a programme: `MANAGED_FLOOR`, four times it for 静宁's tuberculosis.
 */
function managedFloor(program: ManagedProgram, county: DemoCountyCode): number {
  return MANAGED_FLOOR[program] * (program === 'tuberculosis' && county === '620826' ? 4 : 1);
}

/**
 * People a county manages in a programme at a fraction of the real city: the city figure
 * × fraction, split by the programme's county weights (default: population), at least the
 * programme's floor up to the small scale (1/50). Above it the floors would make the rare
 * programmes far bigger than the city's: 250 tuberculosis patients at the county scale
 * (1/8) instead of the bulletin's 600 / 8 ≈ 75, four times the cases its population has.
 *
 * @example managedTarget('elderly', '620881', 1 / 50) // → about 435
 */
export function managedTarget(program: ManagedProgram, county: DemoCountyCode, fraction: number): number {
  const weights: Readonly<Record<DemoCountyCode, number>> | null =
    program === 'tuberculosis' ? TB_PATIENTS : program === 'severeMental' ? SEVERE_MENTAL_PATIENTS : null;
  const weightOf = (c: (typeof DEMO_COUNTIES)[number]): number => weights?.[c.code] ?? c.population;
  const sum = DEMO_COUNTIES.reduce((s, c) => s + weightOf(c), 0);
  const county_ = DEMO_COUNTIES.find((c) => c.code === county);
  if (!county_) throw new RangeError(`not a county of the scenario: ${county}`);
  const floor = fraction <= DEMO_SCALES.small ? managedFloor(program, county) : 0;
  const share = Math.round((MANAGED_CITY[program] * fraction * weightOf(county_)) / sum);
  return Math.min(Math.max(floor, share), managedCeiling(program, county_.population * fraction));
}

/** Most of a county's expected severe mental disorder patients the demo manages. */
const SEVERE_MENTAL_MANAGED_SHARE = 0.95;
/** Patients a county keeps in any case, so that its follow-up rate still ranks in tiny test demos. */
const SEVERE_MENTAL_RANKABLE = 8;

/**
 * The most people a county may manage: for severe mental disorders, whose management rate is
 * over the patients expected from the population (4.5‰), more would print a rate over 100 %
 * (崇信县 at 333 % in the small demo, from the floor); other programmes have no such bound.
 * Below 1/50 of the city (test demos) a few patients are kept whatever the population.
 */
function managedCeiling(program: ManagedProgram, population: number): number {
  if (program !== 'severeMental') return Infinity;
  const expected = population * DEFAULT_PARAMETERS.severeMentalPrevalence;
  return Math.max(SEVERE_MENTAL_RANKABLE, Math.floor(expected * SEVERE_MENTAL_MANAGED_SHARE));
}
