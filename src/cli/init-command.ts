import type { Command } from 'commander';
import { withDb, withDbOption } from './command-context.js';

/**
 * `gongwei init`: creates an empty database at `--db` (with its folders) and brings it to
 * the latest schema. Idempotent: an existing database is only migrated. With `demo` and
 * `start` it is the only command that creates a database; the others refuse a missing file.
 *
 * @example
 * gongwei init --db data/pingliang.sqlite
 * gongwei orgs import --from-division 620800 --db data/pingliang.sqlite
 */
export function registerInitCommand(program: Command): void {
  withDbOption(program.command('init'))
    .description('create an empty database, or migrate an existing one | 新建空数据库（已有则仅升级结构）')
    .action((options: { db?: string }) =>
      withDb(
        options,
        async (db) => {
          process.stdout.write(`数据库已就绪 database ready: ${db.location}\n`);
        },
        { create: true },
      ),
    );
}
