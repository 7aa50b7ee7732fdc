/**
 * The plan of the synthetic city: how many people each village has, how old they are, and
 * exactly how many of them each programme manages and serves. Every county figure is fixed
 * first (calibration × scale, ranked so the named counties stay lowest), then split over the
 * villages by largest remainder, so a county's rates are exact and never depend on coin flips.
 */
import type { PopulationInput } from '../../../domain/orgs/population.js';
import { allocateProportional, rankedNumerators } from './allocation.js';
import {
  BAD_ID_SHARE,
  BULLETIN,
  DEATH_SHARE,
  DEMO_CITY,
  DEMO_COUNTIES,
  DUPLICATE_WEIGHTS,
  IDENTICAL_CHECKUP_HOTSPOTS,
  MOVE_OUT_SHARE,
  RANK_MARGIN,
  RATE_CALIBRATION,
  countyRates,
  managedTarget,
  type CalibratedRate,
  type DemoCountyCode,
  type ManagedProgram,
} from './calibration.js';
import { dayOf, latestBirthForAge } from './calendar.js';
import {
  MALE_SHARE,
  diabetesWeight,
  hypertensionWeight,
  populationBands,
  pregnancyWeight,
  recordAgeShares,
} from './demography.js';
import { DemoRandom } from './random.js';

/** A village or community of the real division tree, as the generator needs it. */
export interface DemoVillage {
  readonly code: string;
  readonly name: string;
  readonly townshipCode: string;
  readonly townshipName: string;
  readonly countyCode: DemoCountyCode;
  /** 社区/居委会 (urban community) rather than 村 (village). */
  readonly urban: boolean;
}

/** Chronic-disease quotas of a village: managed, and how many of them reach each step. */
export interface ChronicQuota {
  managed: number;
  /** With ≥ 2 follow-ups this year. */
  followup2: number;
  /** With ≥ 1 follow-up this year (includes `followup2`). */
  followup1: number;
  /** Of `followup1`, controlled at the latest follow-up. */
  controlled: number;
  /** Of the uncontrolled at the latest follow-up, with guidance recorded there. */
  guided: number;
}

/** Everything the generator must produce for one village. */
export interface VillagePlan {
  readonly village: DemoVillage;
  /** Village where some duplicate records of this village's people are filed. */
  readonly neighbourCode: string;
  population: number;
  /** Birth day numbers of the people holding one (first) record, and their sex (1 male). */
  births: Int32Array;
  males: Uint8Array;
  duplicates: number;
  badIds: number;
  dead: number;
  movedOut: number;
  elderly: { managed: number; checked: number; identical: number; armDiff: number };
  hypertension: ChronicQuota;
  diabetes: ChronicQuota;
  maternal: { managed: number; service: number; closed42d: number };
  child: { managed: number; followed: number };
  tuberculosis: { managed: number; followed: number };
  severeMental: { managed: number; followed: number };
  /** BP readings of this township's follow-ups show terminal-digit preference. */
  digitPreference: boolean;
}

/** County totals of the plan (the calibration after scaling, capping and ranking). */
export interface CountyPlan {
  readonly code: DemoCountyCode;
  readonly name: string;
  population: number;
  effective: number;
  duplicates: number;
}

/** The whole plan. */
export interface DemoPlan {
  readonly seed: number;
  readonly fraction: number;
  readonly asOf: string;
  readonly villages: VillagePlan[];
  readonly counties: CountyPlan[];
  readonly population: PopulationInput[];
  /** Townships whose follow-up BP readings were given terminal-digit preference. */
  readonly digitPreferenceTownships: string[];
}

/** How much of the city to plan. */
export interface DemoPlanOptions {
  readonly seed: number;
  /** Share of the real city (1 = ~1.91 M records). */
  readonly fraction: number;
}

const AS_OF_DAY = dayOf(DEMO_CITY.asOf);
/** Bias towards larger communities in towns and county seats. */
const URBAN_SIZE = 2.6;
/** Of the chronic patients with fewer than two follow-ups, the share seen once this year. */
const ONE_FOLLOWUP_SHARE = 0.65;
/** Arm-BP differences over 10 mmHg per elderly check-up in the bulletin (7,749 / 119,000). */
const ARM_DIFF_PER_CHECKUP = BULLETIN.elderly.armBpDifferenceOver10 / 119_000;
/** Counties whose largest township's readings are rounded (digit preference). */
const DIGIT_PREFERENCE_COUNTIES: readonly DemoCountyCode[] = ['620802', '620825', '620826'];

/**
 * Plans the synthetic city on the given villages (the real tree below 620800, in code order).
 * Pure and deterministic for (villages, seed, fraction).
 */
export function planDemo(villages: readonly DemoVillage[], options: DemoPlanOptions): DemoPlan {
  const { seed, fraction } = options;
  const countyCodes = DEMO_COUNTIES.map((c) => c.code).filter((code) =>
    villages.some((v) => v.countyCode === code),
  );
  const byCounty = new Map<DemoCountyCode, number[]>();
  villages.forEach((v, i) => {
    const list = byCounty.get(v.countyCode) ?? [];
    list.push(i);
    byCounty.set(v.countyCode, list);
  });

  const plans: VillagePlan[] = villages.map((village, i) => ({
    village,
    neighbourCode: neighbourOf(villages, i),
    population: 0,
    births: new Int32Array(0),
    males: new Uint8Array(0),
    duplicates: 0,
    badIds: 0,
    dead: 0,
    movedOut: 0,
    elderly: { managed: 0, checked: 0, identical: 0, armDiff: 0 },
    hypertension: emptyChronic(),
    diabetes: emptyChronic(),
    maternal: { managed: 0, service: 0, closed42d: 0 },
    child: { managed: 0, followed: 0 },
    tuberculosis: { managed: 0, followed: 0 },
    severeMental: { managed: 0, followed: 0 },
    digitPreference: false,
  }));

  // 1. Population per village, and the identical check-up cases the hotspots must hold.
  for (const code of countyCodes) {
    const idx = byCounty.get(code)!;
    const county = DEMO_COUNTIES.find((c) => c.code === code)!;
    const weights = idx.map((i) => {
      const r = new DemoRandom(seed, 'village-size', villages[i]!.code);
      return (villages[i]!.urban ? URBAN_SIZE : 1) * Math.exp(r.normal(0, 0.35));
    });
    const sizes = allocateProportional(Math.round(county.population * fraction), weights);
    idx.forEach((i, j) => (plans[i]!.population = sizes[j]!));
  }
  planIdenticalCases(plans, seed, fraction);

  // 2. Records: effective records per county (ranked), split over villages; ages drawn.
  const countyPlans: CountyPlan[] = [];
  const populationOf = (code: DemoCountyCode): number =>
    byCounty.get(code)!.reduce((s, i) => s + plans[i]!.population, 0);
  const effective = rankedCounts('records', countyCodes, countyCodes.map(populationOf));
  countyCodes.forEach((code, ci) => {
    const idx = byCounty.get(code)!;
    const counts = allocateProportional(
      effective[ci]!,
      idx.map((i) => plans[i]!.population),
      { mins: idx.map((i) => plans[i]!.elderly.identical) },
    );
    idx.forEach((i, j) => drawPeople(plans[i]!, counts[j]!, seed));
    countyPlans.push({
      code,
      name: DEMO_COUNTIES.find((c) => c.code === code)!.name,
      population: populationOf(code),
      effective: effective[ci]!,
      duplicates: 0,
    });
  });

  // 3. Duplicates, bad ID numbers, deaths and move-outs.
  const duplicateTotals = allocateProportional(
    Math.round(BULLETIN.records.duplicates * fraction),
    countyCodes.map((c) => DUPLICATE_WEIGHTS[c]),
  );
  countyCodes.forEach((code, ci) => {
    const idx = byCounty.get(code)!;
    const sizes = idx.map((i) => plans[i]!.births.length);
    const dups = allocateProportional(duplicateTotals[ci]!, sizes, {
      caps: sizes.map((n) => Math.floor(n / 2)),
    });
    const bad = allocateProportional(Math.round(effective[ci]! * BAD_ID_SHARE[code]), sizes, {
      caps: sizes.map((n, j) => n - dups[j]!),
    });
    const dead = allocateProportional(Math.round(effective[ci]! * DEATH_SHARE), sizes);
    const moved = allocateProportional(Math.round(effective[ci]! * MOVE_OUT_SHARE), sizes);
    idx.forEach((i, j) => {
      const p = plans[i]!;
      p.duplicates = dups[j]!;
      p.badIds = bad[j]!;
      p.dead = dead[j]!;
      p.movedOut = moved[j]!;
    });
    countyPlans[ci]!.duplicates = dups.reduce((a, b) => a + b, 0);
  });

  // 4. Programmes.
  const eligibility = plans.map(eligibilityOf);
  const managedBy = (
    program: ManagedProgram,
    weightOf: (e: Eligibility) => number,
    capOf: (e: Eligibility) => number,
    minOf?: (p: VillagePlan) => number,
  ): number[][] =>
    countyCodes.map((code) => {
      const idx = byCounty.get(code)!;
      const caps = idx.map((i) => capOf(eligibility[i]!));
      const target = Math.min(
        managedTarget(program, code, fraction),
        caps.reduce((a, b) => a + b, 0),
      );
      return allocateProportional(
        target,
        idx.map((i) => weightOf(eligibility[i]!)),
        { caps, ...(minOf ? { mins: idx.map((i) => minOf(plans[i]!)) } : {}) },
      );
    });
  const assign = (counts: number[][], set: (p: VillagePlan, n: number) => void): void =>
    countyCodes.forEach((code, ci) => byCounty.get(code)!.forEach((i, j) => set(plans[i]!, counts[ci]![j]!)));

  assign(
    managedBy(
      'elderly',
      (e) => e.elderly,
      (e) => e.elderly,
      (p) => p.elderly.identical,
    ),
    (p, n) => (p.elderly.managed = n),
  );
  assign(
    managedBy(
      'hypertension',
      (e) => e.hypertensionWeight,
      (e) => e.adults,
    ),
    (p, n) => (p.hypertension.managed = n),
  );
  assign(
    managedBy(
      'diabetes',
      (e) => e.diabetesWeight,
      (e) => e.diabetesCandidates,
    ),
    (p, n) => (p.diabetes.managed = n),
  );
  assign(
    managedBy(
      'maternal',
      (e) => e.pregnancyWeight,
      (e) => e.pregnancyCandidates,
    ),
    (p, n) => (p.maternal.managed = n),
  );
  assign(
    managedBy(
      'child',
      (e) => e.children,
      (e) => e.children,
    ),
    (p, n) => (p.child.managed = n),
  );
  assign(
    managedBy(
      'tuberculosis',
      (e) => e.age15plus,
      (e) => e.age15plus,
    ),
    (p, n) => (p.tuberculosis.managed = n),
  );
  assign(
    managedBy(
      'severeMental',
      (e) => e.age18to75,
      (e) => e.age18to75,
    ),
    (p, n) => (p.severeMental.managed = n),
  );

  const managedTotal = (get: (p: VillagePlan) => number): number[] =>
    countyCodes.map((code) => byCounty.get(code)!.reduce((s, i) => s + get(plans[i]!), 0));
  const split = (
    totals: readonly number[],
    weightOf: (p: VillagePlan) => number,
    set: (p: VillagePlan, n: number) => void,
    minOf?: (p: VillagePlan) => number,
  ): void =>
    countyCodes.forEach((code, ci) => {
      const idx = byCounty.get(code)!;
      const caps = idx.map((i) => weightOf(plans[i]!));
      const counts = allocateProportional(totals[ci]!, caps, {
        caps,
        ...(minOf ? { mins: idx.map((i) => minOf(plans[i]!)) } : {}),
      });
      idx.forEach((i, j) => set(plans[i]!, counts[j]!));
    });

  // Elderly check-ups, identical ones and arm-BP differences.
  const elderlyManaged = managedTotal((p) => p.elderly.managed);
  const checked = rankedCounts('elderly', countyCodes, elderlyManaged);
  split(
    checked,
    (p) => p.elderly.managed,
    (p, n) => (p.elderly.checked = n),
    (p) => p.elderly.identical,
  );
  split(
    checked.map((k) => Math.round(k * ARM_DIFF_PER_CHECKUP)),
    (p) => p.elderly.checked - p.elderly.identical,
    (p, n) => (p.elderly.armDiff = n),
  );

  planChronic(
    countyCodes,
    'hypertension',
    managedTotal((p) => p.hypertension.managed),
    split,
  );
  planChronic(
    countyCodes,
    'diabetes',
    managedTotal((p) => p.diabetes.managed),
    split,
  );

  const maternalManaged = managedTotal((p) => p.maternal.managed);
  const closed = rankedCounts('maternal42d', countyCodes, maternalManaged);
  const service = rankedCounts('maternalService', countyCodes, maternalManaged).map((k, ci) =>
    Math.max(k, closed[ci]!),
  );
  split(
    service,
    (p) => p.maternal.managed,
    (p, n) => (p.maternal.service = n),
  );
  split(
    closed,
    (p) => p.maternal.service,
    (p, n) => (p.maternal.closed42d = n),
  );

  split(
    rankedCounts(
      'child',
      countyCodes,
      managedTotal((p) => p.child.managed),
    ),
    (p) => p.child.managed,
    (p, n) => (p.child.followed = n),
  );
  split(
    rankedCounts(
      'tuberculosis',
      countyCodes,
      managedTotal((p) => p.tuberculosis.managed),
    ),
    (p) => p.tuberculosis.managed,
    (p, n) => (p.tuberculosis.followed = n),
  );
  split(
    rankedCounts(
      'severeMental',
      countyCodes,
      managedTotal((p) => p.severeMental.managed),
    ),
    (p) => p.severeMental.managed,
    (p, n) => (p.severeMental.followed = n),
  );

  // 5. Terminal-digit preference in the largest township of three counties.
  const digitPreferenceTownships: string[] = [];
  for (const code of DIGIT_PREFERENCE_COUNTIES) {
    const sizes = new Map<string, number>();
    for (const i of byCounty.get(code) ?? []) {
      const t = plans[i]!.village.townshipCode;
      sizes.set(t, (sizes.get(t) ?? 0) + plans[i]!.births.length);
    }
    const largest = [...sizes.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0];
    if (largest) digitPreferenceTownships.push(largest[0]);
  }
  for (const p of plans) p.digitPreference = digitPreferenceTownships.includes(p.village.townshipCode);

  return {
    seed,
    fraction,
    asOf: DEMO_CITY.asOf,
    villages: plans,
    counties: countyPlans,
    population: plans.map((p) => populationBands(p.village.code, DEMO_CITY.year, p.population)),
    digitPreferenceTownships,
  };
}

function emptyChronic(): ChronicQuota {
  return { managed: 0, followup2: 0, followup1: 0, controlled: 0, guided: 0 };
}

/** The next village of the same township (the previous one for the last), else itself. */
function neighbourOf(villages: readonly DemoVillage[], i: number): string {
  const v = villages[i]!;
  const next = villages[i + 1];
  if (next && next.townshipCode === v.townshipCode) return next.code;
  const prev = villages[i - 1];
  if (prev && prev.townshipCode === v.townshipCode) return prev.code;
  return v.code;
}

/** Numerators of a calibrated rate per county over the given denominators, ranked. */
function rankedCounts(
  id: CalibratedRate,
  counties: readonly DemoCountyCode[],
  denominators: readonly number[],
): number[] {
  const rates = countyRates(id);
  const lagging = RATE_CALIBRATION[id].lagging.map((l) => counties.indexOf(l.county)).filter((i) => i >= 0);
  return rankedNumerators(
    counties.map((c, i) => ({ denominator: denominators[i]!, targetRate: rates[c] })),
    lagging,
    lagging.length > 0 ? RANK_MARGIN : 0,
  );
}

/**
 * Splits the bulletin's identical check-up cases over the hotspots (at least one pair
 * each) and, within a hotspot township, over its villages in clusters of 2 or 3 people.
 */
function planIdenticalCases(plans: VillagePlan[], seed: number, fraction: number): void {
  const present = IDENTICAL_CHECKUP_HOTSPOTS.filter((h) =>
    plans.some((p) => p.village.code.startsWith(h.code)),
  );
  if (present.length === 0) return;
  const counts = allocateProportional(
    Math.round(BULLETIN.elderly.identicalCheckups * fraction),
    present.map((h) => h.share),
  ).map((n) => Math.max(2, n));
  present.forEach((hotspot, h) => {
    const members = plans.filter((p) => p.village.code.startsWith(hotspot.code));
    const r = new DemoRandom(seed, 'identical', hotspot.code);
    let left = counts[h]!;
    while (left > 0) {
      const size = left % 2 === 1 ? 3 : 2;
      const target = members[r.weighted(members.map((p) => p.population + 1))]!;
      target.elderly.identical += size;
      left -= size;
    }
  });
  // A cluster needs people: its village gets at least three residents per case.
  for (const p of plans) if (p.population < p.elderly.identical * 3) p.population = p.elderly.identical * 3;
}

/** Draws the birth dates and sexes of a village's people; hotspot villages get enough elderly. */
function drawPeople(plan: VillagePlan, count: number, seed: number): void {
  const r = new DemoRandom(seed, 'people', plan.village.code);
  const shares = recordAgeShares();
  const births = new Int32Array(count);
  const males = new Uint8Array(count);
  for (let i = 0; i < count; i += 1) {
    const band = r.weighted(shares);
    const ageDays = band * 1826 + r.int(0, 1825);
    births[i] = AS_OF_DAY - ageDays;
    males[i] = r.chance(MALE_SHARE) ? 1 : 0;
  }
  const born65 = latestBirthForAge(AS_OF_DAY, 65);
  let elderly = 0;
  for (const b of births) if (b <= born65) elderly += 1;
  for (let i = 0; i < count && elderly < plan.elderly.identical; i += 1) {
    if (births[i]! > born65) {
      births[i] = born65 - r.int(0, 7000);
      elderly += 1;
    }
  }
  plan.births = births;
  plan.males = males;
}

/** What a village's people make possible for each programme. */
interface Eligibility {
  elderly: number;
  adults: number;
  hypertensionWeight: number;
  diabetesWeight: number;
  diabetesCandidates: number;
  pregnancyWeight: number;
  pregnancyCandidates: number;
  children: number;
  age15plus: number;
  age18to75: number;
}

/** Ages at the cut-off date in whole years, as the generator will see them. */
export function agesOf(plan: VillagePlan): Int32Array {
  const ages = new Int32Array(plan.births.length);
  for (let i = 0; i < ages.length; i += 1) ages[i] = ageInYears(plan.births[i]!);
  return ages;
}

/** Latest birth day of each age 0..120 at the cut-off date (decreasing). */
const LATEST_BIRTH_FOR_AGE = Array.from({ length: 122 }, (_, age) => latestBirthForAge(AS_OF_DAY, age));

/**
 * Whole years of age at the cut-off date (0 for anyone born after it).
 *
 * @example ageInYears(dayOf('1955-06-30')) // → 65
 */
export function ageInYears(birthDay: number): number {
  let years = Math.max(0, Math.min(120, Math.floor((AS_OF_DAY - birthDay) / 365.25)));
  while (years < 120 && LATEST_BIRTH_FOR_AGE[years + 1]! >= birthDay) years += 1;
  while (years > 0 && LATEST_BIRTH_FOR_AGE[years]! < birthDay) years -= 1;
  return years;
}

/** A child may be managed when under 7 and at least 10 days old (the newborn visit is due). */
export function isManageableChild(birthDay: number): boolean {
  return birthDay > latestBirthForAge(AS_OF_DAY, 7) && birthDay <= AS_OF_DAY - 10;
}

function eligibilityOf(plan: VillagePlan): Eligibility {
  const e: Eligibility = {
    elderly: 0,
    adults: 0,
    hypertensionWeight: 0,
    diabetesWeight: 0,
    diabetesCandidates: 0,
    pregnancyWeight: 0,
    pregnancyCandidates: 0,
    children: 0,
    age15plus: 0,
    age18to75: 0,
  };
  const ages = agesOf(plan);
  ages.forEach((age, i) => {
    if (age >= 65) e.elderly += 1;
    if (age >= 18) e.adults += 1;
    if (age >= 15) e.age15plus += 1;
    if (age >= 18 && age <= 75) e.age18to75 += 1;
    e.hypertensionWeight += hypertensionWeight(age);
    const dw = diabetesWeight(age);
    e.diabetesWeight += dw;
    if (dw > 0) e.diabetesCandidates += 1;
    if (plan.males[i] === 0) {
      const pw = pregnancyWeight(age);
      e.pregnancyWeight += pw;
      if (pw > 0) e.pregnancyCandidates += 1;
    }
    if (isManageableChild(plan.births[i]!)) e.children += 1;
  });
  return e;
}

type Split = (
  totals: readonly number[],
  weightOf: (p: VillagePlan) => number,
  set: (p: VillagePlan, n: number) => void,
  minOf?: (p: VillagePlan) => number,
) => void;

function planChronic(
  counties: readonly DemoCountyCode[],
  program: 'hypertension' | 'diabetes',
  managed: readonly number[],
  split: Split,
): void {
  const followup2 = rankedCounts(
    program === 'hypertension' ? 'hypertensionFollowup2' : 'diabetesFollowup2',
    counties,
    managed,
  );
  const followup1 = followup2.map((k, ci) => k + Math.round(ONE_FOLLOWUP_SHARE * (managed[ci]! - k)));
  const controlled = rankedCounts(
    program === 'hypertension' ? 'hypertensionControl' : 'diabetesControl',
    counties,
    followup1,
  );
  const guided = rankedCounts(
    program === 'hypertension' ? 'hypertensionGuidance' : 'diabetesGuidance',
    counties,
    followup1.map((k, ci) => k - controlled[ci]!),
  );
  const q = (p: VillagePlan): ChronicQuota => p[program];
  split(
    followup2,
    (p) => q(p).managed,
    (p, n) => (q(p).followup2 = n),
  );
  split(
    followup1.map((k, ci) => k - followup2[ci]!),
    (p) => q(p).managed - q(p).followup2,
    (p, n) => (q(p).followup1 = q(p).followup2 + n),
  );
  split(
    controlled,
    (p) => q(p).followup1,
    (p, n) => (q(p).controlled = n),
  );
  split(
    guided,
    (p) => q(p).followup1 - q(p).controlled,
    (p, n) => (q(p).guided = n),
  );
}
