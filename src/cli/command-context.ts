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

/** How {@link withDb} opens the database. */
export interface WithDbOptions {
  /**
   * True for the commands that build a database (`init`, `demo`, `start`): a missing SQLite
   * file is created. Every other command refuses it, naming `--db`, and creates nothing.
   */
  readonly create?: boolean;
}

/**
 * Opens the database named by `--db`/DATABASE_URL, runs `work`, and always closes it. A
 * SQLite file that does not exist is refused unless `{ create: true }` (a typo in `--db`
 * must not leave an empty database behind).
 *
 * @example
 * .action((opts) => withDb(opts, async (db) => { ... }))
 * .action((opts) => withDb(opts, async (db) => { ... }, { create: true }))   // gongwei init
 */
export async function withDb<T>(
  options: { db?: string },
  work: (db: Db) => Promise<T>,
  how: WithDbOptions = {},
): Promise<T> {
  const db = await openMaintainedDatabase(resolveDbTarget(options.db), { create: how.create === true });
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
