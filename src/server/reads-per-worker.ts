import type { DbTarget } from '../db/database.js';

/**
 * How many reads a read worker runs at once: on PostgreSQL two, each on a connection of its
 * own, so that one read's JavaScript runs while the other waits for the database; on SQLite
 * one, since a SQLite read holds its thread until it is done and a second would only wait
 * inside the worker, out of the pool's queue (where a dashboard could pass it).
 *
 * @example
 * readsPerWorker({ url: 'postgres://…' }); // 2
 * readsPerWorker({ file: 'gongwei.sqlite' }); // 1
 */
export function readsPerWorker(target: DbTarget): number {
  return target.url ? 2 : 1;
}
