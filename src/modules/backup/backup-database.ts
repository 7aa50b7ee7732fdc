/**
 * The backup use-case: a consistent copy of the live database written next to nothing
 * else, then read back and checked before it takes its name.
 */
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { GongweiError } from '../../domain/gongwei-error.js';
import { MAIN_TABLES, type TableCounts } from '../../domain/backup/restore-rules.js';
import type { BackupStore, ByteProgress } from './backup-store.js';

/** What a backup wrote and what its file holds. */
export interface BackupReport {
  readonly file: string;
  readonly bytes: number;
  /** Time to copy, and to read the copy back and check it. */
  readonly copySeconds: number;
  readonly checkSeconds: number;
  /** Times the copy started over because of a write (see CopyStats). */
  readonly restarts: number;
  /** The migrations of the copy, equal to the live database's. */
  readonly migrations: readonly string[];
  /** Rows of the main tables in the copy. */
  readonly counts: TableCounts;
  /** What reading the copy back checked (e.g. `integrity_check ok`). */
  readonly check: string;
}

/**
 * Backs up the database of `store` into `out`, which must not exist. The copy is written
 * as `<out>.partial` and renamed only once it has been read back, passed its check and
 * shown the live database's migration version: a file named `out` is always a whole,
 * checked backup.
 *
 * @example
 * const report = await backupDatabase(backupStoreFor(target), 'backups/2024-06-30.sqlite');
 */
export async function backupDatabase(
  store: BackupStore,
  out: string,
  options: { readonly onProgress?: ByteProgress } = {},
): Promise<BackupReport> {
  if (existsSync(out))
    throw GongweiError.conflict(
      { zh: `${out} 已存在：备份不覆盖已有文件`, en: `${out} exists: a backup never overwrites a file` },
      '--out',
    );
  store.requireTools('backup');
  const live = await store.appliedMigrations();
  if (live.length === 0)
    throw GongweiError.unprocessable(
      {
        zh: `${store.location} 不是公卫数据库（没有迁移记录）`,
        en: `${store.location} is not a Gongwei database (it records no migrations)`,
      },
      '--db',
    );
  mkdirSync(dirname(out), { recursive: true });
  const partial = `${out}.partial`;
  rmSync(partial, { force: true });
  try {
    const started = performance.now();
    const stats = await store.copyTo(partial, options.onProgress ?? (() => undefined));
    const copied = performance.now();
    const contents = await store.readBackup(partial);
    if (contents.migrations.join('\n') !== live.join('\n'))
      throw GongweiError.unprocessable({
        zh: `备份的结构版本（${lastOf(contents.migrations)}）与数据库（${lastOf(live)}）不同：备份期间数据库被升级了？请重新备份`,
        en: `the copy's migration version (${lastOf(contents.migrations)}) differs from the database's (${lastOf(live)}): was it migrated during the backup? Back up again`,
      });
    renameSync(partial, out);
    return {
      file: out,
      bytes: stats.bytes,
      copySeconds: (copied - started) / 1000,
      checkSeconds: (performance.now() - copied) / 1000,
      restarts: stats.restarts,
      migrations: contents.migrations,
      counts: mainCounts(contents.counts),
      check: contents.check,
    };
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
}

/** The counts of the MAIN_TABLES among `counts`, in MAIN_TABLES order. */
export function mainCounts(counts: TableCounts): TableCounts {
  return Object.fromEntries(MAIN_TABLES.filter((t) => t in counts).map((t) => [t, counts[t]!]));
}

const lastOf = (migrations: readonly string[]): string =>
  `${migrations.length}: ${migrations[migrations.length - 1] ?? '-'}`;
