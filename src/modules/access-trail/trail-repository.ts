import type { Db } from '../../db/database.js';
import { CHAIN_START, trailHash, type TrailEntry } from '../../domain/access/trail-chain.js';
import { withTrailTables } from './trail-tables.js';

/**
 * Appends entries to the access trail, each chained to the one before by SHA-256, in one
 * transaction. The only write to the table anywhere: nothing updates or deletes its rows
 * (a trigger refuses both).
 *
 * @example
 * await appendTrail(db, [{ at, actor: 'zhang', action: 'session.create', outcome: 'allowed', ... }]);
 */
export async function appendTrail(db: Db, entries: readonly TrailEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await db.kysely.transaction().execute(async (trx) => {
    const lock = db.dialect.lockForAppend('access_trail');
    if (lock) await lock.execute(trx);
    const h = withTrailTables(trx);
    const last = await h
      .selectFrom('access_trail')
      .select('hash')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
    let previous = last?.hash ?? CHAIN_START;
    const rows = entries.map((entry) => {
      const hash = trailHash(previous, entry);
      const row = {
        at: entry.at,
        actor: entry.actor,
        role: entry.role,
        client_address: entry.clientAddress,
        request_id: entry.requestId,
        action: entry.action,
        object_type: entry.objectType,
        object_id: entry.objectId,
        org_code: entry.orgCode,
        county_code: entry.countyCode,
        outcome: entry.outcome,
        row_count: entry.rowCount,
        detail: entry.detail,
        previous_hash: previous,
        hash,
      };
      previous = hash;
      return row;
    });
    await h.insertInto('access_trail').values(rows).execute();
  });
}
