/**
 * The one place the after-write maintainers are assembled. Every composition root — the
 * server (src/server/serve-command.ts), the CLI (withDb in src/cli/command-context.ts), the
 * bench (bench/main.ts) and the test harness (test/databases.ts) — opens its database here,
 * so every write path (import, REST, demo, merge) keeps the derived state fresh, and the
 * records module runs the maintainers without importing the modules that define them.
 */
import { openDatabase, type Db, type DbTarget, type OpenOptions } from '../db/database.js';
import { followFactDefinitions } from '../modules/indicators/fact-definitions-check.js';
import { indicatorFactsMaintainer, maintainIndicatorFacts } from '../modules/indicators/fact-maintainer.js';
import { withRecordsMaintainers, type AfterRecordsWrite } from '../modules/records/after-write.js';

/** The maintainers every records write runs, in this order. */
export const RECORDS_MAINTAINERS: readonly AfterRecordsWrite[] = [maintainIndicatorFacts];

/**
 * The maintainers of the server's writes: the same, except that a service in a year not
 * maintained yet starts its preparation in the background instead of computing it for
 * every resident while other writers wait (ADR 0021; the server's preparation job,
 * src/server/background-jobs.ts, completes it).
 */
export const SERVER_RECORDS_MAINTAINERS: readonly AfterRecordsWrite[] = [
  indicatorFactsMaintainer('in-background'),
];

/**
 * The database as the server writes to it: {@link SERVER_RECORDS_MAINTAINERS} installed.
 *
 * @example
 * const app = await buildApp({ db: asServerDatabase(db) });
 */
export function asServerDatabase(db: Db): Db {
  return withRecordsMaintainers(db, SERVER_RECORDS_MAINTAINERS);
}

/**
 * Opens the database (applying pending migrations) with the records maintainers installed,
 * and prepares the indicator facts again when they were computed by other definitions.
 * `options.create: false` refuses an SQLite file that does not exist (see {@link OpenOptions}).
 *
 * @example
 * const db = await openMaintainedDatabase(resolveDbTarget(options.db));
 * try { … } finally { await db.close(); }
 */
export async function openMaintainedDatabase(target: DbTarget, options: OpenOptions = {}): Promise<Db> {
  const db = withRecordsMaintainers(await openDatabase(target, options), RECORDS_MAINTAINERS);
  // Facts computed by other definitions (an upgrade changed a term) are prepared again and
  // read from the records meanwhile: never an answer by rules the code no longer has.
  const { yearsPreparedAgain } = await followFactDefinitions(db);
  if (yearsPreparedAgain.length > 0)
    process.stderr.write(
      `指标定义已更新：${yearsPreparedAgain.join('、')}年的指标事实将重新计算（服务运行时在后台完成，或运行 gongwei indicators-recompute），其间按原始记录计算。\n` +
        `indicator definitions changed: the facts of ${yearsPreparedAgain.join(', ')} are prepared again (the server does it in the background, or run gongwei indicators-recompute); answers are computed from the records meanwhile.\n`,
    );
  return db;
}
