import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { maintainIndicatorFacts } from '../indicators/fact-maintainer.js';

/** What a write to residents, enrolments or services touched. */
export interface ChangedRecords {
  /** Residents whose record, enrolments or services changed (including deleted ones). */
  readonly residentIds: readonly number[];
  /** Orgs of person-less services (health-education activities) that changed. */
  readonly activityOrgCodes: readonly string[];
}

/** Work that must happen in the same transaction as every change to the records. */
export type AfterRecordsWrite = (trx: Kysely<Database>, changed: ChangedRecords) => Promise<void>;

/**
 * The maintainers that keep derived state fresh. They are listed here, explicitly, rather
 * than registered by import side effects, so that every write path runs the same list.
 */
const maintainers: readonly AfterRecordsWrite[] = [maintainIndicatorFacts];

/**
 * Runs every maintainer inside the caller's transaction. Every write path of the records
 * (import, REST, demo generator, merge) calls this before committing.
 */
export async function runAfterRecordsWrite(trx: Kysely<Database>, changed: ChangedRecords): Promise<void> {
  if (changed.residentIds.length === 0 && changed.activityOrgCodes.length === 0) return;
  const pending = deferred.get(trx);
  if (pending !== undefined) {
    for (const id of changed.residentIds) pending.residentIds.add(id);
    for (const code of changed.activityOrgCodes) pending.activityOrgCodes.add(code);
    return;
  }
  for (const maintain of maintainers) await maintain(trx, changed);
}

/** Changes gathered for a transaction inside `withMaintenanceDeferred`. */
const deferred = new WeakMap<Kysely<Database>, { residentIds: Set<number>; activityOrgCodes: Set<string> }>();

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
  const pending = { residentIds: new Set<number>(), activityOrgCodes: new Set<string>() };
  deferred.set(trx, pending);
  let result: T;
  try {
    result = await write();
  } finally {
    deferred.delete(trx);
  }
  await runAfterRecordsWrite(trx, {
    residentIds: [...pending.residentIds].sort((a, b) => a - b),
    activityOrgCodes: [...pending.activityOrgCodes].sort(),
  });
  return result;
}
