import { hostname, userInfo } from 'node:os';
import type { Command } from 'commander';
import type { OrgScope } from '../modules/orgs/org-scope.js';
import { openMaintainedDatabase } from '../composition/maintained-database.js';
import { resolveDbTarget, type Db } from '../db/database.js';
import { operatorCaller, type Caller } from '../domain/access/caller.js';
import type { TrailEntry } from '../domain/access/trail-chain.js';
import { GongweiError } from '../domain/gongwei-error.js';
import { appendTrail } from '../modules/access-trail/trail-repository.js';

/** What the access trail learns of a command run: its path and the names of the options given. */
interface CliInvocation {
  /** e.g. `access-log export`, `audit findings`. */
  readonly path: string;
  /** e.g. `['--db', '--from', '--to']`: names only, never values (they may hold personal data). */
  readonly optionNames: readonly string[];
}

/**
 * Where the invocation travels from commander's hook to {@link withDb}: a symbol-keyed
 * property of the options object the action receives (`opts()` and `optsWithGlobals()`
 * both carry it), so that no state outlives the run.
 */
const INVOCATION = Symbol('gongwei.cliInvocation');

function invocationOf(actionCommand: Command): CliInvocation {
  const names: string[] = [];
  const optionNames: string[] = [];
  for (let command: Command | null = actionCommand; command; command = command.parent) {
    if (command.parent) names.unshift(command.name());
    for (const option of command.options) {
      const source = command.getOptionValueSource(option.attributeName());
      const name = option.long ?? option.short;
      if ((source === 'cli' || source === 'env') && name && !optionNames.includes(name))
        optionNames.push(name);
    }
  }
  return { path: names.join(' '), optionNames: optionNames.sort() };
}

/**
 * Adds the `--db PATH` option every command that touches the database takes, and notes the
 * command's path and option names for the access trail entry {@link withDb} writes.
 */
export function withDbOption(command: Command): Command {
  return command
    .option('--db <path>', 'SQLite file or postgres:// URL (default: DATABASE_URL or data/gongwei.sqlite)')
    .hook('preAction', (_hooked, actionCommand) => {
      // `gongwei assess scheme list --db X`: commander gives --db to the first command that
      // declares it (assess), not to the one that acts; the acting command takes it from there.
      const own = actionCommand.opts() as { db?: string };
      const inherited = (actionCommand.optsWithGlobals() as { db?: string }).db;
      if (own.db === undefined && inherited !== undefined) actionCommand.setOptionValue('db', inherited);
      (actionCommand.opts() as Record<symbol, unknown>)[INVOCATION] = invocationOf(actionCommand);
    });
}

/** How {@link withDb} opens the database. */
export interface WithDbOptions {
  /**
   * True for the commands that build a database (`init`, `demo`, `start`): a missing SQLite
   * file is created. Every other command refuses it, naming `--db`, and creates nothing.
   */
  readonly create?: boolean;
}

/** The name of whoever runs the command on this machine. */
function osUserName(): string {
  try {
    return userInfo().username;
  } catch {
    // A container user without a passwd entry has a uid and nothing else.
    return process.env.USER ?? process.env.USERNAME ?? `uid-${process.getuid?.() ?? 'unknown'}`;
  }
}

/**
 * The caller every `gongwei` command acts as: the local operator, under the OS user's name
 * (the access trail records it so), with every permission on the whole tree.
 */
export const OPERATOR: Caller = operatorCaller(osUserName());

/**
 * The scope of the `gongwei` command, {@link OPERATOR}'s: it runs on the server's own
 * machine as the local operator, who sees the whole tree. Commands pass it (narrowed to the
 * org they name) to every repository call.
 */
export const OPERATOR_SCOPE: OrgScope = OPERATOR.scope;

/** The access-trail entry of one command run. */
function operatorEntry(invocation: CliInvocation | undefined, failure: unknown): TrailEntry {
  const options =
    invocation && invocation.optionNames.length > 0 ? `options ${invocation.optionNames.join(' ')}` : null;
  const failed = failure === undefined ? null : failure instanceof GongweiError ? failure.code : 'internal';
  const detail = [failed, options].filter((part) => part !== null).join(' · ');
  return {
    at: new Date().toISOString(),
    actor: OPERATOR.name,
    role: OPERATOR.role,
    clientAddress: `local:${hostname()}`,
    requestId: `pid-${process.pid}`,
    action: invocation ? `cli ${invocation.path}` : 'cli',
    objectType: null,
    objectId: null,
    orgCode: OPERATOR.orgCode,
    countyCode: null,
    outcome: failure === undefined ? 'allowed' : 'failed',
    rowCount: null,
    detail: detail === '' ? null : detail,
  };
}

/**
 * Opens the database named by `--db`/DATABASE_URL, runs `work`, records the run in the
 * access trail as the local operator ({@link OPERATOR}: `cli <command path>`, allowed or
 * failed, the names of the options given but none of their values nor the arguments), and
 * always closes it. A SQLite file that does not exist is refused unless `{ create: true }`
 * (a typo in `--db` must not leave an empty database behind). A run whose entry cannot be
 * written fails, after its work: the output it printed stands, the exit code says so.
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
  const invocation = (options as Record<symbol, CliInvocation | undefined>)[INVOCATION];
  try {
    let result: T;
    try {
      result = await work(db);
    } catch (error) {
      await appendTrail(db, [operatorEntry(invocation, error)]).catch(() =>
        process.stderr.write('gongwei: the access trail could not be written\n'),
      );
      throw error;
    }
    await appendTrail(db, [operatorEntry(invocation, undefined)]);
    return result;
  } finally {
    await db.close();
  }
}

/**
 * The name the command line records as "resolved by / merged by / generated by":
 * `operator:<os user>` ({@link OPERATOR}). Never a name typed in an option.
 */
export function operatorName(): string {
  return OPERATOR.name;
}
