/**
 * The plan of the synthetic city: how many people each village has, how old they are, and
 * exactly how many of them each programme manages and serves. Every county figure is fixed
 * first (calibration × scale, ranked so the named counties stay lowest), then split over the
 * villages by largest remainder, so a county's rates are exact and never depend on coin flips.
 */
import { allocateProportional } from './allocation.js';
import {
  BAD_ID_SHARE,
  BULLETIN,
  DEATH_SHARE,
  DEMO_CITY,
  DEMO_COUNTIES,
  DUPLICATE_WEIGHTS,
  IDENTICAL_CHECKUP_HOTSPOTS,
  MOVE_OUT_SHARE,
  type DemoCountyCode,
} from './calibration.js';
import { dayOf, latestBirthForAge } from './calendar.js';
import { MALE_SHARE, populationBands, recordAgeShares } from './demography.js';
import { planProgrammes, rankedCounts } from './programme-quotas.js';
import { DemoRandom } from './random.js';
import {
  emptyChronic,
  type CountyPlan,
  type DemoPlan,
  type DemoPlanOptions,
  type DemoVillage,
  type VillagePlan,
} from './village-plan.js';

export type {
  ChronicQuota,
  CountyPlan,
  DemoPlan,
  DemoPlanOptions,
  DemoVillage,
  VillagePlan,
} from './village-plan.js';

const AS_OF_DAY = dayOf(DEMO_CITY.asOf);
/** Bias towards larger communities in towns and county seats. */
const URBAN_SIZE = 2.6;
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

  // 4. Programmes: who is managed in each village, and how many reach each step.
  planProgrammes(plans, countyCodes, byCounty, fraction);

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

/** The next village of the same township (the previous one for the last), else itself. */
function neighbourOf(villages: readonly DemoVillage[], i: number): string {
  const v = villages[i]!;
  const next = villages[i + 1];
  if (next && next.townshipCode === v.townshipCode) return next.code;
  const prev = villages[i - 1];
  if (prev && prev.townshipCode === v.townshipCode) return prev.code;
  return v.code;
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
