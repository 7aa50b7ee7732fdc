import type { Command } from 'commander';
import { openDatabase, resolveDbTarget, type Db } from '../db/database.js';

/** A failure the user caused or can fix; printed as one line, exit code 1. */
export class UserError extends Error {
  override readonly name = 'UserError';
}

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
  const db = await openDatabase(resolveDbTarget(options.db));
  try {
    return await work(db);
  } finally {
    await db.close();
  }
}
