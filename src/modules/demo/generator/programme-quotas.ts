/**
 * The programme quotas of the plan: how many people each village's programmes manage, and
 * how many of those reach each step (followed up, checked, controlled, guided, closed at
 * 42 days). Every county figure is fixed first — a target from the calibration, or a
 * calibrated rate ranked so the named counties stay lowest — then split over the villages
 * by largest remainder, capped by what their people make possible.
 */
import { allocateProportional, rankedNumerators } from './allocation.js';
import {
  BULLETIN,
  DEMO_CITY,
  DEMO_SCALES,
  RANK_MARGIN,
  RATE_CALIBRATION,
  countyRates,
  managedTarget,
  type CalibratedRate,
  type DemoCountyCode,
  type ManagedProgram,
} from './calibration.js';
import { DEFAULT_PARAMETERS } from '../../../domain/indicators/parameters.js';
import { populationBands } from './demography.js';
import { eligibilityOf, type Eligibility } from './eligibility.js';
import type { ChronicQuota, VillagePlan } from './village-plan.js';

/** Of the chronic patients with fewer than two follow-ups, the share seen once this year. */
const ONE_FOLLOWUP_SHARE = 0.65;
/** Arm-BP differences over 10 mmHg per elderly check-up in the bulletin (7,749 / 119,000). */
const ARM_DIFF_PER_CHECKUP = BULLETIN.elderly.armBpDifferenceOver10 / 119_000;

/**
 * Sets every programme quota of `plans` (people already drawn): managed per programme, then
 * each step's count, county by county.
 *
 * @param countyCodes the counties present, in calibration order
 * @param byCounty indexes into `plans` of each county's villages, in code order
 */
export function planProgrammes(
  plans: VillagePlan[],
  countyCodes: readonly DemoCountyCode[],
  byCounty: ReadonlyMap<DemoCountyCode, readonly number[]>,
  fraction: number,
): void {
  const eligibility = plans.map(eligibilityOf);
  const aged65plus = plans.map(
    (p) => populationBands(p.village.code, DEMO_CITY.year, p.population).age65plus,
  );
  const managedBy = (
    program: ManagedProgram,
    weightOf: (e: Eligibility, i: number) => number,
    capOf: (e: Eligibility, i: number) => number,
    options: { minOf?: (p: VillagePlan) => number; boundOf?: (i: number) => number } = {},
  ): number[][] =>
    countyCodes.map((code) => {
      const idx = byCounty.get(code)!;
      const caps = idx.map((i) => capOf(eligibility[i]!, i));
      const target = Math.min(
        managedTarget(program, code, fraction),
        caps.reduce((a, b) => a + b, 0),
      );
      const { minOf, boundOf } = options;
      return allocateByTownship(
        target,
        idx.map((i) => plans[i]!.village.townshipCode),
        idx.map((i) => weightOf(eligibility[i]!, i)),
        {
          caps,
          ...(minOf ? { mins: idx.map((i) => minOf(plans[i]!)) } : {}),
          ...(boundOf ? { bounds: idx.map(boundOf) } : {}),
        },
      );
    });
  const assign = (counts: number[][], set: (p: VillagePlan, n: number) => void): void =>
    countyCodes.forEach((code, ci) => byCounty.get(code)!.forEach((i, j) => set(plans[i]!, counts[ci]![j]!)));

  // The elderly go by the population aged 65+ (the rate's denominator), and no township
  // manages more than its population aged 65+: none prints over 100 %.
  assign(
    managedBy(
      'elderly',
      (_, i) => aged65plus[i]!,
      (e) => e.elderly,
      { minOf: (p) => p.elderly.identical, boundOf: (i) => aged65plus[i]! },
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
  // Severe mental disorders: at most the patients a township's population lets expect
  // (4.5‰), so no township prints over 100 % (test demos below 1/50 keep a few anywhere).
  const expectedSevereMental =
    fraction >= DEMO_SCALES.small
      ? (i: number): number => plans[i]!.population * DEFAULT_PARAMETERS.severeMentalPrevalence
      : undefined;
  assign(
    managedBy(
      'severeMental',
      (e) => e.age18to75,
      (e) => e.age18to75,
      expectedSevereMental ? { boundOf: expectedSevereMental } : {},
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
}

/** Per-village limits of `allocateByTownship`. */
interface TownshipLimits {
  readonly caps: readonly number[];
  readonly mins?: readonly number[];
  /** What a village adds to its township's bound (e.g. the patients expected there); none: no bound. */
  readonly bounds?: readonly number[];
}

/**
 * Splits a county's `total` over its villages (given with their township codes) in two
 * steps: over the townships by the sum of their villages' weights — each at most the sum of
 * its villages' caps and, with `bounds`, the whole part of the sum of its villages' bounds
 * (never below its minimums) — then within each township over its villages. A township's
 * figure is then never above what its people bound it to, whatever the rounding per village.
 *
 * @example allocateByTownship(4, ['a', 'a', 'b'], [1, 1, 2], { caps: [9, 9, 9], bounds: [0.8, 0.8, 3] }) // → [1, 0, 3]
 */
export function allocateByTownship(
  total: number,
  townships: readonly string[],
  weights: readonly number[],
  limits: TownshipLimits,
): number[] {
  const codes = [...new Set(townships)];
  const members = codes.map((t) => townships.flatMap((x, i) => (x === t ? [i] : [])));
  const sum = (list: readonly number[], of: readonly number[]): number =>
    list.reduce((s, i) => s + of[i]!, 0);
  const mins = limits.mins ?? weights.map(() => 0);
  const townshipMins = members.map((m) => sum(m, mins));
  const townshipCaps = members.map((m, t) => {
    const cap = sum(m, limits.caps);
    return limits.bounds
      ? Math.min(cap, Math.max(townshipMins[t]!, Math.floor(sum(m, limits.bounds) + 1e-9)))
      : cap;
  });
  const perTownship = allocateProportional(
    total,
    members.map((m) => sum(m, weights)),
    { caps: townshipCaps, mins: townshipMins },
  );
  const out = new Array<number>(weights.length).fill(0);
  members.forEach((m, t) => {
    const counts = allocateProportional(
      perTownship[t]!,
      m.map((i) => weights[i]!),
      { caps: m.map((i) => limits.caps[i]!), mins: m.map((i) => mins[i]!) },
    );
    m.forEach((i, j) => (out[i] = counts[j]!));
  });
  return out;
}

/**
 * Numerators of a calibrated rate per county over the given denominators, ranked so the
 * counties the bulletin names stay lowest.
 */
export function rankedCounts(
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
