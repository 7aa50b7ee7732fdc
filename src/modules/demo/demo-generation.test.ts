import { beforeAll, describe, expect, it } from 'vitest';
import { checkIdNumber } from '../../domain/id-number/id-number.js';
import type { EnrollmentInput, ResidentInput, ServiceInput } from '../../domain/records/inputs.js';
import { serviceKey } from '../../domain/records/service-key.js';
import { validateEnrollment, validateResident, validateService } from '../../domain/records/validation.js';
import {
  BULLETIN,
  DEMO_COUNTIES,
  IDENTICAL_CHECKUP_HOTSPOTS,
  RATE_CALIBRATION,
  type CalibratedRate,
} from './generator/calibration.js';
import { demoBatches } from './generator/demo-batches.js';
import {
  pingliangVillages,
  rankCounties,
  rateOf,
  ratesFromInputs,
  type CountyRates,
} from './demo.fixture.js';
import { planDemo, type DemoPlan, type DemoVillage } from './generator/plan.js';
import type { PlantedProblems } from './generator/village-records.js';

interface Generated {
  plan: DemoPlan;
  residents: ResidentInput[];
  enrollments: EnrollmentInput[];
  services: ServiceInput[];
  planted: PlantedProblems;
}

function generate(villages: readonly DemoVillage[], seed: number, fraction: number): Generated {
  const plan = planDemo(villages, { seed, fraction });
  const out: Generated = { plan, residents: [], enrollments: [], services: [], planted: undefined as never };
  for (const batch of demoBatches(plan, 2000, (p) => (out.planted = p))) {
    out.residents.push(...batch.residents);
    out.enrollments.push(...batch.enrollments);
    out.services.push(...batch.services);
  }
  return out;
}

function countyPopulation(plan: DemoPlan): Map<string, number> {
  const pop = new Map<string, number>();
  for (const p of plan.population)
    pop.set(p.orgCode.slice(0, 6), (pop.get(p.orgCode.slice(0, 6)) ?? 0) + p.total);
  return pop;
}

/** The date the checks run on: every date of the fixtures lies before it. */
const TODAY = '2026-12-05';

const KEYS = ['sbp', 'dbp', 'heartRate', 'fastingGlucose', 'weight', 'waist'] as const;

/** People whose 2020 check-up shares ≥ 4 of the 6 key values with another person's in the same township. */
function identicalCheckupPeople(g: Generated): Map<string, string> {
  const villageOf = new Map(g.residents.map((r) => [r.recordNo, r.orgCode]));
  const byTownship = new Map<string, ServiceInput[]>();
  for (const s of g.services) {
    if (s.type !== 'elderly_checkup' || s.serviceDate < '2020-01-01') continue;
    const t = villageOf.get(s.recordNo!)!.slice(0, 9);
    byTownship.set(t, [...(byTownship.get(t) ?? []), s]);
  }
  const people = new Map<string, string>();
  for (const list of byTownship.values()) {
    for (let i = 0; i < list.length; i += 1) {
      for (let j = i + 1; j < list.length; j += 1) {
        const a = list[i]!.payload as Record<string, unknown>;
        const b = list[j]!.payload as Record<string, unknown>;
        if (list[i]!.recordNo === list[j]!.recordNo) continue;
        if (KEYS.filter((k) => a[k] === b[k]).length >= 4) {
          people.set(list[i]!.recordNo!, villageOf.get(list[i]!.recordNo!)!);
          people.set(list[j]!.recordNo!, villageOf.get(list[j]!.recordNo!)!);
        }
      }
    }
  }
  return people;
}

describe('demo generation, 1/500 of the city', () => {
  let villages: DemoVillage[];
  let g: Generated;
  beforeAll(() => {
    villages = pingliangVillages();
    g = generate(villages, 11, 1 / 500);
  });

  it('keeps the whole real tree: 7 counties, 113 townships, 1,559 villages, each with a population row', () => {
    expect(villages).toHaveLength(1559);
    expect(g.plan.population).toHaveLength(1559);
    expect(new Set(villages.map((v) => v.countyCode)).size).toBe(7);
    expect(new Set(villages.map((v) => v.townshipCode)).size).toBe(113);
  });

  it('is deterministic for a seed and differs for another seed', () => {
    const again = generate(villages, 11, 1 / 500);
    expect([again.residents.length, again.enrollments.length, again.services.length]).toEqual([
      g.residents.length,
      g.enrollments.length,
      g.services.length,
    ]);
    expect(again.residents.slice(0, 20)).toEqual(g.residents.slice(0, 20));
    expect(again.services.slice(0, 20)).toEqual(g.services.slice(0, 20));
    expect(again.residents.at(-1)).toEqual(g.residents.at(-1));
    const other = generate(villages, 12, 1 / 500);
    expect(other.residents.slice(0, 20)).not.toEqual(g.residents.slice(0, 20));
  });

  it('produces rows every write path accepts: residents, enrolments, and payloads that pass their schemas', () => {
    for (const r of g.residents) expect(validateResident(r, TODAY).ok, r.recordNo).toBe(true);
    for (const e of g.enrollments) expect(validateEnrollment(e, TODAY).ok).toBe(true);
    for (const s of g.services) {
      const result = validateService(s, TODAY);
      if (!result.ok) throw new Error(`${s.type}: ${JSON.stringify(result.issues)}`);
      // The generator writes complete payloads: validation adds no defaults.
      expect(result.value.payload).toEqual(s.payload);
    }
  });

  it('gives unique 17-digit record numbers filed under their village, and unique service keys', () => {
    const recordNos = g.residents.map((r) => r.recordNo);
    expect(new Set(recordNos).size).toBe(recordNos.length);
    for (const r of g.residents) expect(r.recordNo.slice(0, 12)).toBe(r.orgCode);
    const keys = g.services.map(serviceKey);
    expect(new Set(keys).size).toBe(keys.length);
    const residents = new Set(recordNos);
    for (const e of g.enrollments) expect(residents.has(e.recordNo)).toBe(true);
  });

  it('plants duplicates as a second record of the same ID number in the same or a neighbouring village', () => {
    const first = new Map<string, ResidentInput>();
    let duplicates = 0;
    for (const r of g.residents) {
      if (r.idNumber === null) continue;
      const earlier = first.get(r.idNumber);
      if (!earlier) {
        first.set(r.idNumber, r);
        continue;
      }
      duplicates += 1;
      expect(r.orgCode.slice(0, 9)).toBe(earlier.orgCode.slice(0, 9));
      expect([r.name, r.birthDate, r.sex]).toEqual([earlier.name, earlier.birthDate, earlier.sex]);
      expect(r.recordCreated >= earlier.recordCreated).toBe(true);
    }
    expect(duplicates).toBe(g.planted.duplicateRecords);
    expect(duplicates).toBe(Math.round(BULLETIN.records.duplicates / 500));
  });

  it('plants bad ID numbers (empty, check character, date, length), most in 崆峒', () => {
    const bad = g.residents.filter((r) => r.idNumber === null || !checkIdNumber(r.idNumber).valid);
    expect(bad).toHaveLength(g.planted.badIdNumbers);
    const kinds = new Set(
      bad.map((r) => (r.idNumber === null ? 'EMPTY' : checkIdNumber(r.idNumber).errors[0])),
    );
    expect([...kinds].sort()).toEqual(['CHECKSUM', 'DATE', 'EMPTY', 'LENGTH']);
    const share = (county: string): number =>
      bad.filter((r) => r.orgCode.startsWith(county)).length /
      g.residents.filter((r) => r.orgCode.startsWith(county)).length;
    for (const c of DEMO_COUNTIES.filter((c) => c.code !== '620802'))
      expect(share('620802')).toBeGreaterThan(share(c.code));
  });

  it('plants identical check-ups only in the named townships and village', () => {
    const people = identicalCheckupPeople(g);
    expect(people.size).toBe(g.planted.identicalCheckups);
    const hotspots = IDENTICAL_CHECKUP_HOTSPOTS.map((h) => h.code);
    for (const village of people.values()) expect(hotspots.some((h) => village.startsWith(h))).toBe(true);
    for (const h of hotspots)
      expect([...people.values()].filter((v) => v.startsWith(h)).length).toBeGreaterThanOrEqual(2);
  });

  it('plants arm-BP differences over 10 mmHg (some over 20) and services after death or move-out', () => {
    const checkups = g.services.filter((s) => s.type === 'elderly_checkup' && s.serviceDate >= '2020-01-01');
    const diffs = checkups.map((s) => {
      const p = s.payload as { sbp: number; sbpRight: number };
      return Math.abs(p.sbp - p.sbpRight);
    });
    expect(diffs.filter((d) => d > 10)).toHaveLength(g.planted.armBpDifferences);
    expect(g.planted.armBpDifferences).toBeGreaterThan(0);
    const gone = new Map(
      g.residents
        .filter((r) => r.deathDate || r.movedOutDate)
        .map((r) => [r.recordNo, (r.deathDate ?? r.movedOutDate)!]),
    );
    const after = new Set(
      g.services
        .filter((s) => s.recordNo && gone.has(s.recordNo) && s.serviceDate > gone.get(s.recordNo)!)
        .map((s) => s.recordNo),
    );
    expect(after.size).toBe(g.planted.servicesAfterDeathOrMoveOut);
  });

  it('dates every service and record on or before the cut-off, and no service before birth', () => {
    const born = new Map(g.residents.map((r) => [r.recordNo, r.birthDate!]));
    for (const s of g.services) {
      expect(s.serviceDate <= '2020-06-30', s.type).toBe(true);
      if (s.recordNo) expect(s.serviceDate >= born.get(s.recordNo)!, s.type).toBe(true);
    }
    for (const r of g.residents) expect(r.recordCreated <= '2020-06-30').toBe(true);
    for (const e of g.enrollments) expect(e.startDate <= '2020-06-30').toBe(true);
  });

  it('never records the same service of a person twice within 3 days', () => {
    const last = new Map<string, string>();
    const sorted = g.services
      .filter((s) => s.recordNo !== null)
      .sort((a, b) => (a.serviceDate < b.serviceDate ? -1 : 1));
    for (const s of sorted) {
      if (s.type === 'vaccination' || s.type === 'prenatal_registration') continue;
      const key = `${s.recordNo}|${s.type}`;
      const before = last.get(key);
      if (before)
        expect((Date.parse(s.serviceDate) - Date.parse(before)) / 86_400_000, key).toBeGreaterThan(3);
      last.set(key, s.serviceDate);
    }
  });

  it('makes some chronic-disease follow-ups by phone, without BP, and the others at the clinic or at home with one', () => {
    for (const type of ['hypertension_followup', 'diabetes_followup'] as const) {
      const followups = g.services.filter((s) => s.type === type);
      const payloads = followups.map(
        (s) => s.payload as { visitMode: string; sbp: number | null; dbp: number | null },
      );
      const phone = payloads.filter((p) => p.visitMode === 'phone');
      expect(phone.length / followups.length, type).toBeGreaterThan(0.03);
      // About 10 % of those allowed; ~150 diabetes follow-ups at 1/500 leave a standard deviation of 2.5 points.
      expect(phone.length / followups.length, type).toBeLessThan(0.15);
      expect(phone.every((p) => p.sbp === null && p.dbp === null)).toBe(true);
      const inPerson = payloads.filter((p) => p.visitMode !== 'phone');
      expect(new Set(inPerson.map((p) => p.visitMode))).toEqual(new Set(['clinic', 'home']));
      expect(inPerson.every((p) => p.sbp !== null && p.dbp !== null)).toBe(true);
    }
  });

  it('gives TCM health management to about two thirds of the managed elderly and of the children 0–36 months', () => {
    const served = (type: string): Set<string> =>
      new Set(
        g.services.filter((s) => s.type === type && s.serviceDate >= '2020-01-01').map((s) => s.recordNo!),
      );
    const enrolled = (program: string): string[] =>
      g.enrollments.filter((e) => e.program === program).map((e) => e.recordNo);
    const elderly = enrolled('elderly');
    const elderlyServed = served('tcm_elderly');
    const elderlyRate = elderly.filter((n) => elderlyServed.has(n)).length / elderly.length;
    expect(elderlyRate).toBeGreaterThan(0.6);
    expect(elderlyRate).toBeLessThan(0.75);
    // Children aged 0–36 months on 30 June (born after 31 May 2017), managed.
    const born = new Map(g.residents.map((r) => [r.recordNo, r.birthDate!]));
    const cohort = enrolled('child').filter((n) => born.get(n)! > '2017-05-31');
    const childServed = served('tcm_child');
    const childRate = cohort.filter((n) => childServed.has(n)).length / cohort.length;
    expect(cohort.length).toBeGreaterThan(50);
    expect(childRate).toBeGreaterThan(0.55);
    expect(childRate).toBeLessThan(0.8);
    // Each child visit at its scheduled age (or up to two weeks later), never at an age not reached.
    for (const s of g.services.filter((x) => x.type === 'tcm_child')) {
      const birth = born.get(s.recordNo!)!;
      const months = (Date.parse(s.serviceDate) - Date.parse(birth)) / 86_400_000 / 30.44;
      const { ageMonths } = s.payload as { ageMonths: number };
      expect(months, `${birth} ${s.serviceDate} ${ageMonths}`).toBeGreaterThanOrEqual(ageMonths - 0.05);
      expect(months).toBeLessThan(ageMonths + 1);
    }
  });

  it('leaves some records unused for 12 months', () => {
    const served = new Set(g.services.filter((s) => s.serviceDate >= '2019-07-01').map((s) => s.recordNo));
    const unused = g.residents.filter((r) => r.recordUpdated! < '2019-07-01' && !served.has(r.recordNo));
    expect(unused.length).toBe(g.planted.unusedRecords);
    expect(unused.length / g.residents.length).toBeGreaterThan(0.02);
    expect(unused.length / g.residents.length).toBeLessThan(0.1);
  });
});

describe('demo generation, small scale (1/50): calibration to the bulletin', () => {
  let g: Generated;
  let rates: CountyRates;
  beforeAll(() => {
    g = generate(pingliangVillages(), 2020, 1 / 50);
    rates = ratesFromInputs(g.residents, g.enrollments, g.services, countyPopulation(g.plan));
  });

  const ranked = (Object.keys(RATE_CALIBRATION) as CalibratedRate[]).filter(
    (id) => RATE_CALIBRATION[id].lagging.length > 0,
  );

  it.each(ranked)('%s: the named lagging counties are the lowest, in the printed order', (id) => {
    const named = RATE_CALIBRATION[id].lagging.map((l) => l.county);
    expect(rankCounties(rates, id).slice(0, named.length)).toEqual(named);
  });

  it.each([
    ['records', 0.9014, 0.003],
    ['elderly', 0.4905, 0.005],
    ['maternal42d', 0.4652, 0.015],
    ['child', 0.6466, 0.005],
    ['severeMental', 0.885, 0.03],
    ['tuberculosis', 0.5733, 0.03],
    ['hypertensionFollowup2', 0.9406, 0.005],
    ['diabetesFollowup2', 0.9526, 0.01],
  ] as const)('%s: the city rate is near the bulletin (%s)', (id, printed, tolerance) => {
    let num = 0;
    let den = 0;
    for (const c of DEMO_COUNTIES) {
      num += rates[c.code]?.[id]?.num ?? 0;
      den += rates[c.code]?.[id]?.den ?? 0;
    }
    expect(Math.abs(num / den - printed)).toBeLessThan(tolerance);
  });

  it('manages about the bulletin counts × 1/50', () => {
    const managed = (program: string): number =>
      g.enrollments.filter((e) => e.program === program && e.endDate === null).length;
    expect(Math.abs(managed('elderly') - BULLETIN.elderly.managed / 50)).toBeLessThan(10);
    expect(Math.abs(managed('hypertension') - BULLETIN.hypertension.managed / 50)).toBeLessThan(10);
    expect(Math.abs(managed('child') - BULLETIN.child.managed / 50)).toBeLessThan(10);
    const total = DEMO_COUNTIES.reduce((s, c) => s + (rates[c.code]?.records?.num ?? 0), 0);
    expect(Math.abs(total - BULLETIN.records.effective / 50)).toBeLessThan(200);
  });

  it('has the records of 华亭 and 崆峒 alone under 90 %', () => {
    const under = DEMO_COUNTIES.filter((c) => rateOf(rates, c.code, 'records') < 0.9).map((c) => c.code);
    expect(under.sort()).toEqual(['620802', '620881']);
  });

  it('concentrates terminal-digit preference in the chosen townships', () => {
    const villageOf = new Map(g.residents.map((r) => [r.recordNo, r.orgCode]));
    const share = (inside: boolean): number => {
      const readings = g.services.filter(
        (s) =>
          s.type === 'hypertension_followup' &&
          (s.payload as { sbp: number | null }).sbp !== null &&
          g.plan.digitPreferenceTownships.includes(villageOf.get(s.recordNo!)!.slice(0, 9)) === inside,
      );
      return readings.filter((s) => (s.payload as { sbp: number }).sbp % 10 === 0).length / readings.length;
    };
    expect(g.plan.digitPreferenceTownships).toHaveLength(3);
    expect(share(true)).toBeGreaterThan(0.5);
    expect(share(false)).toBeLessThan(0.2);
    // Simple's "BP fudging": readings of 130–139 per reading of 140–149.
    const ratio = (inside: boolean): number => {
      const sbps = g.services
        .filter(
          (s) =>
            s.type === 'hypertension_followup' &&
            g.plan.digitPreferenceTownships.includes(villageOf.get(s.recordNo!)!.slice(0, 9)) === inside,
        )
        .map((s) => (s.payload as { sbp: number | null }).sbp)
        .filter((x): x is number => x !== null);
      return sbps.filter((x) => x >= 130 && x < 140).length / sbps.filter((x) => x >= 140 && x < 150).length;
    };
    expect(ratio(true)).toBeGreaterThan(3);
    expect(ratio(false)).toBeLessThan(1.3);
  });

  it('plants identical check-ups only in the hotspots, about 495 / 50 people', () => {
    const people = identicalCheckupPeople(g);
    const hotspots = IDENTICAL_CHECKUP_HOTSPOTS.map((h) => h.code);
    for (const village of people.values()) expect(hotspots.some((h) => village.startsWith(h))).toBe(true);
    expect(people.size).toBe(g.planted.identicalCheckups);
    expect(Math.abs(people.size - 495 / 50)).toBeLessThanOrEqual(2);
  });
});
