import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Db } from './dialects/dialect.js';
import { openPostgres } from './dialects/postgres.js';
import { openSqlite } from './dialects/sqlite.js';
import { migrateToLatest } from './migrate.js';

export type { Db, SqlDialect } from './dialects/dialect.js';

/** Default embedded database file, relative to the working directory. */
export const DEFAULT_DB_FILE = 'data/gongwei.sqlite';

/** Where to find the database: an SQLite file or a PostgreSQL URL. */
export interface DbTarget {
  /** SQLite file path. Ignored when `url` is set. */
  file?: string;
  /** postgres:// URL; when set, PostgreSQL is used. */
  url?: string;
  /** PostgreSQL schema (search_path) to confine to. */
  schema?: string;
}

/** How to open the database, beyond where it is. */
export interface OpenOptions {
  /**
   * Called with the SQL text of every statement run after opening (migrations included),
   * without its parameters: `npm run queries` writes the SQL of the repositories with it.
   */
  onQuery?: (sql: string) => void;
}

/**
 * Resolves `--db PATH` and `DATABASE_URL` the way every command does:
 * an explicit postgres URL or DATABASE_URL selects PostgreSQL, otherwise the SQLite file.
 */
export function resolveDbTarget(
  dbOption: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): DbTarget {
  if (dbOption && /^postgres(ql)?:\/\//.test(dbOption)) return { url: dbOption };
  if (dbOption) return { file: dbOption };
  if (env.DATABASE_URL) return { url: env.DATABASE_URL };
  return { file: DEFAULT_DB_FILE };
}

/**
 * Opens the database and applies pending migrations.
 *
 * @example
 * const db = await openDatabase(resolveDbTarget(opts.db));
 * try { ... } finally { await db.close(); }
 */
export async function openDatabase(target: DbTarget, options: OpenOptions = {}): Promise<Db> {
  let db: Db;
  if (target.url) {
    db = openPostgres(target.url, { ...(target.schema ? { schema: target.schema } : {}), ...options });
  } else {
    const file = target.file ?? DEFAULT_DB_FILE;
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    db = openSqlite(file, options);
  }
  try {
    await migrateToLatest(db, target.url ? target.schema : undefined);
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}
