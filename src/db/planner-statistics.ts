/**
 * Keeping the PostgreSQL planner's statistics up to date after bulk writes. Without them the
 * planner guesses: after the demo city was generated on a server with autovacuum off, a
 * lookup of 2 000 residents' memberships by primary key was planned as a scan of the whole
 * table (0.3 s at county scale, ~1 s at city scale, for every batch of an import). Autovacuum
 * would gather them some time after the load, and not at all where it is off; the bulk
 * writers (demo, import, year preparation) and the server's background job gather them as
 * soon as a table has changed by autovacuum's own measure. SQLite keeps no statistics
 * (see `SqlDialect.plannerStatistics`): there this does nothing.
 */
import type { Db } from './database.js';

/**
 * Gathers the statistics of every table of the database's schema whose rows changed by more
 * than autovacuum's threshold since they were last gathered; returns the tables analysed
 * (none on SQLite). Cheap when nothing is stale (one read of the server's counters). Run
 * outside a transaction: ANALYZE blocks no reader or writer but holds its lock to the end.
 *
 * @example
 * await importFile(db, scope, 'services', file, {});
 * await refreshPlannerStatistics(db); // ['indicator_memberships', 'services', …]
 */
export async function refreshPlannerStatistics(db: Db): Promise<string[]> {
  const statistics = db.dialect.plannerStatistics;
  if (statistics === null) return [];
  const { rows } = await statistics.stale().execute(db.kysely);
  const tables = rows.map((r) => r.table_name);
  for (const table of tables) await statistics.gather(table).execute(db.kysely);
  return tables;
}
