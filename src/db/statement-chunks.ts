/**
 * Splitting long lists over several statements, so that no statement binds more parameters
 * than either dialect accepts. Repositories receive a transaction, not the Db, so they
 * cannot ask which dialect they run on: the smaller limit of the two is used everywhere.
 */
import { postgresDialect } from './dialects/postgres.js';
import { sqliteDialect } from './dialects/sqlite.js';

/** Parameters one statement may bind on both dialects. */
export const MAX_PARAMETERS = Math.min(sqliteDialect.maxParameters, postgresDialect.maxParameters);

/** Keys per lookup statement (`where x in (…)`, one parameter per key). */
export const KEYS_PER_LOOKUP = 2000;

/** Rows of `columns` bound parameters each that fit in one statement. */
export function rowsPerStatement(columns: number): number {
  return Math.max(1, Math.floor(MAX_PARAMETERS / columns));
}

/**
 * `items` in consecutive slices of at most `size`.
 *
 * @example
 * for (const part of chunks(ids, KEYS_PER_LOOKUP)) rows.push(...(await h.selectFrom('services').where('id', 'in', part).execute()));
 */
export function* chunks<T>(items: readonly T[], size: number): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}
