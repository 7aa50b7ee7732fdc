/**
 * The work the server repeats while it is up: the bulletin schedules, the push-plan
 * checkpoints, the preparation of a new year's indicator facts (ADR 0021) and the planner
 * statistics of tables written in bulk (PostgreSQL). Started by the composition root (`buildApp`, on by default; tests turn it
 * off), never by a module's routes, so a route file only answers requests.
 *
 * Each job's interval comes from its environment variable (`off` disables it, default one
 * minute); the jobs start when the server is ready and stop when it closes.
 */
import type { FastifyInstance } from 'fastify';
import type { Db } from '../db/database.js';
import { refreshPlannerStatistics } from '../db/planner-statistics.js';
import { localIsoDate } from '../modules/bulletins/local-date.js';
import { runDueSchedules } from '../modules/bulletins/run-schedules.js';
import { prepareFactYears } from '../modules/indicators/fact-year-preparation.js';
import { WHOLE_TREE } from '../modules/orgs/org-scope.js';
import {
  CHECKPOINT_RUN_MESSAGE,
  checkpointRunLog,
  runDueCheckpoints,
} from '../modules/targets/run-push-plan-checkpoints.js';
import { intervalFromEnv, repeatWhileUp } from './interval-job.js';

/** Environment variable of the milliseconds between bulletin schedule checks. */
export const BULLETIN_SCHEDULER_VARIABLE = 'GONGWEI_BULLETIN_SCHEDULER_MS';

/** Environment variable of the milliseconds between push-plan checkpoint runs. */
export const PUSH_PLAN_SCHEDULER_VARIABLE = 'GONGWEI_PUSH_PLAN_SCHEDULER_MS';

/**
 * Environment variable of the milliseconds between runs of the fact-year preparation
 * (default 5 s); each run prepares batches for up to {@link PREPARATION_RUN_MS}.
 */
export const FACT_YEAR_PREPARATION_VARIABLE = 'GONGWEI_FACT_YEAR_PREPARATION_MS';

/**
 * Environment variable of the milliseconds between checks of the planner statistics
 * (PostgreSQL; default one minute): tables written much since their statistics were
 * gathered are analysed, as autovacuum would if it is on and has got round to them.
 */
export const PLANNER_STATISTICS_VARIABLE = 'GONGWEI_PLANNER_STATISTICS_MS';

/** How long one run of the preparation may keep starting batches (each is one short transaction). */
const PREPARATION_RUN_MS = 1000;

/** Residents per preparation batch: a writer or a request waits at most one (tens of ms). */
const PREPARATION_BATCH = 500;

/**
 * Registers the background jobs on `app`: they start when it is ready and stop when it
 * closes. Each run is logged without personal data (ids, periods, dates, one-line errors).
 * The jobs act for the server itself, so they see the whole tree.
 *
 * @example
 * const app = Fastify();
 * registerBackgroundJobs(app, db); // GONGWEI_BULLETIN_SCHEDULER_MS=off turns the bulletin job off
 * await app.listen({ port: 3000 });
 */
export function registerBackgroundJobs(app: FastifyInstance, db: Db): void {
  repeatWhileUp(app, intervalFromEnv(BULLETIN_SCHEDULER_VARIABLE), 'bulletin schedules', async () => {
    for (const r of await runDueSchedules(db, WHOLE_TREE, new Date()))
      app.log.info(
        { schedule: r.scheduleId, period: r.period, bulletin: r.bulletinId, error: r.error },
        'bulletin schedule ran',
      );
  });

  repeatWhileUp(app, intervalFromEnv(PUSH_PLAN_SCHEDULER_VARIABLE), 'push-plan checkpoints', async () => {
    for (const run of await runDueCheckpoints(db, WHOLE_TREE, new Date())) {
      // Days that are no checkpoint, or already done, are not worth a log line every minute.
      const fields = checkpointRunLog(run);
      if (fields) app.log.info(fields, CHECKPOINT_RUN_MESSAGE);
    }
  });

  repeatWhileUp(
    app,
    intervalFromEnv(FACT_YEAR_PREPARATION_VARIABLE, 5000),
    'fact-year preparation',
    async () => {
      const now = new Date();
      for (const p of await prepareFactYears(db, localIsoDate(now), {
        milliseconds: PREPARATION_RUN_MS,
        batchSize: PREPARATION_BATCH,
      }))
        if (p.complete) app.log.info({ year: p.year }, 'indicator facts of the year prepared');
    },
  );

  repeatWhileUp(app, intervalFromEnv(PLANNER_STATISTICS_VARIABLE), 'planner statistics', async () => {
    const tables = await refreshPlannerStatistics(db);
    if (tables.length > 0) app.log.info({ tables }, 'planner statistics gathered');
  });
}
