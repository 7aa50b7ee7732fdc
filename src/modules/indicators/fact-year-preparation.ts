/**
 * The preparation of a year's indicator facts in the background (ADR 0021): started by the
 * calendar (December for the next year, or this year when the server was down in December)
 * or by the first service of a year not maintained, and carried out in short transactions of
 * one batch of residents each, so that no writer waits more than one batch.
 */
import type { Db } from '../../db/database.js';
import { yearsToStartPreparing } from '../../domain/indicators/fact-year-preparation.js';
import { prepareYearBatch, RESIDENTS_PER_BATCH } from './fact-maintainer.js';
import { loadFactYears, loadYearsInPreparation, startPreparingYears } from './facts-repository.js';

/** Where the preparation of one year stands after a run. */
export interface YearPreparationProgress {
  readonly year: number;
  /** Every resident with an id up to this one has its facts for the year. */
  readonly preparedThrough: number;
  /** The year is maintained: reads now use its facts. */
  readonly complete: boolean;
  /** Batches run for this year in this run. */
  readonly batches: number;
}

/** How much one run may do. */
export interface PreparationBudget {
  /** Start no further batch after this many milliseconds (default 1 000; `Infinity` to finish); one batch a year runs in any case. */
  readonly milliseconds?: number;
  /** Residents per batch, i.e. per transaction (default {@link RESIDENTS_PER_BATCH}). */
  readonly batchSize?: number;
}

const yieldToOthers = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Starts the years the calendar says to prepare on `today`, then prepares the years being
 * prepared, oldest first, one batch per transaction, until they are complete or the budget
 * is spent. Between batches it yields, so that requests and other writers go first. Safe to
 * run again after a failure: each batch commits its place with its facts.
 *
 * @example
 * await prepareFactYears(db, '2026-12-01');                              // a server tick
 * await prepareFactYears(db, '2026-12-01', { milliseconds: Infinity }); // until done
 */
export async function prepareFactYears(
  db: Db,
  today: string,
  budget: PreparationBudget = {},
): Promise<YearPreparationProgress[]> {
  const deadline = performance.now() + (budget.milliseconds ?? 1000);
  const batchSize = budget.batchSize ?? RESIDENTS_PER_BATCH;
  await db.kysely.transaction().execute(async (trx) => {
    const preparing = (await loadYearsInPreparation(trx)).map((p) => p.year);
    await startPreparingYears(trx, yearsToStartPreparing(today, await loadFactYears(trx), preparing));
  });
  const progress: YearPreparationProgress[] = [];
  for (const { year } of await loadYearsInPreparation(db.kysely)) {
    // At least one batch per year and run, so that every run makes progress.
    let batches = 0;
    let step: { preparedThrough: number; complete: boolean };
    do {
      step = await db.kysely.transaction().execute(async (trx) => {
        // Read inside the transaction: another process may have advanced or finished it.
        const place = (await loadYearsInPreparation(trx)).find((p) => p.year === year);
        if (!place) return { preparedThrough: 0, complete: true };
        return prepareYearBatch(trx, year, place.preparedThrough, batchSize);
      });
      batches++;
      await yieldToOthers();
    } while (!step.complete && performance.now() < deadline);
    progress.push({ year, ...step, batches });
  }
  return progress;
}
