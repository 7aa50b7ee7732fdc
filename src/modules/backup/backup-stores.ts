/**
 * The one place a backup store is chosen, by where the database is — as `openDatabase`
 * chooses the dialect: a postgres:// URL is backed up by pg_dump, an SQLite file by the
 * online backup API.
 */
import type { DbTarget } from '../../db/database.js';
import type { BackupStore, BackupStoreOptions } from './backup-store.js';
import { postgresBackupStore } from './postgres-backup.js';
import { sqliteBackupStore } from './sqlite-backup.js';

/**
 * The backup store of the database `target` names.
 *
 * @example
 * const store = backupStoreFor(resolveDbTarget(options.db));
 */
export function backupStoreFor(target: DbTarget, options: BackupStoreOptions = {}): BackupStore {
  return target.url ? postgresBackupStore(target, options) : sqliteBackupStore(target, options);
}
