import type { DbTarget } from '../db/database.js';

/**
 * How many reads a read worker runs at once: two, on either dialect. On PostgreSQL one
 * read's JavaScript runs while the other waits for the database, each on a connection of
 * its own. On SQLite a read holds its thread until it is done, but the second read is
 * already in the worker when the first ends: without it the worker sat idle until the busy
 * event loop had taken the first answer and handed over the next task (42–56 % of a worker's
 * time at 50 users, measured 7 December 2026; docs/performance.md).
 *
 * @example
 * readsPerWorker({ url: 'postgres://…' }); // 2
 * readsPerWorker({ file: 'gongwei.sqlite' }); // 2
 */
export function readsPerWorker(target: DbTarget): number {
  // The same on both since 7 December 2026 (fifth session); kept per target, as a pool of
  // connections (PostgreSQL) and a single one (SQLite) may come to differ again.
  return target.url || target.file ? 2 : 1;
}
