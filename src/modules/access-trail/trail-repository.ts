import type { Kysely, Selectable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { Database } from '../../db/schema.js';
import {
  CHAIN_START,
  trailHash,
  type StoredTrailRow,
  type TrailEntry,
  type TrailOutcome,
} from '../../domain/access/trail-chain.js';
import type { TrailTimeRange } from '../../domain/access/trail-rules.js';
import { rowsInScope, type OrgScope } from '../orgs/org-scope.js';
import { withTrailTables, type TrailTables } from './trail-tables.js';

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
    // Two appenders reading the same last hash would fork the chain: one at a time.
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

/** The columns of a stored row, in table order: exports and archives print them so. */
export const TRAIL_COLUMNS = [
  'id',
  'at',
  'actor',
  'role',
  'client_address',
  'request_id',
  'action',
  'object_type',
  'object_id',
  'org_code',
  'county_code',
  'outcome',
  'row_count',
  'detail',
  'previous_hash',
  'hash',
] as const;

/** A row of the table as stored, under its column names (an export or archive line). */
export type TrailRecord = Selectable<TrailTables['access_trail']>;

/** The stored row as the chain check reads it. */
export function toStoredTrailRow(row: TrailRecord): StoredTrailRow {
  return {
    id: Number(row.id),
    at: row.at,
    actor: row.actor,
    role: row.role,
    clientAddress: row.client_address,
    requestId: row.request_id,
    action: row.action,
    objectType: row.object_type,
    objectId: row.object_id,
    orgCode: row.org_code,
    countyCode: row.county_code,
    outcome: row.outcome as TrailOutcome,
    rowCount: row.row_count === null ? null : Number(row.row_count),
    detail: row.detail,
    previousHash: row.previous_hash,
    hash: row.hash,
  };
}

/**
 * One page of the whole chain in id order: the rows after `afterId`, at most `limit`. Not
 * confined to a scope, unlike every other list: the chain links every row to the one before
 * whatever its org, so only a check of all of it proves anything, and only the local
 * operator runs it (`gongwei access-log verify`, `archive`).
 *
 * @example
 * const page = await readChainPage(db.kysely, 0, 10_000); // the first 10 000 rows
 */
export async function readChainPage(
  h: Kysely<Database>,
  afterId: number,
  limit: number,
): Promise<StoredTrailRow[]> {
  return (await readChainRecords(h, afterId, limit)).map(toStoredTrailRow);
}

/** {@link readChainPage} as stored records (column names), for an archive file. */
export async function readChainRecords(
  h: Kysely<Database>,
  afterId: number,
  limit: number,
): Promise<TrailRecord[]> {
  const rows = await withTrailTables(h)
    .selectFrom('access_trail')
    .selectAll()
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((row) => ({ ...row, id: Number(row.id) }));
}

/** The stored hash of row `id`, or null when the table does not hold it (any more). */
export async function trailHashOf(h: Kysely<Database>, id: number): Promise<string | null> {
  const row = await withTrailTables(h)
    .selectFrom('access_trail')
    .select('hash')
    .where('id', '=', id)
    .executeTakeFirst();
  return row?.hash ?? null;
}

/** What a list of trail rows is narrowed to, beside the caller's scope. */
export interface TrailFilter extends TrailTimeRange {
  readonly actor?: string | undefined;
  readonly action?: string | undefined;
  readonly outcome?: TrailOutcome | undefined;
}

/** A keyset page: rows after `afterId` oldest first, or before `beforeId` newest first. */
export type TrailPage =
  | { readonly order: 'oldest-first'; readonly afterId: number; readonly limit: number }
  | { readonly order: 'newest-first'; readonly beforeId: number | null; readonly limit: number };

/**
 * A page of the trail rows in `scope` matching `filter`: those whose org lies in the scope
 * (the county column first, so the `(county_code, at)` index serves it). Rows without an
 * org (an anonymous refusal, the command-line operator) are in the whole tree's scope only.
 *
 * @example
 * await listTrail(db.kysely, scope, { fromAt, beforeAt: null, outcome: 'refused' },
 *   { order: 'newest-first', beforeId: null, limit: 100 });
 */
export async function listTrail(
  h: Kysely<Database>,
  scope: OrgScope,
  filter: TrailFilter,
  page: TrailPage,
): Promise<TrailRecord[]> {
  let query = withTrailTables(h)
    .selectFrom('access_trail')
    .selectAll()
    .where(rowsInScope(scope, { county: 'county_code', org: 'org_code' }));
  if (filter.fromAt !== null) query = query.where('at', '>=', filter.fromAt);
  if (filter.beforeAt !== null) query = query.where('at', '<', filter.beforeAt);
  if (filter.actor !== undefined) query = query.where('actor', '=', filter.actor);
  if (filter.action !== undefined) query = query.where('action', '=', filter.action);
  if (filter.outcome !== undefined) query = query.where('outcome', '=', filter.outcome);
  if (page.order === 'oldest-first') query = query.where('id', '>', page.afterId).orderBy('id', 'asc');
  else {
    if (page.beforeId !== null) query = query.where('id', '<', page.beforeId);
    query = query.orderBy('id', 'desc');
  }
  const rows = await query.limit(page.limit).execute();
  return rows.map((row) => ({ ...row, id: Number(row.id) }));
}
