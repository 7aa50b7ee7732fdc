import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/databases.js';
import { demoBatches } from './generator/demo-batches.js';
import { demoVillages } from './generator/demo-tree.js';
import { planDemo } from './generator/plan.js';
import { listSubtree } from '../orgs/org-repository.js';
import { databaseSources } from '../bulletins/database-sources.js';
import { readFundsStatus } from '../funding/funds-status.js';
import { WHOLE_TREE } from '../orgs/org-scope.js';
import { computeIndicatorValues } from '../indicators/indicator-values.js';
import { DemoDatabaseNotEmptyError, generateDemo, type DemoSummary } from './generate-demo.js';
import { parsePeriod } from '../../domain/periods/period.js';
import { contractIndicatorsFor } from '../contracts/contract-indicator-values.js';
import { countContracts, findContracts, listTeams } from '../contracts/contracts-repository.js';
import { DemoContractGenerator, demoTeams } from './generator/contract-plan.js';

const FRACTION = 1 / 2000;
const SEED = 7;

describeEachDialect('generateDemo', (t) => {
  let summary: DemoSummary;
  const phases: { phase: string; done: number; total: number }[] = [];

  beforeAll(async () => {
    summary = await generateDemo(t.db, {
      scale: 'small',
      seed: SEED,
      fraction: FRACTION,
      residentsPerBatch: 300,
      onProgress: (phase, done, total) => phases.push({ phase, done, total }),
    });
  });

  const count = async (
    table: 'residents' | 'enrollments' | 'services' | 'org_population' | 'orgs',
  ): Promise<number> => {
    const row = await t.db.kysely
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  };

  it('writes the real tree, a population per village, and the records it reports', async () => {
    expect(summary.orgs).toBe(1680);
    expect(await count('org_population')).toBe(1559);
    expect(await count('residents')).toBe(summary.residents);
    expect(await count('enrollments')).toBe(summary.enrollments);
    expect(await count('services')).toBe(summary.services);
    expect(summary.residents).toBeGreaterThan(800);
    expect(summary.services).toBeGreaterThan(500);
    const population = await t.db.kysely
      .selectFrom('org_population')
      .select((eb) => eb.fn.sum<number | string>('total').as('total'))
      .executeTakeFirstOrThrow();
    expect(Number(population.total)).toBe(summary.population);
  });

  it('stores exactly the rows the pure generator produces for the seed', async () => {
    const plan = planDemo(demoVillages(await listSubtree(t.db, WHOLE_TREE, '620800')), {
      seed: SEED,
      fraction: FRACTION,
    });
    const expected = [...demoBatches(plan, 300)].flatMap((b) => b.residents);
    const stored = await t.db.kysely
      .selectFrom('residents')
      .select(['record_no', 'id_number', 'name', 'birth_date', 'org_code', 'record_created', 'death_date'])
      .orderBy('id')
      .execute();
    expect(stored.map((r) => r.record_no)).toEqual(expected.map((r) => r.recordNo));
    expect(stored.slice(0, 50)).toEqual(
      expected.slice(0, 50).map((r) => ({
        record_no: r.recordNo,
        id_number: r.idNumber,
        name: r.name,
        birth_date: r.birthDate,
        org_code: r.orgCode,
        record_created: r.recordCreated,
        death_date: r.deathDate,
      })),
    );
  });

  it('reports progress per phase and ends with every record written', () => {
    expect([...new Set(phases.map((p) => p.phase))]).toEqual([
      'orgs',
      'population',
      'records',
      'funds',
      'reported',
    ]);
    const last = phases.filter((p) => p.phase === 'records').at(-1)!;
    expect(last.done).toBe(last.total);
    expect(last.total).toBe(summary.residents);
    expect(phases.filter((p) => p.phase === 'funds').at(-1)).toEqual({ phase: 'funds', done: 3, total: 3 });
    expect(phases.at(-1)).toEqual({ phase: 'reported', done: 1, total: 1 });
    expect(phases.filter((p) => p.phase === 'records').length).toBeGreaterThan(2);
  });

  it('stores the planted problems where the audits look for them', async () => {
    const duplicated = await t.db.kysely
      .selectFrom('residents')
      .select('id_number')
      .where('id_number', 'is not', null)
      .groupBy('id_number')
      .having((eb) => eb.fn.countAll(), '>', 1)
      .execute();
    expect(duplicated).toHaveLength(summary.planted.duplicateRecords);
    const armDiffs = await t.db.kysely
      .selectFrom('services')
      .select('id')
      .where('type', '=', 'elderly_checkup')
      .where('service_date', '>=', '2020-01-01')
      .where((eb) =>
        eb.or([eb('sbp_right', '>', eb('sbp', '+', 10)), eb('sbp_right', '<', eb('sbp', '-', 10))]),
      )
      .execute();
    expect(armDiffs).toHaveLength(summary.planted.armBpDifferences);
  });

  it('stores the teams and contracts the pure generator draws, each on the team of its village', async () => {
    const villages = demoVillages(await listSubtree(t.db, WHOLE_TREE, '620800'));
    const teams = demoTeams(villages, SEED);
    expect(summary.teams).toBe(teams.length);
    const stored = await listTeams(t.db.kysely, WHOLE_TREE);
    expect(stored.map((x) => x.code)).toEqual(teams.map((x) => x.code).sort());
    const generator = new DemoContractGenerator(SEED, teams);
    const plan = planDemo(villages, { seed: SEED, fraction: FRACTION });
    const expected = [...demoBatches(plan, 300)].flatMap((b) =>
      generator.contractsFor(b.residents, b.enrollments),
    );
    expect(summary.contracts).toBe(expected.length);
    expect(await countContracts(t.db.kysely, WHOLE_TREE)).toBe(expected.length);
    const rows = await findContracts(t.db.kysely, WHOLE_TREE, {}, { limit: 100_000, offset: 0 });
    const servedBy = new Map(stored.flatMap((x) => x.villages.map((v) => [v, x.code] as const)));
    for (const r of rows) expect(r.teamCode).toBe(servedBy.get(r.orgCode));
    expect(rows.filter((r) => r.renewal)).toHaveLength(expected.filter((d) => d.renews !== null).length);
    // The indicators read them: some key-population contracts hold at the cut-off.
    const [city] = await contractIndicatorsFor(t.db, WHOLE_TREE, parsePeriod('2020H1'));
    const key = city!.values.find((v) => v.id === 'contract_rate_key')!;
    expect(key.numerator).toBeGreaterThan(0);
    expect(key.numerator).toBeLessThan(key.denominator);
    // The demo batches maintained the facts: the catalogue's values equal the on-demand ones.
    const engine = await computeIndicatorValues(t.db, WHOLE_TREE, {
      orgCode: city!.orgCode,
      period: '2020H1',
      ids: city!.values.map((v) => `contracts.${v.id}`),
    });
    expect(engine.map((r) => [r.indicator, r.numerator, r.denominator])).toEqual(
      city!.values.map((v) => [`contracts.${v.id}`, v.numerator, v.denominator]),
    );
  });

  it('refuses a database that already holds records, and leaves it as it was', async () => {
    const before = await count('residents');
    await expect(generateDemo(t.db, { scale: 'small', seed: 1, fraction: FRACTION })).rejects.toBeInstanceOf(
      DemoDatabaseNotEmptyError,
    );
    expect(await count('residents')).toBe(before);
  });

  it('allocates 2020 at 74 yuan a resident and pays it so that a few centres are late and a few idle', async () => {
    const courses = Object.values(summary.funds.courses);
    const of = (c: string): number => courses.filter((x) => x === c).length;
    expect(of('slow')).toBeGreaterThanOrEqual(2);
    expect(of('idle')).toBeGreaterThanOrEqual(2);
    expect(of('short')).toBeGreaterThanOrEqual(1);
    const june = await readFundsStatus(t.db, WHOLE_TREE, {
      orgCode: '620800',
      year: 2020,
      asOf: '2020-06-30',
    });
    expect(june.allocation).toMatchObject({ perCapitaFen: 7400, allocatedOn: '2020-04-20' });
    expect(june.totals.amountFen).toBe(7400 * summary.population);
    expect(june.totals.lateUnits).toBe(of('slow') + of('short'));
    expect(june.totals.idleUnits).toBe(0);
    const december = await readFundsStatus(t.db, WHOLE_TREE, {
      orgCode: '620800',
      year: 2020,
      asOf: '2020-12-31',
    });
    expect(december.totals.lateUnits).toBe(of('short'));
    expect(december.totals.idleUnits).toBe(of('idle') + of('short'));
    for (const u of december.units.filter((x) => x.idle))
      expect(['idle', 'short']).toContain(summary.funds.courses[u.unitCode]);
  });

  it("settles 崆峒区's centres by their 2020H1 scores, and names the troubled centres in the bulletin's funds", async () => {
    const s = await readFundsStatus(t.db, WHOLE_TREE, { orgCode: '620800', year: 2020, asOf: '2020-12-31' });
    const kongtong = s.units.filter((u) => u.countyCode === '620802');
    expect(kongtong.length).toBeGreaterThan(5);
    for (const u of kongtong) {
      expect(u.score).toMatchObject({ runId: summary.funds.assessmentRunId, period: '2020H1' });
      expect(u.finalFen).toBe(u.advanceFen + u.settledFen!);
      expect(u.settledFen! + u.withheldFen!).toBe(u.settlementBaseFen);
    }
    expect(s.units.filter((u) => u.countyCode !== '620802').every((u) => u.score === null)).toBe(true);
    const funds = await databaseSources(t.db, WHOLE_TREE).funds!('620800', 2020, '2020-12-31');
    const idle = funds!.units.filter((u) => u.idle).map((u) => u.label);
    expect(idle.length).toBe(s.totals.idleUnits);
    for (const label of idle) expect(label).toMatch(/^(崆峒区|泾川县|灵台县|崇信县|华亭市|庄浪县|静宁县)/);
  });

  it('has every county report plausible rates for 2020Q2 and 2020H1, summed for the city', async () => {
    expect(summary.reported).toBe(7 * 12);
    const ids = [
      'infectious_disease.report_rate',
      'infectious_disease.timely_report_rate',
      'health_supervision.report_rate',
      'health_literacy.level',
    ];
    const rows = await computeIndicatorValues(t.db, WHOLE_TREE, {
      orgCode: '620800',
      period: '2020H1',
      depth: 1,
      ids,
    });
    const range: Record<string, [number, number]> = {
      'infectious_disease.report_rate': [0.95, 1],
      'infectious_disease.timely_report_rate': [0.9, 1],
      'health_supervision.report_rate': [0.9, 1],
      'health_literacy.level': [0.18, 0.252],
    };
    expect(rows).toHaveLength(8 * ids.length);
    for (const r of rows) {
      expect([r.org, r.indicator, r.source]).toEqual([
        r.org,
        r.indicator,
        r.level === 2 ? 'summed' : 'reported',
      ]);
      const [low, high] = range[r.indicator]!;
      expect(r.value!).toBeGreaterThanOrEqual(low);
      expect(r.value!).toBeLessThanOrEqual(high);
    }
  });
});
