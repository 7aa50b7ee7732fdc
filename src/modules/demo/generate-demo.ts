import { performance } from 'node:perf_hooks';
import { refreshPlannerStatistics } from '../../db/planner-statistics.js';
import type { Db } from '../../db/database.js';
import { GongweiError } from '../../domain/gongwei-error.js';
import { DEMO_CITY, DEMO_SCALES, type DemoScale } from './generator/calibration.js';
import { demoBatches } from './generator/demo-batches.js';
import { demoVillages } from './generator/demo-tree.js';
import { DEMO_FUNDS, planDemoPayments, type DemoFundsCourse } from './generator/funds.js';
import { planDemo } from './generator/plan.js';
import { planDemoReports } from './generator/reported.js';
import type { PlantedProblems } from './generator/village-records.js';
import { runAssessment } from '../assessment/run-assessment.js';
import { allocateFunds } from '../funding/allocate-funds.js';
import { recordDisbursements } from '../funding/record-disbursements.js';
import { importDivisionTree } from '../orgs/division-import.js';
import { enterReportedValues } from '../reported/enter-reported-values.js';
import { listSubtree } from '../orgs/org-repository.js';
import { WHOLE_TREE, findOrgLineage, rootOf, subtreeScope, type OrgScope } from '../orgs/org-scope.js';
import { upsertPopulation } from '../orgs/population-repository.js';
import { runAfterRecordsWrite, withMaintenanceDeferred } from '../records/after-write.js';
import { upsertEnrollments } from '../records/enrollments-repository.js';
import { upsertResidents } from '../records/residents-repository.js';
import { upsertServices } from '../records/services-repository.js';
import { countResidents } from './demo-repository.js';
import {
  contractIdsByNo,
  insertContracts,
  residentsByRecordNo,
  teamsByCode,
  upsertTeams,
  type ContractWrite,
} from '../contracts/contracts-repository.js';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { DemoContractGenerator, demoTeams, type DemoContractDraft } from './generator/contract-plan.js';

/** What `generateDemo` built. */
export interface DemoSummary {
  scale: DemoScale;
  seed: number;
  /** Orgs of the imported tree (Pingliang and everything below it). */
  orgs: number;
  residents: number;
  enrollments: number;
  services: number;
  /** Family-doctor teams and contracts (ADR 0018). */
  teams: number;
  contracts: number;
  /** Wall-clock seconds, import of the tree included. */
  seconds: number;
  /** Population of the synthetic city (sum over its villages). */
  population: number;
  /** The planted data problems, for the audits to find. */
  planted: PlantedProblems;
  /** Townships whose follow-up BP readings show terminal-digit preference. */
  digitPreferenceTownships: string[];
  /** The 2020 funds: centres allocated, payments recorded, each centre's course, the 2020H1 run. */
  funds: {
    units: number;
    payments: number;
    courses: Readonly<Record<string, DemoFundsCourse>>;
    assessmentRunId: number;
  };
  /** Reported values entered (notifiable diseases, health supervision, health literacy; 2020Q2 and 2020H1). */
  reported: number;
}

/** Options of `generateDemo`. */
export interface DemoOptions {
  scale: DemoScale;
  seed: number;
  /** Called as work advances: phase 'orgs' | 'population' | 'records' | 'funds' | 'reported', done of total. */
  onProgress?: (phase: string, done: number, total: number) => void;
  /** Overrides the scale's share of the real city (tests use ~1/500 to run in seconds). */
  fraction?: number;
  /** Residents per written batch (one transaction each); default 10,000. */
  residentsPerBatch?: number;
}

/**
 * Thrown when the database already holds records: the demo only fills an empty database.
 * A `conflict` (the request contradicts what is stored).
 */
export class DemoDatabaseNotEmptyError extends GongweiError {
  override readonly name = 'DemoDatabaseNotEmptyError';
  constructor(readonly residents: number) {
    super('conflict', {
      zh: `数据库已有${residents}份档案，演示数据只写入空数据库`,
      en: `the database already holds ${residents} resident records; the demo only fills an empty database: use a new file`,
    });
  }
}

/**
 * Builds the synthetic Pingliang (620800) of the first half of 2020 on the real division
 * tree, calibrated to the Q2 2020 bulletin, through the same repositories a user's import
 * uses: the tree (`importDivisionTree`), village populations (`upsertPopulation`), then
 * residents, enrolments and services (`upsertResidents`/`upsertEnrollments`/`upsertServices`)
 * in batches of whole villages, one transaction per batch. Deterministic for a seed.
 *
 * @example
 * const summary = await generateDemo(db, { scale: 'small', seed: 2020 });
 */
export async function generateDemo(db: Db, options: DemoOptions): Promise<DemoSummary> {
  const started = performance.now();
  const progress = options.onProgress ?? ((): void => undefined);
  // The whole database must be empty, whoever asks: the demo writes a whole city.
  const existing = await countResidents(db.kysely, WHOLE_TREE);
  if (existing > 0) throw new DemoDatabaseNotEmptyError(existing);

  progress('orgs', 0, 1);
  const tree = await importDivisionTree(db, DEMO_CITY.code);
  progress('orgs', 1, 1);

  // The demo writes into the city it has just imported, and nowhere else.
  const city = await findOrgLineage(db.kysely, DEMO_CITY.code);
  const scope = subtreeScope(rootOf(city!));
  const villages = demoVillages(await listSubtree(db, scope, DEMO_CITY.code));
  const plan = planDemo(villages, {
    seed: options.seed,
    fraction: options.fraction ?? DEMO_SCALES[options.scale],
  });
  progress('population', 0, plan.population.length);
  await db.kysely.transaction().execute((trx) => upsertPopulation(trx, scope, plan.population));
  progress('population', plan.population.length, plan.population.length);

  // One or two family-doctor teams per township centre, before the contracts that name them.
  const teams = demoTeams(villages, options.seed);
  const teamIds = await db.kysely.transaction().execute(async (trx) => {
    await upsertTeams(trx, teams);
    const stored = await teamsByCode(
      trx,
      scope,
      teams.map((t) => t.code),
    );
    return new Map([...stored].map(([code, t]) => [code, t.id]));
  });
  const contractGenerator = new DemoContractGenerator(options.seed, teams);
  let contracts = 0;

  const total = plan.villages.reduce((s, v) => s + v.births.length + v.duplicates + v.dead + v.movedOut, 0);
  let residents = 0;
  let enrollments = 0;
  let services = 0;
  let planted: PlantedProblems | undefined;
  progress('records', 0, total);
  for (const batch of demoBatches(plan, options.residentsPerBatch ?? 10_000, (p) => (planted = p))) {
    // Indicator facts are maintained once per batch, not after each of the three writes.
    await db.kysely.transaction().execute((trx) =>
      withMaintenanceDeferred(trx, async () => {
        await upsertResidents(trx, scope, batch.residents);
        await upsertEnrollments(trx, scope, batch.enrollments);
        // Some follow-ups were stored before the death was known: kept, for the audits to find.
        await upsertServices(trx, scope, batch.services, { beyondLife: 'keep' });
        const drafts = contractGenerator.contractsFor(batch.residents, batch.enrollments);
        contracts += await writeDemoContracts(trx, scope, drafts, teamIds);
      }),
    );
    // The tables grow tenfold and more while the city is written: without fresh statistics
    // PostgreSQL reads the next batch's 10 000 residents by scanning whole tables.
    await refreshPlannerStatistics(db);
    residents += batch.residents.length;
    enrollments += batch.enrollments.length;
    services += batch.services.length;
    progress('records', residents, total);
  }

  const funds = await demoFunds(db, scope, options.seed, progress);

  // What the counties report from other systems and the survey, entered as a bureau enters it.
  progress('reported', 0, 1);
  const countyPopulation = new Map<string, number>();
  for (const p of plan.population)
    if (p.orgCode.length === 12) {
      const county = p.orgCode.slice(0, 6);
      countyPopulation.set(county, (countyPopulation.get(county) ?? 0) + p.total);
    }
  const reports = planDemoReports(
    [...countyPopulation].map(([code, population]) => ({ code, population })),
    options.seed,
  );
  await enterReportedValues(db, scope, reports, { by: 'demo', at: '2020-07-08T08:00:00.000Z' });
  progress('reported', 1, 1);
  await refreshPlannerStatistics(db);

  return {
    scale: options.scale,
    seed: options.seed,
    orgs: tree.orgs,
    residents,
    enrollments,
    services,
    teams: teams.length,
    contracts,
    seconds: Math.round((performance.now() - started) / 100) / 10,
    population: plan.population.reduce((s, p) => s + p.total, 0),
    planted: planted!,
    digitPreferenceTownships: plan.digitPreferenceTownships,
    funds,
    reported: reports.length,
  };
}

/**
 * The city's 2020 allocation at the 2020 standard (74 yuan), the year's payments (a few late,
 * a few idle) and the 2020H1 assessment of one county's township centres by the default
 * scheme, through the same use-cases a bureau uses, so the settlement has scores to read.
 */
async function demoFunds(
  db: Db,
  scope: OrgScope,
  seed: number,
  progress: (phase: string, done: number, total: number) => void,
): Promise<DemoSummary['funds']> {
  const who = { by: 'demo', at: `${DEMO_FUNDS.allocatedOn}T08:00:00.000Z` };
  progress('funds', 0, 3);
  const { allocation } = await allocateFunds(
    db,
    scope,
    {
      orgCode: DEMO_CITY.code,
      year: DEMO_FUNDS.year,
      allocatedOn: DEMO_FUNDS.allocatedOn,
      advanceShareBp: DEMO_FUNDS.advanceShareBp,
    },
    who,
  );
  progress('funds', 1, 3);
  const counties = new Map(allocation.counties.map((c) => [c.code, c.name]));
  const plan = planDemoPayments(allocation.units, counties, seed);
  if (plan.payments.length > 0)
    await recordDisbursements(db, scope, { orgCode: DEMO_CITY.code, year: DEMO_FUNDS.year }, plan.payments, {
      by: 'demo',
      at: '2020-12-31T08:00:00.000Z',
    });
  progress('funds', 2, 3);
  const assessmentRunId = await runAssessment(
    db,
    scope,
    { schemeCode: 'national-basic', orgCode: DEMO_FUNDS.assessedCounty, period: DEMO_FUNDS.assessedPeriod },
    { by: 'demo', at: '2020-07-10T08:00:00.000Z' },
  );
  progress('funds', 3, 3);
  return {
    units: allocation.units.length,
    payments: plan.payments.length,
    courses: Object.fromEntries(plan.courses),
    assessmentRunId,
  };
}

/**
 * Stores a batch's contracts: the first signings in bulk, then the renewals with the ids of
 * the contracts they continue; answers how many were stored.
 */
async function writeDemoContracts(
  trx: Kysely<Database>,
  scope: OrgScope,
  drafts: readonly DemoContractDraft[],
  teamIds: ReadonlyMap<string, number>,
): Promise<number> {
  if (drafts.length === 0) return 0;
  const residents = await residentsByRecordNo(
    trx,
    scope,
    drafts.map((d) => d.recordNo),
  );
  const now = new Date().toISOString();
  // Every drafted resident was written in this batch; a lookup that misses would be a bug of
  // the generator, and its contract is left out rather than stored without a resident.
  const stored = drafts.filter((d) => residents.has(d.recordNo));
  const write = (d: DemoContractDraft, previousContractId: number | null): ContractWrite => {
    const resident = residents.get(d.recordNo)!;
    return {
      contractNo: d.contractNo,
      countyCode: resident.countyCode,
      orgCode: resident.orgCode,
      residentId: resident.id,
      teamId: teamIds.get(d.teamCode)!,
      signedDate: d.signedDate,
      endDate: d.endDate,
      packageCode: d.packageCode,
      keyPopulations: d.keyPopulations,
      disabled: d.disabled,
      previousContractId,
      terminatedDate: null,
      terminationReason: null,
    };
  };
  await insertContracts(
    trx,
    stored.filter((d) => d.renews === null).map((d) => write(d, null)),
    now,
  );
  const renewals = stored.filter((d) => d.renews !== null);
  const ids = await contractIdsByNo(
    trx,
    renewals.map((d) => d.renews!),
  );
  await insertContracts(
    trx,
    renewals.map((d) => write(d, ids.get(d.renews!)!)),
    now,
  );
  // The contract terms are part of the indicator facts (ADR 0018): inside the batch's
  // withMaintenanceDeferred this only adds the residents to the batch's one maintenance.
  await runAfterRecordsWrite(trx, {
    residentIds: [...new Set(stored.map((d) => residents.get(d.recordNo)!.id))],
    activityOrgCodes: [],
  });
  return stored.length;
}
