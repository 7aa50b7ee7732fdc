import type { Command } from 'commander';
import { GongweiError } from '../domain/gongwei-error.js';
import { WHOLE_TREE, type OrgScope } from '../modules/orgs/org-scope.js';
import { openMaintainedDatabase } from '../composition/maintained-database.js';
import { resolveDbTarget, type Db } from '../db/database.js';

/**
 * A failure the user caused or can fix at the command line; printed as one line, exit code 1.
 * A {@link GongweiError} with code `bad_request`, for messages already written `zh / en`.
 *
 * @deprecated throw a `GongweiError` with a `{ zh, en }` text instead.
 */
export class UserError extends GongweiError {
  override readonly name = 'UserError';
  constructor(message: string) {
    const at = message.indexOf(' / ');
    super(
      'bad_request',
      at < 0 ? { zh: message, en: message } : { zh: message.slice(0, at), en: message.slice(at + 3) },
      { message },
    );
  }
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
