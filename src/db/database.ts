import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Db } from './dialects/dialect.js';
import { openPostgres } from './dialects/postgres.js';
import { openSqlite } from './dialects/sqlite.js';
import { migrateToLatest } from './migrate.js';
import { GongweiError } from '../domain/gongwei-error.js';

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
  /**
   * Whether a missing SQLite file may be created (with its folders). Default true for
   * programs that make their own files (tests, the bench); the CLI passes false except for
   * `init`, `demo` and `start`, so that a mistyped `--db` is refused instead of becoming a
   * new empty database. A PostgreSQL schema is created on migration either way.
   */
  create?: boolean;
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
  const { create = true, ...dialectOptions } = options;
  let db: Db;
  if (target.url) {
    db = openPostgres(target.url, { ...(target.schema ? { schema: target.schema } : {}), ...dialectOptions });
  } else {
    const file = target.file ?? DEFAULT_DB_FILE;
    if (file !== ':memory:') {
      if (!create && !existsSync(file)) throw missingDatabase(file);
      mkdirSync(dirname(file), { recursive: true });
    }
    db = openSqlite(file, dialectOptions);
  }
  try {
    await migrateToLatest(db, target.url ? target.schema : undefined);
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}

/** The refusal of a database file that is not there (most often a mistyped `--db`). */
function missingDatabase(file: string): GongweiError {
  return GongweiError.notFound(
    {
      zh: `数据库文件不存在：${file}（新建数据库请用 gongwei init）`,
      en: `no database at ${file} (gongwei init creates one)`,
    },
    '--db',
  );
}
