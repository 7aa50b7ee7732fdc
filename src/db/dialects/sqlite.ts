import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import type { Database } from '../schema.js';
import type { Db, SqlDialect } from './dialect.js';

/** SQLite helpers; dates are ISO text, so SQLite's date functions apply to them directly. */
export const sqliteDialect: SqlDialect = {
  name: 'sqlite',
  maxParameters: 32_000,
  jsonText: (column, key) => sql<string | null>`json_extract(${sql.ref(column)}, ${'$.' + key})`,
  daysBetween: (fromExpr, toExpr) =>
    sql<number>`cast(julianday(${sql.raw(toExpr)}) - julianday(${sql.raw(fromExpr)}) as integer)`,
  addMonths: (dateExpr, months) => sql<string>`date(${sql.raw(dateExpr)}, ${`${months} months`})`,
  withIdColumn: (table) => table.addColumn('id', 'integer', (c) => c.primaryKey()),
  allDigits: (expr) => sql<boolean>`(${expr} not glob '*[^0-9]*')`,
};

/**
 * Opens (creating if needed) an SQLite file with the pragmas Gongwei relies on:
 * WAL for concurrent readers during imports, foreign keys on, NORMAL sync (safe under WAL).
 */
export function openSqlite(file: string): Db {
  const native = new SQLite(file);
  native.pragma('journal_mode = WAL');
  native.pragma('synchronous = NORMAL');
  native.pragma('foreign_keys = ON');
  native.pragma('busy_timeout = 10000');
  native.pragma('cache_size = -262144');
  native.pragma('temp_store = MEMORY');
  native.pragma('mmap_size = 1073741824');
  const kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database: native }) });
  return {
    kysely,
    dialect: sqliteDialect,
    location: file,
    close: () => kysely.destroy(),
  };
}
