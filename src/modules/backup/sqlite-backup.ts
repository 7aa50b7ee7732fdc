/**
 * Backup and restore of an SQLite database through SQLite's online backup API
 * (better-sqlite3's `db.backup`): a page-by-page copy that readers and writers never wait
 * for, since the database runs in WAL mode.
 */
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import type { DbTarget } from '../../db/database.js';
import { GongweiError } from '../../domain/gongwei-error.js';
import { HOLDING_TABLES, type TableCounts } from '../../domain/backup/restore-rules.js';
import type {
  BackupContents,
  BackupStore,
  BackupStoreOptions,
  ByteProgress,
  CopyStats,
} from './backup-store.js';

/** sqlite3_backup_step(N) copies every remaining page when N is this large. */
const ALL_PAGES = 0x7fffffff;
const MIN_PAGES_PER_STEP = 1024;

/**
 * The backup store of the SQLite file of `target` (`target.file`).
 *
 * @example
 * const store = sqliteBackupStore({ file: 'data/gongwei.sqlite' });
 * await store.copyTo('backups/2024-06-30.sqlite', (done, total) => {});
 */
export function sqliteBackupStore(target: DbTarget, options: BackupStoreOptions = {}): BackupStore {
  const file = target.file ?? '';
  const live = (): SQLite.Database => {
    if (file === '' || file === ':memory:' || !existsSync(file))
      throw GongweiError.notFound({ zh: `数据库文件不存在：${file}`, en: `no database at ${file}` }, '--db');
    return openReading(file);
  };
  return {
    location: file,

    // The online backup API is part of SQLite itself.
    requireTools: () => undefined,

    async appliedMigrations() {
      return withConnection(live(), migrationsOf);
    },

    async copyTo(out, onProgress) {
      const restarts = await withConnectionAsync(live(), (source) =>
        copyPages(source, out, options, onProgress),
      );
      // The backup is one self-contained file: no -wal or -shm beside it to lose in a copy.
      withConnection(new SQLite(out), (copy) => copy.pragma('journal_mode = DELETE'));
      return { bytes: statSync(out).size, restarts } satisfies CopyStats;
    },

    async readBackup(backupFile) {
      return withConnection(openBackupFile(backupFile), (conn): BackupContents => {
        const check = integrity(conn, backupFile);
        const migrations = migrationsOf(conn);
        if (migrations.length === 0) throw notABackup(backupFile);
        return { migrations, counts: countTables(conn, tableNames(conn)), check };
      });
    },

    async restoreFrom(backupFile, _contents, refuseUnlessEmpty, onProgress) {
      if (file === '' || file === ':memory:')
        throw GongweiError.badRequest(
          { zh: '恢复需要一个数据库文件', en: 'restore needs a database file' },
          '--db',
        );
      refuseUnlessEmpty(existsSync(file) ? withConnection(openReading(file), holdingsOf) : {});
      mkdirSync(dirname(file), { recursive: true });
      // The backup API writes the target through SQLite itself: an existing (empty) database
      // is replaced page by page under its own lock, WAL or not.
      await withConnectionAsync(openBackupFile(backupFile), (source) =>
        copyPages(source, file, options, onProgress),
      );
    },

    async checkIntegrity() {
      return withConnection(openReading(file), (conn) => integrity(conn, file));
    },
  };
}

/** Opens an existing file for reading only (a readonly connection also reads a live WAL). */
function openReading(file: string): SQLite.Database {
  const conn = new SQLite(file, { readonly: true, fileMustExist: true });
  conn.pragma('busy_timeout = 10000');
  return conn;
}

function openBackupFile(file: string): SQLite.Database {
  if (!existsSync(file))
    throw GongweiError.notFound({ zh: `备份文件不存在：${file}`, en: `no backup file at ${file}` }, 'FILE');
  return openReading(file);
}

function withConnection<T>(conn: SQLite.Database, work: (conn: SQLite.Database) => T): T {
  try {
    return work(conn);
  } catch (error) {
    throw asBackupError(error, conn.name);
  } finally {
    conn.close();
  }
}

async function withConnectionAsync<T>(
  conn: SQLite.Database,
  work: (conn: SQLite.Database) => Promise<T>,
): Promise<T> {
  try {
    return await work(conn);
  } catch (error) {
    throw asBackupError(error, conn.name);
  } finally {
    conn.close();
  }
}

/** SQLite's own errors (not a database, disk full, …) named with the file they concern. */
function asBackupError(error: unknown, file: string): unknown {
  if (!(error instanceof SQLite.SqliteError)) return error;
  return new GongweiError(
    'unprocessable',
    { zh: `SQLite 出错（${file}）：${error.message}`, en: `SQLite failed on ${file}: ${error.message}` },
    { cause: error },
  );
}

/**
 * Copies every page of `source` into `out` through the online backup API, in steps. A
 * write by another connection between two steps makes SQLite start over; then the rest
 * is copied in one step, during which the read snapshot holds (WAL), so a busy server can
 * never keep the copy from finishing. Returns the number of restarts.
 */
async function copyPages(
  source: SQLite.Database,
  out: string,
  options: BackupStoreOptions,
  onProgress: ByteProgress,
): Promise<number> {
  const pageSize = source.pragma('page_size', { simple: true }) as number;
  let lastRemaining = Number.POSITIVE_INFINITY;
  let restarts = 0;
  const result = await source.backup(out, {
    progress: ({ totalPages, remainingPages }) => {
      // Each step copies at least one page: no progress means SQLite started over.
      if (remainingPages >= lastRemaining) restarts += 1;
      lastRemaining = remainingPages;
      onProgress((totalPages - remainingPages) * pageSize, totalPages * pageSize);
      if (restarts > 0) return ALL_PAGES;
      return options.pagesPerStep ?? Math.max(MIN_PAGES_PER_STEP, Math.ceil(totalPages / 100));
    },
  });
  onProgress(result.totalPages * pageSize, result.totalPages * pageSize);
  return restarts;
}

function integrity(conn: SQLite.Database, file: string): string {
  const rows = conn.pragma('integrity_check') as { integrity_check: string }[];
  if (rows.length === 1 && rows[0]!.integrity_check === 'ok') return 'integrity_check ok';
  const detail = rows
    .slice(0, 3)
    .map((r) => r.integrity_check)
    .join('; ');
  throw GongweiError.unprocessable({
    zh: `${file} 未通过完整性检查（integrity_check）：${detail}`,
    en: `${file} fails the integrity check: ${detail}`,
  });
}

function notABackup(file: string): GongweiError {
  return GongweiError.unprocessable({
    zh: `${file} 不是公卫数据库的备份（没有迁移记录）`,
    en: `${file} is not a backup of a Gongwei database (it records no migrations)`,
  });
}

function tableNames(conn: SQLite.Database): string[] {
  return conn
    .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name")
    .pluck()
    .all() as string[];
}

/** The names of the migrations applied, in name order; none when the table is missing. */
function migrationsOf(conn: SQLite.Database): string[] {
  if (!tableNames(conn).includes('kysely_migration')) return [];
  return conn.prepare('select name from kysely_migration order by name').pluck().all() as string[];
}

/** Rows of each of `tables`; the names come from the file's own catalogue or a constant list. */
function countTables(conn: SQLite.Database, tables: readonly string[]): TableCounts {
  return Object.fromEntries(
    tables.map((t) => [
      t,
      conn
        .prepare(`select count(*) from "${t.replaceAll('"', '""')}"`)
        .pluck()
        .get(),
    ]),
  ) as TableCounts;
}

function holdingsOf(conn: SQLite.Database): TableCounts {
  const present = new Set(tableNames(conn));
  return countTables(
    conn,
    HOLDING_TABLES.filter((t) => present.has(t)),
  );
}
