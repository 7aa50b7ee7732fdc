/**
 * Row counts of whole tables, for the restore's comparison with what the backup held. A
 * backup is the whole database, so no org scope applies (only the local operator restores).
 */
import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import type { TableCounts } from '../../domain/backup/restore-rules.js';

/**
 * Rows of each of `tables` (names from MAIN_TABLES, never from input).
 *
 * @example await countRows(db, ['orgs', 'residents']) // { orgs: 1680, residents: 38464 }
 */
export async function countRows(db: Db, tables: readonly string[]): Promise<TableCounts> {
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const { rows } = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(table)}`.execute(
      db.kysely,
    );
    counts[table] = Number(rows[0]!.n);
  }
  return counts;
}
