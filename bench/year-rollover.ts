/**
 * The year rollover (issue 12, ADR 0021), measured last because it adds a year to the
 * bench's database: the first service of a year not prepared, written as the server writes
 * it (its own resident only), the preparation of the year in batches as the server's job
 * runs them, then a write and a read once the year is maintained.
 */
import { asServerDatabase } from '../src/composition/maintained-database.js';
import type { Db } from '../src/db/database.js';
import type { ServiceInput } from '../src/domain/records/inputs.js';
import { prepareFactYears } from '../src/modules/indicators/fact-year-preparation.js';
import { computeIndicatorValues } from '../src/modules/indicators/indicator-values.js';
import { WHOLE_TREE } from '../src/modules/orgs/org-scope.js';
import { upsertServices } from '../src/modules/records/services-repository.js';
import type { BenchFigure } from './bench-section.js';

/** Residents per preparation batch, as the server runs them. */
const BATCH = 500;

function followUp(serviceNo: string, recordNo: string, date: string): ServiceInput {
  return {
    serviceNo,
    recordNo,
    type: 'hypertension_followup',
    serviceDate: date,
    orgCode: null,
    institution: null,
    doctor: null,
    payload: {
      visitMode: 'clinic',
      sbp: 128,
      dbp: 78,
      heartRate: null,
      controlled: true,
      guidance: true,
      medicationAdherence: null,
      symptoms: null,
    },
  } as ServiceInput;
}

/**
 * Measures the rollover into `year` (a year without services in the database) for the
 * city `rootCode`, with follow-ups of its hypertension patients `recordNos` (two patients).
 */
export async function measureYearRollover(
  db: Db,
  rootCode: string,
  recordNos: readonly [string, string],
  year: number,
): Promise<BenchFigure[]> {
  const served = asServerDatabase(db);
  const write = async (no: string, recordNo: string, date: string): Promise<number> => {
    const started = performance.now();
    await served.kysely
      .transaction()
      .execute((trx) => upsertServices(trx, WHOLE_TREE, [followUp(no, recordNo, date)]));
    return performance.now() - started;
  };
  const figures: BenchFigure[] = [];
  const firstWrite = await write('BENCH-NEWYEAR-1', recordNos[0], `${year}-01-01`);
  figures.push({
    name: `year rollover: first write of ${year}, year not prepared (transaction)`,
    value: firstWrite,
    unit: 'ms',
    goal: '≤ 50',
  });

  let batches = 0;
  let longest = 0;
  const started = performance.now();
  for (;;) {
    const batchStarted = performance.now();
    const [progress] = await prepareFactYears(db, `${year}-01-01`, { milliseconds: 0, batchSize: BATCH });
    longest = Math.max(longest, performance.now() - batchStarted);
    batches++;
    if (!progress || progress.complete) break;
  }
  figures.push({
    name: `year rollover: preparation of ${year} in all (${batches} batches of ${BATCH})`,
    value: performance.now() - started,
    unit: 'ms',
  });
  figures.push({
    name: 'year rollover: longest preparation batch (a writer waits at most this)',
    value: longest,
    unit: 'ms',
  });

  const read = async (): Promise<number> =>
    (
      await computeIndicatorValues(db, WHOLE_TREE, {
        orgCode: rootCode,
        period: `${year}-01`,
        ids: ['hypertension.control_rate'],
      })
    )[0]!.numerator;
  const before = await read();
  const writeStarted = performance.now();
  const written = await write('BENCH-NEWYEAR-2', recordNos[1], `${year}-01-02`);
  const after = await read();
  figures.push({
    name: `year rollover: write on 2 January, year prepared (transaction)`,
    value: written,
    unit: 'ms',
    goal: '≤ 50',
  });
  figures.push({
    name: 'year rollover: recorded → read in city value (prepared year)',
    value: after === before + 1 ? performance.now() - writeStarted : Number.NaN,
    unit: 'ms',
    goal: '≤ 1000',
  });
  // The same first write computed for everybody at once, as the CLI does (and the server did
  // before ADR 0021), into the year after: the comparison of this run.
  const atOnceStarted = performance.now();
  await db.kysely
    .transaction()
    .execute((trx) =>
      upsertServices(trx, WHOLE_TREE, [followUp('BENCH-NEWYEAR-3', recordNos[0], `${year + 1}-01-01`)]),
    );
  const atOnce = performance.now() - atOnceStarted;
  figures.push({
    name: `year rollover: first write of ${year + 1} computed at once (transaction)`,
    value: atOnce,
    unit: 'ms',
  });
  figures.push({
    name: 'year rollover: ratio at once / prepared in the background (first write)',
    value: atOnce / firstWrite,
    unit: '×',
  });
  return figures.map((f) => ({ ...f, value: Math.round(f.value * 10) / 10 }));
}
