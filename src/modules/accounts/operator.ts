/**
 * The local operator of the `gongwei` command as a caller of the account use-cases, and
 * what it leaves in the access trail: the CLI acts with every right on the whole tree (who
 * can run it can read the database anyway) and is recorded as `operator:<os user>`.
 */
import { userInfo } from 'node:os';
import type { Db } from '../../db/database.js';
import { operatorCaller, type Caller } from '../../domain/access/caller.js';
import { appendTrail } from '../access-trail/trail-repository.js';

/** The operator running this process, named after the OS user. */
export function localOperator(): Caller {
  let name: string;
  try {
    name = userInfo().username;
  } catch {
    // No passwd entry (some containers): the trail still says it was the command line.
    name = process.env.USER ?? 'unknown';
  }
  return operatorCaller(name);
}

/** What a command did, for the access trail. */
export interface OperatorAction {
  readonly action: string;
  readonly objectType: string;
  readonly objectId?: string | number | null;
  readonly orgCode?: string | null;
  readonly rowCount?: number | null;
}

/**
 * Writes one allowed action of the operator to the access trail, as the server does for
 * every write and every read of accounts.
 */
export async function recordOperatorAction(db: Db, operator: Caller, done: OperatorAction): Promise<void> {
  await appendTrail(db, [
    {
      at: new Date().toISOString(),
      actor: operator.name,
      role: operator.role,
      clientAddress: null,
      requestId: null,
      action: done.action,
      objectType: done.objectType,
      objectId: done.objectId === undefined || done.objectId === null ? null : String(done.objectId),
      orgCode: done.orgCode ?? null,
      countyCode: null,
      outcome: 'allowed',
      rowCount: done.rowCount ?? null,
      detail: 'cli',
    },
  ]);
}
