/**
 * The after-write maintainers: work that must happen in the same transaction as every change
 * to residents, enrolments or services (keeping the indicator facts fresh). The records
 * module runs them but does not know them: a composition root (server, CLI, bench, the test
 * harness) opens the database through src/composition/maintained-database.ts, which installs
 * them with {@link withRecordsMaintainers}; every transaction of that database carries them.
 */
import type {
  Kysely,
  KyselyPlugin,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryResult,
  RootOperationNode,
  UnknownRow,
} from 'kysely';
import type { Db } from '../../db/database.js';
import type { Database } from '../../db/schema.js';

/** What a write to residents, enrolments or services touched. */
export interface ChangedRecords {
  /** Residents whose record, enrolments or services changed (including deleted ones). */
  readonly residentIds: readonly number[];
  /** Orgs of person-less services (health-education activities) that changed. */
  readonly activityOrgCodes: readonly string[];
  /**
   * Residents whose only change is to services dated on or after the given date (the
   * earliest old or new date of the services written): derived state before that date
   * cannot have changed. A resident of `residentIds` not in this map may have changed in
   * anything (record, enrolments, services of any date).
   */
  readonly servicesSince?: ReadonlyMap<number, string>;
  /**
   * For residents of `servicesSince`: the types of the services written (the old and the new
   * type of an updated service), so that only the derived state reading those types is
   * recomputed. A resident of `servicesSince` absent here may have had services of any type
   * written.
   */
  readonly serviceTypes?: ReadonlyMap<number, ReadonlySet<string>>;
}

/** Changes being gathered: residents changed in anything, and those changed only by dated services. */
interface Pending {
  readonly anything: Set<number>;
  readonly since: Map<number, string>;
  /** Residents of `since` with the types written; one of `since` missing here had unknown types. */
  readonly types: Map<number, Set<string>>;
  readonly activityOrgCodes: Set<string>;
}

function gather(pending: Pending, changed: ChangedRecords): void {
  for (const id of changed.residentIds) {
    const date = changed.servicesSince?.get(id);
    if (date === undefined || pending.anything.has(id)) {
      pending.anything.add(id);
      pending.since.delete(id);
      pending.types.delete(id);
      continue;
    }
    const earlier = pending.since.get(id);
    // Types are known only while every write of the resident said them.
    const types = changed.serviceTypes?.get(id);
    const gathered = pending.types.get(id);
    if (types === undefined) pending.types.delete(id);
    else if (earlier === undefined) pending.types.set(id, new Set(types));
    else if (gathered !== undefined) for (const t of types) gathered.add(t);
    if (earlier === undefined || date < earlier) pending.since.set(id, date);
  }
  for (const code of changed.activityOrgCodes) pending.activityOrgCodes.add(code);
}

/** Work that must happen in the same transaction as every change to the records. */
export type AfterRecordsWrite = (trx: Kysely<Database>, changed: ChangedRecords) => Promise<void>;

/**
 * The maintainers of a database, carried by its query builder as a Kysely plugin that changes
 * nothing: plugins pass to every transaction, so a writer that holds only the transaction
 * finds the list its database was opened with.
 */
class RecordsMaintainers implements KyselyPlugin {
  constructor(readonly list: readonly AfterRecordsWrite[]) {}

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return args.node;
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}

/**
 * The database whose records writes run `maintainers`, in order, in the writing transaction.
 * Called once, by the composition function every composition root uses
 * (src/composition/maintained-database.ts); an empty list is a deliberate "maintain nothing".
 * Installing a list on a database that has one replaces it.
 *
 * @example
 * const db = withRecordsMaintainers(await openDatabase(target), [maintainIndicatorFacts]);
 */
export function withRecordsMaintainers(db: Db, maintainers: readonly AfterRecordsWrite[]): Db {
  return { ...db, kysely: db.kysely.withPlugin(new RecordsMaintainers(maintainers)) };
}

/** The maintainers the transaction's database was opened with. */
function maintainersOf(trx: Kysely<Database>): readonly AfterRecordsWrite[] {
  // Kysely keeps plugins on the executor; a transaction's executor has its database's
  // plugins. The list installed last applies.
  const carrier = trx.getExecutor().plugins.findLast((p) => p instanceof RecordsMaintainers);
  if (carrier === undefined)
    throw new Error(
      'records written through a database opened without its after-write maintainers: ' +
        'open it with openMaintainedDatabase (src/composition/maintained-database.ts)',
    );
  return (carrier as RecordsMaintainers).list;
}

/**
 * Runs every maintainer inside the caller's transaction. Every write path of the records
 * (import, REST, demo generator, merge) calls this before committing.
 */
export async function runAfterRecordsWrite(trx: Kysely<Database>, changed: ChangedRecords): Promise<void> {
  if (changed.residentIds.length === 0 && changed.activityOrgCodes.length === 0) return;
  const pending = deferred.get(trx);
  if (pending !== undefined) {
    gather(pending, changed);
    return;
  }
  for (const maintain of maintainersOf(trx)) await maintain(trx, changed);
}

/** Changes gathered for a transaction inside `withMaintenanceDeferred`. */
const deferred = new WeakMap<Kysely<Database>, Pending>();

/**
 * Runs several writes of one transaction with the maintainers run once, at the end, over
 * everything they changed, instead of after each write. The maintainers recompute derived
 * state from the stored rows, so once over the union gives what running after each write
 * gives, without recomputing a resident written by several statements (a demo batch writes
 * residents, then their enrolments, then their services; an import writes chunk after
 * chunk). If `write` throws, nothing is maintained: the caller's transaction rolls back.
 *
 * @example
 * await db.kysely.transaction().execute((trx) =>
 *   withMaintenanceDeferred(trx, async () => {
 *     await upsertResidents(trx, residents);
 *     await upsertServices(trx, services);
 *   }));
 */
export async function withMaintenanceDeferred<T>(trx: Kysely<Database>, write: () => Promise<T>): Promise<T> {
  // Nested: the outermost call runs the maintainers.
  if (deferred.has(trx)) return write();
  const pending: Pending = {
    anything: new Set(),
    since: new Map(),
    types: new Map(),
    activityOrgCodes: new Set(),
  };
  deferred.set(trx, pending);
  let result: T;
  try {
    result = await write();
  } finally {
    deferred.delete(trx);
  }
  await runAfterRecordsWrite(trx, {
    residentIds: [...pending.anything, ...pending.since.keys()].sort((a, b) => a - b),
    activityOrgCodes: [...pending.activityOrgCodes].sort(),
    servicesSince: pending.since,
    serviceTypes: pending.types,
  });
  return result;
}
