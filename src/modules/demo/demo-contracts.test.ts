import { beforeAll, describe, expect, it } from 'vitest';
import {
  contractTermsAt,
  type ContractHistory,
  type ContractTerm,
} from '../../domain/contracts/contract-terms.js';
import { DEMO_COUNTIES, RATE_CALIBRATION } from './generator/calibration.js';
import {
  CONTRACT_CALIBRATION,
  demoTeams,
  DemoContractGenerator,
  type DemoContractDraft,
  type DemoTeam,
} from './generator/contract-plan.js';
import { demoBatches } from './generator/demo-batches.js';
import { planDemo, type DemoPlan } from './generator/plan.js';
import { pingliangVillages } from './demo.fixture.js';

const SEED = 2020;
const FRACTION = 1 / 100;

interface Drawn {
  plan: DemoPlan;
  teams: DemoTeam[];
  contracts: DemoContractDraft[];
  /** Per county: the sums of each contract term at the cut-off, and the population. */
  terms: Map<string, { counts: Map<ContractTerm, number>; population: number }>;
}

function draw(seed: number): Drawn {
  const villages = pingliangVillages();
  const plan = planDemo(villages, { seed, fraction: FRACTION });
  const teams = demoTeams(villages, seed);
  const generator = new DemoContractGenerator(seed, teams);
  const contracts: DemoContractDraft[] = [];
  const terms = new Map<string, { counts: Map<ContractTerm, number>; population: number }>();
  for (const c of DEMO_COUNTIES) terms.set(c.code, { counts: new Map(), population: 0 });
  for (const p of plan.population) terms.get(p.orgCode.slice(0, 6))!.population += p.total;
  for (const batch of demoBatches(plan, 2000)) {
    const drafts = generator.contractsFor(batch.residents, batch.enrollments);
    contracts.push(...drafts);
    const byResident = new Map<string, DemoContractDraft[]>();
    const enrolments = new Map<string, (typeof batch.enrollments)[number][]>();
    for (const e of batch.enrollments) enrolments.set(e.recordNo, [...(enrolments.get(e.recordNo) ?? []), e]);
    for (const d of drafts) byResident.set(d.recordNo, [...(byResident.get(d.recordNo) ?? []), d]);
    for (const r of batch.residents) {
      const own = byResident.get(r.recordNo) ?? [];
      const history: ContractHistory = {
        birthDate: r.birthDate,
        recordCreated: r.recordCreated,
        deathDate: r.deathDate,
        movedOutDate: r.movedOutDate,
        enrolments: enrolments.get(r.recordNo) ?? [],
        contracts: own.map((d, i) => ({
          id: i + 1,
          signedDate: d.signedDate,
          endDate: d.endDate,
          terminatedDate: null,
          packageCode: d.packageCode,
          keyPopulations: d.keyPopulations,
          previousContractId: d.renews === null ? null : own.findIndex((x) => x.contractNo === d.renews) + 1,
        })),
        services: [],
      };
      const counts = terms.get(r.orgCode.slice(0, 6))!.counts;
      for (const term of contractTermsAt(history, '2020-01-01', '2020-06-30'))
        counts.set(term, (counts.get(term) ?? 0) + 1);
    }
  }
  return { plan, teams, contracts, terms };
}

describe('demo family-doctor teams and contracts', () => {
  let drawn: Drawn;
  beforeAll(() => {
    drawn = draw(SEED);
  });

  it('gives every township centre one or two teams of 3–5, serving each village once', () => {
    const villages = drawn.plan.villages.map((v) => v.village.code).sort();
    expect(drawn.teams.flatMap((t) => t.villages).sort()).toEqual(villages);
    const perTownship = new Map<string, number>();
    for (const t of drawn.teams) {
      expect(t.members.length).toBeGreaterThanOrEqual(3);
      expect(t.members.length).toBeLessThanOrEqual(5);
      expect(t.members.map((m) => m.role).slice(0, 3)).toEqual(['doctor', 'nurse', 'public_health']);
      for (const v of t.villages) expect(v.slice(0, 9)).toBe(t.institutionCode);
      perTownship.set(t.institutionCode, (perTownship.get(t.institutionCode) ?? 0) + 1);
    }
    expect(Math.max(...perTownship.values())).toBe(2);
    expect(new Set(drawn.teams.map((t) => t.code)).size).toBe(drawn.teams.length);
  });

  it('signs contracts with unique numbers, renewals the day after the term, on the team of the village', () => {
    const numbers = new Set(drawn.contracts.map((c) => c.contractNo));
    expect(numbers.size).toBe(drawn.contracts.length);
    const teamOf = new Map(drawn.teams.flatMap((t) => t.villages.map((v) => [v, t.code] as const)));
    const byNo = new Map(drawn.contracts.map((c) => [c.contractNo, c]));
    let renewals = 0;
    for (const c of drawn.contracts) {
      expect(c.teamCode).toBe(teamOf.get(c.recordNo.slice(0, 12)));
      expect(c.signedDate <= '2020-06-30').toBe(true);
      if (c.renews !== null) {
        renewals += 1;
        const previous = byNo.get(c.renews)!;
        expect(new Date(`${previous.endDate}T00:00:00Z`).getTime() + 86_400_000).toBe(
          new Date(`${c.signedDate}T00:00:00Z`).getTime(),
        );
      }
    }
    expect(renewals).toBeGreaterThan(0);
  });

  it('lands key-population rates at 60–75 % (lower in the lagging counties) and the contract rate at 30–40 %', () => {
    const rates = new Map<string, { key: number; all: number; renewal: number }>();
    for (const [county, { counts, population }] of drawn.terms) {
      const n = (t: ContractTerm) => counts.get(t) ?? 0;
      rates.set(county, {
        key: n('contract.key_any') / n('keypop.any'),
        all: n('contract.active') / population,
        renewal: n('contract.renewed') / n('contract.due'),
      });
    }
    console.log(JSON.stringify(Object.fromEntries([...rates].map(([c, r]) => [c, r]))));
    for (const [county, r] of rates) {
      expect(r.key, county).toBeGreaterThanOrEqual(0.55);
      expect(r.key, county).toBeLessThanOrEqual(0.78);
      expect(r.all, county).toBeGreaterThanOrEqual(0.25);
      expect(r.all, county).toBeLessThanOrEqual(0.45);
      expect(r.renewal, county).toBeGreaterThan(0.7);
    }
    const city = [...drawn.terms.values()].reduce(
      (s, x) => ({
        key: s.key + (x.counts.get('contract.key_any') ?? 0),
        keyDen: s.keyDen + (x.counts.get('keypop.any') ?? 0),
        all: s.all + (x.counts.get('contract.active') ?? 0),
        population: s.population + x.population,
      }),
      { key: 0, keyDen: 0, all: 0, population: 0 },
    );
    expect(city.key / city.keyDen).toBeGreaterThanOrEqual(0.6);
    expect(city.key / city.keyDen).toBeLessThanOrEqual(0.75);
    expect(city.all / city.population).toBeGreaterThanOrEqual(0.3);
    expect(city.all / city.population).toBeLessThanOrEqual(0.4);
    // The counties the bulletin names as lagging sign fewer than the others.
    const lagging = ['620823', '620825', '620821'];
    const others = [...rates.keys()].filter((c) => !lagging.includes(c) && c !== '620881');
    expect(Math.max(...lagging.map((c) => rates.get(c)!.key))).toBeLessThan(
      Math.min(...others.map((c) => rates.get(c)!.key)),
    );
    expect(RATE_CALIBRATION.elderly.lagging.map((l) => l.county)).toContain('620823');
    expect(CONTRACT_CALIBRATION['620823'].key).toBeLessThan(CONTRACT_CALIBRATION['620802'].key);
  });

  it('is the same for the same seed, and another seed draws other contracts', () => {
    const again = draw(SEED);
    expect(again.contracts).toEqual(drawn.contracts);
    expect(again.teams).toEqual(drawn.teams);
    const other = draw(SEED + 1);
    expect(other.contracts.slice(0, 50)).not.toEqual(drawn.contracts.slice(0, 50));
  });
});
