/**
 * `npm run bench -- [--scale small|county|city] [--json FILE] [--db PATH|postgres://…] [--seed N] [--keep]`
 *
 * Generates the demo city at a scale (the demo generator when it is there, else the bench
 * fixture), then measures: import rows/s, the full indicator table (every indicator × every
 * org × one period; median of runs), the plain SQL recomputation of the same table and the
 * ratio, the latency from recording one follow-up to seeing it in the city value, peak RSS,
 * and every section listed in bench/sections.ts. Prints a table and writes JSON.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Command } from 'commander';
import pg from 'pg';
import { openMaintainedDatabase } from '../src/composition/maintained-database.js';
import type { Db, DbTarget } from '../src/db/database.js';
import type { ServiceInput } from '../src/domain/records/inputs.js';
import type { ImportReport } from '../src/domain/import/import-report.js';
import { importFile } from '../src/modules/import/import-file.js';
import { WHOLE_TREE } from '../src/modules/orgs/org-scope.js';
import { recomputeAllFacts } from '../src/modules/indicators/fact-maintainer.js';
import { computeIndicatorValuesBaseline } from '../src/modules/indicators/indicator-baseline.js';
import { loadFactYears } from '../src/modules/indicators/facts-repository.js';
import { computeIndicatorValues } from '../src/modules/indicators/indicator-values.js';
import { upsertServices } from '../src/modules/records/services-repository.js';
import { generateBenchCity, type BenchScale } from './bench-city.js';
import { reportBench } from './bench-report.js';
import { databaseSettings } from './database-settings.js';
import { BENCH_SECTIONS, type BenchFigure } from './sections.js';
import { measureYearRollover } from './year-rollover.js';

interface Options {
  scale: BenchScale;
  json?: string;
  db?: string;
  seed: string;
  runs: string;
  data: 'demo' | 'fixture';
  keep?: boolean;
}

const PERIOD = '2020Q2';

function ms(since: number): number {
  return Math.round((performance.now() - since) * 10) / 10;
}

/** Peak resident memory so far (MB): recorded after each phase to see which one raised it. */
function peakMb(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function openBenchDb(
  options: Options,
): Promise<{ db: Db; target: DbTarget; cleanup: () => Promise<void> }> {
  const url =
    options.db && /^postgres(ql)?:\/\//.test(options.db)
      ? options.db
      : !options.db
        ? process.env.DATABASE_URL
        : undefined;
  if (url) {
    const schema = `gw_bench_${process.pid}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    await admin.end();
    const db = await openMaintainedDatabase({ url, schema });
    return {
      db,
      target: { url, schema },
      cleanup: async () => {
        await db.close();
        if (options.keep) {
          process.stderr.write(`kept schema ${schema}: bench/section.ts --db ${url} --schema ${schema}\n`);
          return;
        }
        const c = new pg.Client({ connectionString: url });
        await c.connect();
        await c.query(`drop schema if exists ${schema} cascade`);
        await c.end();
      },
    };
  }
  const file = options.db ?? join('data', `bench-${options.scale}.sqlite`);
  for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
  mkdirSync(dirname(file), { recursive: true });
  const db = await openMaintainedDatabase({ file });
  return { db, target: { file }, cleanup: () => db.close() };
}

type DemoModule = {
  generateDemo(
    db: Db,
    options: {
      scale: BenchScale;
      seed: number;
      onProgress?: (phase: string, done: number, total: number) => void;
    },
  ): Promise<unknown>;
};

/** The demo generator when it has landed (contract 3), else null. */
async function demoGenerator(): Promise<DemoModule | null> {
  const path = '../src/modules/demo/generate-demo.js';
  try {
    const mod = (await import(path)) as Partial<DemoModule>;
    return typeof mod.generateDemo === 'function' ? (mod as DemoModule) : null;
  } catch {
    return null;
  }
}

/** A refused import measured only its validation: the bench stops rather than print that as throughput. */
function mustHaveLanded(report: ImportReport): void {
  if (report.landed) return;
  const first = report.rejections[0];
  throw new Error(
    `the bench's import was refused (${report.rejected} rows${first ? `, e.g. row ${first.row} ${first.field}: ${first.reason.en}` : ''})`,
  );
}

async function main(): Promise<void> {
  const options = new Command('bench')
    .option('--scale <scale>', 'small | county | city', 'small')
    .option('--json <file>', 'write the figures as JSON to this file')
    .option(
      '--db <path>',
      'SQLite file (recreated) or postgres:// URL (a fresh schema); default DATABASE_URL or data/bench-<scale>.sqlite',
    )
    .option('--seed <n>', 'random seed', '2020')
    .option(
      '--keep',
      'PostgreSQL: keep the schema the bench generated (its name is printed), for bench/section.ts --schema',
    )
    .option('--runs <n>', 'runs of the full table (median)', '5')
    .option(
      '--data <source>',
      'demo (the demo generator, default when available) | fixture (bulk bench fixture)',
      'demo',
    )
    .parse(process.argv)
    .opts<Options>();
  if (!['small', 'county', 'city'].includes(options.scale))
    throw new Error(`--scale must be small, county or city`);
  const { db, target, cleanup } = await openBenchDb(options);
  const figures: BenchFigure[] = [];
  const log = (line: string): void => void process.stderr.write(`${line}\n`);
  try {
    let started = performance.now();
    const demo = options.data === 'fixture' ? null : await demoGenerator();
    let rootCode = '620800';
    if (demo) {
      log(`generating the demo (${options.scale}) …`);
      await demo.generateDemo(db, {
        scale: options.scale,
        seed: Number(options.seed),
        onProgress: (phase) => log(`  ${phase}`),
      });
    } else {
      log(`demo generator not available: generating the bench fixture (${options.scale}) …`);
      const summary = await generateBenchCity(db, options.scale, Number(options.seed), (phase) =>
        log(`  ${phase}`),
      );
      rootCode = summary.rootCode;
      figures.push({ name: 'fixture residents', value: summary.residents, unit: 'rows' });
      figures.push({ name: 'fixture services', value: summary.services, unit: 'rows' });
    }
    figures.push({ name: `generate data (${demo ? 'demo' : 'fixture'})`, value: ms(started), unit: 'ms' });
    figures.push({ name: 'peak RSS after generation', value: peakMb(), unit: 'MB' });
    if ((await loadFactYears(db.kysely)).length === 0) {
      started = performance.now();
      await recomputeAllFacts(db);
      figures.push({ name: 'recompute all facts (existing data)', value: ms(started), unit: 'ms' });
      figures.push({ name: 'peak RSS after recompute', value: peakMb(), unit: 'MB' });
    }
    const counts = await db.kysely
      .selectFrom('services')
      .select((eb) => [eb.fn.countAll<number>().as('n')])
      .executeTakeFirstOrThrow();
    const residents = await db.kysely
      .selectFrom('residents')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    figures.push({ name: 'residents', value: Number(residents.n), unit: 'rows' });
    figures.push({ name: 'services', value: Number(counts.n), unit: 'rows' });

    // The full table: every indicator × every org at every level × one period.
    const query = { orgCode: rootCode, period: PERIOD, depth: 4 };
    const runs: number[] = [];
    let cells = 0;
    for (let i = 0; i < Number(options.runs); i++) {
      started = performance.now();
      cells = (await computeIndicatorValues(db, WHOLE_TREE, query)).length;
      runs.push(ms(started));
    }
    const full = median(runs);
    figures.push({ name: 'full indicator table cells', value: cells, unit: 'cells' });
    figures.push({
      name: 'full indicator table (median)',
      value: full,
      unit: 'ms',
      goal: '≤ 2000 at city scale',
    });

    const baselineRuns: number[] = [];
    for (let i = 0; i < (options.scale === 'small' ? 3 : 1); i++) {
      started = performance.now();
      await computeIndicatorValuesBaseline(db, WHOLE_TREE, query);
      baselineRuns.push(ms(started));
    }
    const baseline = median(baselineRuns);
    figures.push({ name: 'plain SQL recomputation (baseline)', value: baseline, unit: 'ms' });
    figures.push({
      name: 'ratio baseline / engine',
      value: Math.round((baseline / full) * 10) / 10,
      unit: '×',
      goal: '≥ 20',
    });

    // Import: a CSV of hypertension follow-ups through the import module (validation, writers, facts).
    const patients = await db.kysely
      .selectFrom('enrollments as e')
      .innerJoin('residents as r', 'r.id', 'e.resident_id')
      .select('r.record_no')
      .where('e.program', '=', 'hypertension')
      // Follow-ups the import accepts on any day of the half-year: enrolled and on record
      // from before it, neither dead nor moved out in it (an import of a dead person's
      // follow-up is refused whole, and a refused import measures nothing).
      .where('e.start_date', '<=', '2020-01-01')
      .where((eb) => eb.or([eb('e.end_date', 'is', null), eb('e.end_date', '>=', '2020-06-30')]))
      .where('r.record_created', '<=', '2020-01-01')
      .where((eb) => eb.or([eb('r.death_date', 'is', null), eb('r.death_date', '>', '2020-06-30')]))
      .where((eb) => eb.or([eb('r.moved_out_date', 'is', null), eb('r.moved_out_date', '>', '2020-06-30')]))
      .limit(options.scale === 'small' ? 5000 : 50_000)
      .execute();
    const csv = join(tmpdir(), `gongwei-bench-${process.pid}.csv`);
    const lines = ['服务编号,档案编号,服务类型,服务日期,收缩压,舒张压,控制情况,健康指导'];
    patients.forEach((p, i) =>
      lines.push(
        `BENCH${i},${p.record_no},高血压随访,2020-06-${String(21 + (i % 9)).padStart(2, '0')},${120 + (i % 40)},${70 + (i % 30)},,${i % 2 ? '是' : '否'}`,
      ),
    );
    writeFileSync(csv, lines.join('\n'));
    started = performance.now();
    const report = await importFile(db, WHOLE_TREE, 'services', csv, {});
    const importMs = ms(started);
    mustHaveLanded(report);
    rmSync(csv, { force: true });
    figures.push({ name: 'import rows (services CSV)', value: report.rowsRead, unit: 'rows' });
    figures.push({
      name: 'import throughput',
      value: Math.round(report.rowsRead / (importMs / 1000)),
      unit: 'rows/s',
      goal: '≥ 50000',
    });

    // Freshness: a controlled follow-up on the period end for a patient with no controlled one
    // this year (so the city's control numerator must rise by one), until the city value shows it.
    const patient = await db.kysely
      .selectFrom('residents as r')
      .innerJoin('enrollments as e', 'e.resident_id', 'r.id')
      .select('r.record_no')
      .where('e.program', '=', 'hypertension')
      .where('e.start_date', '<=', '2020-03-01')
      .where('e.end_date', 'is', null)
      .where('r.death_date', 'is', null)
      .where('r.moved_out_date', 'is', null)
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('services as s')
              .select('s.id')
              .whereRef('s.resident_id', '=', 'r.id')
              .where('s.type', '=', 'hypertension_followup')
              .where('s.service_date', '>=', '2020-01-01')
              .where((w) =>
                w.or([w('s.controlled', '=', 1), w.and([w('s.sbp', '<', 140), w('s.dbp', '<', 90)])]),
              ),
          ),
        ),
      )
      .executeTakeFirst();
    if (patient) {
      const cityControl = async (): Promise<number> =>
        (
          await computeIndicatorValues(db, WHOLE_TREE, {
            orgCode: rootCode,
            period: PERIOD,
            ids: ['hypertension.control_rate'],
          })
        )[0]!.numerator;
      const before = await cityControl();
      started = performance.now();
      const followup = {
        serviceNo: 'BENCH-FRESH',
        recordNo: patient.record_no,
        type: 'hypertension_followup',
        serviceDate: '2020-06-30',
        orgCode: null,
        institution: null,
        doctor: null,
        payload: {
          sbp: 124,
          dbp: 78,
          heartRate: null,
          controlled: true,
          guidance: false,
          medicationAdherence: null,
          symptoms: null,
        },
      } as ServiceInput;
      await db.kysely.transaction().execute((trx) => upsertServices(trx, WHOLE_TREE, [followup]));
      const written = ms(started);
      let after = await cityControl();
      while (after !== before + 1 && performance.now() - started < 60_000) after = await cityControl();
      figures.push({ name: 'freshness: write one follow-up (transaction)', value: written, unit: 'ms' });
      figures.push({
        name: 'freshness: recorded → visible in city value',
        value: after === before + 1 ? ms(started) : Number.NaN,
        unit: 'ms',
        goal: '≤ 1000',
      });
    }

    figures.push({ name: 'peak RSS after indicators, import, freshness', value: peakMb(), unit: 'MB' });
    for (const section of BENCH_SECTIONS) {
      log(`section ${section.name} …`);
      figures.push(...(await section.run({ db, target, rootCode, period: PERIOD, scale: options.scale })));
      // Peak so far: the first section after which it rises is the one that raised it.
      figures.push({ name: `peak RSS after section ${section.name}`, value: peakMb(), unit: 'MB' });
    }
    // The import again at a fixed 50 000 rows at every scale (several follow-ups per
    // patient), last because it changes the data the sections read. A small file mostly
    // measures the import's fixed cost (rewriting the tallies of every village it touches,
    // once), a large one the cost per row.
    const bulk = ['服务编号,档案编号,服务类型,服务日期,收缩压,舒张压,控制情况,健康指导'];
    for (let i = 0; i < 50_000; i++) {
      const p = patients[i % patients.length]!;
      const month = String(1 + (i % 6)).padStart(2, '0');
      const day = String(1 + ((i * 7) % 28)).padStart(2, '0');
      bulk.push(
        `BENCHL${i},${p.record_no},高血压随访,2020-${month}-${day},${120 + (i % 40)},${70 + (i % 30)},,${i % 2 ? '是' : '否'}`,
      );
    }
    const bulkCsv = join(tmpdir(), `gongwei-bench-bulk-${process.pid}.csv`);
    writeFileSync(bulkCsv, bulk.join('\n'));
    started = performance.now();
    const bulkReport = await importFile(db, WHOLE_TREE, 'services', bulkCsv, {});
    const bulkMs = ms(started);
    mustHaveLanded(bulkReport);
    rmSync(bulkCsv, { force: true });
    figures.push({
      name: `import throughput, ${bulkReport.rowsRead} rows`,
      value: Math.round(bulkReport.rowsRead / (bulkMs / 1000)),
      unit: 'rows/s',
      goal: '≥ 50000',
    });

    // Last of all: it adds the next year to the database.
    if (patients[1])
      figures.push(
        ...(await measureYearRollover(db, rootCode, [patients[0]!.record_no, patients[1].record_no], 2021)),
      );

    figures.push({
      name: 'peak RSS',
      value: peakMb(),
      unit: 'MB',
      goal: '≤ 1024',
    });

    const result = {
      scale: options.scale,
      dialect: db.dialect.name,
      data: demo ? 'demo' : 'fixture',
      period: PERIOD,
      figures,
      settings: await databaseSettings(db, target),
    };
    reportBench(result, options.json);
  } finally {
    await cleanup();
  }
}

await main();
