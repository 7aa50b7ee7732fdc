/**
 * What differs between backing up SQLite and PostgreSQL. One module per dialect implements
 * it (`sqlite-backup.ts`: the online backup API; `postgres-backup.ts`: pg_dump and
 * pg_restore); `backup-stores.ts` picks one where the database is named, and the use-cases
 * (`backup-database.ts`, `restore-database.ts`) never ask which one they have.
 *
 * A backup covers the whole database — records, accounts and the access trail — so no org
 * scope applies: only the local operator, on the server's own machine, runs it.
 */
import type { TableCounts } from '../../domain/backup/restore-rules.js';

/** Options of a backup store. */
export interface BackupStoreOptions {
  /**
   * SQLite: pages copied per step of the online backup API (between steps the copy yields
   * and reports progress). Default: a hundredth of the database, at least 1 024 pages.
   * Tests make it small to force restarts. PostgreSQL copies in one pg_dump run.
   */
  readonly pagesPerStep?: number;
}

/** Progress of a copy in bytes (of the database, or an estimate of it). */
export type ByteProgress = (done: number, total: number) => void;

/** What a backup file holds, read back from the file itself. */
export interface BackupContents {
  /** The migrations applied in the backed-up database, in name order (its schema version). */
  readonly migrations: readonly string[];
  /** Rows of each table of the backup (MAIN_TABLES among them are reported and compared). */
  readonly counts: TableCounts;
  /** What was checked in reading it (e.g. `integrity_check ok`). */
  readonly check: string;
}

/** How a copy went. */
export interface CopyStats {
  /** Size of the written file in bytes. */
  readonly bytes: number;
  /**
   * Times the copy started over because the database changed under it (SQLite's backup
   * API restarts on a write by another connection; after one restart it copies the rest in
   * one step, which a write cannot interrupt). Always 0 for pg_dump, which reads one snapshot.
   */
  readonly restarts: number;
}

/** The backup and restore operations of one database (the "live" one). */
export interface BackupStore {
  /** Where the live database is, without secrets (the password of a URL is never shown). */
  readonly location: string;
  /**
   * Throws, naming what to install, when a program the operation needs is missing (pg_dump
   * for a PostgreSQL backup, pg_restore for a restore): called first, before anything is read.
   */
  requireTools(operation: 'backup' | 'restore'): void;
  /** The migrations applied to the live database, in name order. */
  appliedMigrations(): Promise<string[]>;
  /**
   * Writes a consistent copy of the live database — as it was at one instant, while writes
   * go on — to `file`, which does not exist yet.
   */
  copyTo(file: string, onProgress: ByteProgress): Promise<CopyStats>;
  /** Reads a backup file through and returns what it holds; throws when it is damaged. */
  readBackup(file: string): Promise<BackupContents>;
  /**
   * Replaces the live database by the backup `file`, whose `contents` readBackup returned.
   * First counts the live database's HOLDING_TABLES (none for a table or a database that
   * does not exist) and calls `refuseUnlessEmpty` with them, which throws to refuse: then
   * nothing is changed.
   */
  restoreFrom(
    file: string,
    contents: BackupContents,
    refuseUnlessEmpty: (holdings: TableCounts) => void,
    onProgress: ByteProgress,
  ): Promise<void>;
  /** Checks the live database's storage after a restore; returns what was checked. */
  checkIntegrity(): Promise<string>;
}
