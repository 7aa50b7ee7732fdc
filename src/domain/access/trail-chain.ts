import { createHash } from 'node:crypto';

/** What one access-trail row says (everything but its id and its two hashes). */
export interface TrailEntry {
  /** ISO timestamp. */
  readonly at: string;
  /** The caller's name (username, `token:<name>`, `operator:<os user>`) or `anonymous`. */
  readonly actor: string;
  readonly role: string | null;
  readonly clientAddress: string | null;
  readonly requestId: string | null;
  /** What was done, e.g. `session.create`, `resident.read`, `POST /api/services`. */
  readonly action: string;
  readonly objectType: string | null;
  readonly objectId: string | null;
  readonly orgCode: string | null;
  readonly countyCode: string | null;
  readonly outcome: TrailOutcome;
  /** Rows a list or an export returned. */
  readonly rowCount: number | null;
  /** A short reason (a refusal's error code), never personal data. */
  readonly detail: string | null;
}

/** allowed: done; refused: 401/403/429 or a lock-out; failed: any other error. */
export type TrailOutcome = 'allowed' | 'refused' | 'failed';

/** The `previous_hash` of the first row of a chain. */
export const CHAIN_START = '0'.repeat(64);

/**
 * The hash of a trail row: SHA-256 of the previous row's hash and this row's content, in a
 * fixed order and encoding, so that editing, removing or reordering any row breaks the link
 * of every row after it.
 *
 * @example
 * const first = trailHash(CHAIN_START, entry);
 * const second = trailHash(first, nextEntry);
 */
export function trailHash(previousHash: string, entry: TrailEntry): string {
  const content = JSON.stringify([
    entry.at,
    entry.actor,
    entry.role,
    entry.clientAddress,
    entry.requestId,
    entry.action,
    entry.objectType,
    entry.objectId,
    entry.orgCode,
    entry.countyCode,
    entry.outcome,
    entry.rowCount,
    entry.detail,
  ]);
  return createHash('sha256').update(previousHash).update('\n').update(content).digest('hex');
}

/** A stored row as the chain check reads it. */
export interface StoredTrailRow extends TrailEntry {
  readonly id: number;
  readonly previousHash: string;
  readonly hash: string;
}

/**
 * The first row, in id order, whose link is broken — its `previous_hash` is not the hash of
 * the row before, or its `hash` is not the hash of its content — or null when the chain holds.
 * `expectedPrevious` is the hash the first row must link to (CHAIN_START for the whole table,
 * the last verified hash when checking in pages).
 */
export function firstBrokenLink(
  rows: readonly StoredTrailRow[],
  expectedPrevious: string,
): { id: number; reason: 'previous_hash' | 'hash' } | null {
  let previous = expectedPrevious;
  for (const row of rows) {
    if (row.previousHash !== previous) return { id: row.id, reason: 'previous_hash' };
    if (trailHash(row.previousHash, row) !== row.hash) return { id: row.id, reason: 'hash' };
    previous = row.hash;
  }
  return null;
}
