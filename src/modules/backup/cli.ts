import type { Command } from 'commander';
import { withDbOption } from '../../cli/command-context.js';
import { fileProgress } from '../../cli/progress.js';
import { openMaintainedDatabase } from '../../composition/maintained-database.js';
import { resolveDbTarget } from '../../db/database.js';
import type { TableCounts } from '../../domain/backup/restore-rules.js';
import { backupDatabase, type BackupReport } from './backup-database.js';
import { backupStoreFor } from './backup-stores.js';
import { restoreDatabase, type RestoreReport } from './restore-database.js';

/**
 * `gongwei backup --out FILE` and `gongwei restore FILE` (docs/deploy.md says what to back
 * up and how often). Both work on the database of `--db`/DATABASE_URL: an SQLite file
 * through SQLite's online backup API, PostgreSQL through pg_dump and pg_restore.
 *
 * @example
 * gongwei backup --out backups/gongwei-2024-06-30.sqlite
 * gongwei restore backups/gongwei-2024-06-30.sqlite --db data/restored.sqlite
 */
export function registerBackupCommands(program: Command): void {
  withDbOption(program.command('backup'))
    .description(
      'write a checked backup of the database, also while it is in use | 备份数据库（服务运行中亦可）',
    )
    .requiredOption('--out <file>', 'the backup file to write; it must not exist')
    .action(async (options: { db?: string; out: string }) => {
      const progress = fileProgress({ zh: '备份', en: 'backing up' });
      const report = await backupDatabase(backupStoreFor(resolveDbTarget(options.db)), options.out, {
        onProgress: progress.update,
      }).finally(progress.stop);
      process.stdout.write(backupText(report));
    });

  withDbOption(program.command('restore'))
    .description('restore a backup into an empty database, then migrate it | 将备份恢复到空数据库')
    .argument('<file>', 'a file written by gongwei backup')
    .action(async (file: string, options: { db?: string }) => {
      const target = resolveDbTarget(options.db);
      const progress = fileProgress({ zh: '恢复', en: 'restoring' });
      const report = await restoreDatabase(
        backupStoreFor(target),
        file,
        () => openMaintainedDatabase(target, { create: false }),
        { onProgress: progress.update },
      ).finally(progress.stop);
      process.stdout.write(restoreText(file, report));
    });
}

const n = (value: number): string => value.toLocaleString('en-US');
const version = (migrations: readonly string[]): string =>
  `${migrations.length} (${migrations[migrations.length - 1] ?? '-'})`;

function backupText(r: BackupReport): string {
  return (
    [
      `备份完成 backup written: ${r.file} (${(r.bytes / 1024 / 1024).toFixed(1)} MB; ` +
        `copy ${r.copySeconds.toFixed(1)} s, check ${r.checkSeconds.toFixed(1)} s` +
        (r.restarts > 0 ? `; restarted ${r.restarts}× by writes` : '') +
        ')',
      `  检查 check: ${r.check}; 结构版本 migrations ${version(r.migrations)}`,
      ...rows(['表 table', '行数 rows'], [r.counts]),
    ].join('\n') + '\n'
  );
}

function restoreText(file: string, r: RestoreReport): string {
  return (
    [
      `已恢复 restored ${file} into ${r.location} in ${r.seconds.toFixed(1)} s`,
      `  检查 check: backup ${r.backup.check}; restored ${r.integrity}`,
      `  结构版本 migrations: backup ${version(r.backup.migrations)} → now ${version(r.migrations)}`,
      ...rows(['表 table', '备份 backup', '恢复后 restored'], [r.inBackup, r.restored]),
    ].join('\n') + '\n'
  );
}

function rows(header: readonly string[], columns: readonly TableCounts[]): string[] {
  const tables = Object.keys(columns[0] ?? {});
  const cells = [header, ...tables.map((t) => [t, ...columns.map((c) => n(c[t] ?? 0))])];
  const widths = header.map((_, i) => Math.max(...cells.map((row) => row[i]!.length)));
  return cells.map(
    (row) =>
      '  ' + row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  '),
  );
}
