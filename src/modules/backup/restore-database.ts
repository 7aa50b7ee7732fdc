/**
 * The restore use-case: a checked backup file into an empty database only, then migrated
 * to the latest version and compared with what the backup held.
 */
import type { Db } from '../../db/database.js';
import {
  countMismatches,
  restoredCountsDiffer,
  targetInUse,
  type TableCounts,
} from '../../domain/backup/restore-rules.js';
import { mainCounts } from './backup-database.js';
import type { BackupContents, BackupStore, ByteProgress } from './backup-store.js';
import { countRows } from './table-counts-repository.js';

/** What a restore read, wrote and checked. */
export interface RestoreReport {
  /** The restored database, without secrets. */
  readonly location: string;
  /** What the backup file holds (its check, migrations and counts). */
  readonly backup: BackupContents;
  /** Rows of the main tables in the backup, and in the restored database. */
  readonly inBackup: TableCounts;
  readonly restored: TableCounts;
  /** The storage check after the copy (e.g. `integrity_check ok`). */
  readonly integrity: string;
  /** The migrations after migrating the restored database to the latest version. */
  readonly migrations: readonly string[];
  readonly seconds: number;
}

/**
 * Restores the backup `file` into the database of `store`: reads the file through first
 * (a damaged file is refused before anything is written), refuses a target holding any
 * org, user or resident (nothing is changed then), copies, checks the storage, then opens
 * the result with `openRestored` — which migrates it to the latest version — and compares
 * the main tables' rows with the backup's (a difference throws, naming the tables).
 *
 * @example
 * await restoreDatabase(backupStoreFor(target), 'backups/2024-06-30.sqlite',
 *   () => openMaintainedDatabase(target, { create: false }));
 */
export async function restoreDatabase(
  store: BackupStore,
  file: string,
  openRestored: () => Promise<Db>,
  options: { readonly onProgress?: ByteProgress } = {},
): Promise<RestoreReport> {
  const started = performance.now();
  store.requireTools('restore');
  const backup = await store.readBackup(file);
  await store.restoreFrom(
    file,
    backup,
    (holdings) => {
      const refusal = targetInUse(holdings, store.location, '--db');
      if (refusal) throw refusal;
    },
    options.onProgress ?? (() => undefined),
  );
  const integrity = await store.checkIntegrity();
  const inBackup = mainCounts(backup.counts);
  const db = await openRestored();
  try {
    const restored = await countRows(db, Object.keys(inBackup));
    const mismatches = countMismatches(inBackup, restored);
    if (mismatches.length > 0) throw restoredCountsDiffer(mismatches, store.location);
    return {
      location: store.location,
      backup,
      inBackup,
      restored,
      integrity,
      migrations: await store.appliedMigrations(),
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    await db.close();
  }
}
