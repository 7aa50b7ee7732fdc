import type { Command } from 'commander';
import { WHOLE_TREE, type OrgScope } from '../modules/orgs/org-scope.js';
import { openMaintainedDatabase } from '../composition/maintained-database.js';
import { resolveDbTarget, type Db } from '../db/database.js';

/** Adds the `--db PATH` option every command that touches the database takes. */
export function withDbOption(command: Command): Command {
  return command.option(
    '--db <path>',
    'SQLite file or postgres:// URL (default: DATABASE_URL or data/gongwei.sqlite)',
  );
}

/**
 * Opens the database named by `--db`/DATABASE_URL, runs `work`, and always closes it.
 *
 * @example
 * .action((opts) => withDb(opts, async (db) => { ... }))
 */
export async function withDb<T>(options: { db?: string }, work: (db: Db) => Promise<T>): Promise<T> {
  const db = await openMaintainedDatabase(resolveDbTarget(options.db));
  try {
    return await work(db);
  } finally {
    await db.close();
  }
}

/**
 * The scope of the `gongwei` command: it runs on the server's own machine as the local
 * operator, who sees the whole tree. Commands pass it (narrowed to the org they name) to
 * every repository call.
 */
export const OPERATOR_SCOPE: OrgScope = WHOLE_TREE;
