/**
 * The server settings a PostgreSQL figure assumes (issue 12: "document the PostgreSQL
 * settings the figures assume"), read from the server the bench ran on and reported beside
 * the figures. SQLite's settings are the pragmas `openSqlite` sets, the same on every run.
 */
import { sql } from 'kysely';
import type { Db, DbTarget } from '../src/db/database.js';

/** The settings that move the bench's figures: memory, WAL and checkpoints, planner, parallelism. */
const REPORTED = [
  'server_version',
  'shared_buffers',
  'effective_cache_size',
  'work_mem',
  'maintenance_work_mem',
  'synchronous_commit',
  'wal_buffers',
  'max_wal_size',
  'checkpoint_timeout',
  'random_page_cost',
  'max_parallel_workers_per_gather',
  'jit',
  'autovacuum',
] as const;

/**
 * `name → value with unit` of the PostgreSQL server behind `target`; empty for SQLite.
 *
 * @example await databaseSettings(db, { url }) // { shared_buffers: '16384 × 8kB', … }
 */
export async function databaseSettings(db: Db, target: DbTarget): Promise<Record<string, string>> {
  if (target.url === undefined) return {};
  const { rows } = await sql<{ name: string; setting: string; unit: string | null }>`
    select name, setting, unit from pg_settings where name in (${sql.join([...REPORTED])})`.execute(
    db.kysely,
  );
  const out: Record<string, string> = {};
  for (const name of REPORTED) {
    const row = rows.find((r) => r.name === name);
    if (row) out[name] = row.unit ? `${row.setting} × ${row.unit}` : row.setting;
  }
  return out;
}
