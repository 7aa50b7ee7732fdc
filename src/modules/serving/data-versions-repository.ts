/**
 * SQL of the data versions (migration 009, ADR 0014): counters the database's triggers
 * advance in every transaction that writes what the indicator table is computed from.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

/** The table of migration 009 (a type alias, as Kysely's table map needs). */
export type DataVersionTables = {
  data_versions: {
    /** A county code, or `'*'` for what concerns the whole tree (orgs, population, fact years). */
    scope: string;
    version: number;
  };
};

/** A scope's version. */
export interface DataVersion {
  readonly scope: string;
  readonly version: number;
}

/**
 * Every data version (one row per county written to, and `'*'`): a few dozen rows even for
 * a province. Read before an answer is computed, so that the answer is at least this fresh.
 *
 * @example
 * const versions = await loadDataVersions(db.kysely); // [{ scope: '*', version: 3 }, { scope: '620802', version: 41 }]
 */
export async function loadDataVersions(h: Kysely<Database>): Promise<DataVersion[]> {
  const rows = await h
    .withTables<DataVersionTables>()
    .selectFrom('data_versions')
    .select(['scope', 'version'])
    .execute();
  return rows.map((r) => ({ scope: r.scope, version: Number(r.version) }));
}
