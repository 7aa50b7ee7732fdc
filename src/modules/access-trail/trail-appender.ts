import type { TrailEntry } from '../../domain/access/trail-chain.js';
import type { Db } from '../../db/database.js';
import { appendTrail } from './trail-repository.js';

/** Most entries written in one transaction: a batch of requests, never a whole backlog at once. */
const MOST_ENTRIES_A_BATCH = 1000;

interface WaitingAppend {
  readonly entries: readonly TrailEntry[];
  readonly done: () => void;
  readonly failed: (error: unknown) => void;
}

/**
 * The server's writer of the access trail: appends that arrive while one is being written
 * wait and are then written together, in one transaction (a group commit). Every append
 * still resolves only once its own entries are committed, so an answer that waits for its
 * trail never leaves before it is recorded; but the chain's lock (one appender at a time)
 * is taken once per batch instead of once per request. On PostgreSQL each append costs a
 * table lock, a read of the last hash and a commit that waits for the disk: one at a time,
 * they held 50 users' record views and drill-downs in a queue (ADR 0014 amendment of
 * 7 December, third session).
 *
 * A batch that fails is written again one append at a time, so that one append's failure
 * is its own and not its neighbours'.
 *
 * @example
 * const trail = new TrailAppender(db);
 * await trail.append([{ at, actor: 'zhang', action: 'resident.read', outcome: 'allowed', ... }]);
 */
export class TrailAppender {
  private waiting: WaitingAppend[] = [];
  private writing = false;
  private batchCount = 0;

  constructor(private readonly db: Db) {}

  /** Transactions written so far: fewer than appends when appends arrived together. */
  get batches(): number {
    return this.batchCount;
  }

  /** Appends `entries` to the trail, in order; resolves once they are committed. */
  append(entries: readonly TrailEntry[]): Promise<void> {
    if (entries.length === 0) return Promise.resolve();
    return new Promise<void>((done, failed) => {
      this.waiting.push({ entries, done, failed });
      if (!this.writing) void this.writeWaiting();
    });
  }

  private async writeWaiting(): Promise<void> {
    this.writing = true;
    try {
      while (this.waiting.length > 0) await this.writeBatch(this.takeBatch());
    } finally {
      this.writing = false;
    }
  }

  /** The first waiting appends, up to the batch's size (always at least one). */
  private takeBatch(): WaitingAppend[] {
    let count = 0;
    let entries = 0;
    for (const append of this.waiting) {
      if (count > 0 && entries + append.entries.length > MOST_ENTRIES_A_BATCH) break;
      entries += append.entries.length;
      count += 1;
    }
    return this.waiting.splice(0, count);
  }

  private async writeBatch(batch: readonly WaitingAppend[]): Promise<void> {
    this.batchCount += 1;
    try {
      await appendTrail(
        this.db,
        batch.flatMap((append) => append.entries),
      );
      for (const append of batch) append.done();
      return;
    } catch (error) {
      if (batch.length === 1) {
        batch[0]!.failed(error);
        return;
      }
    }
    for (const append of batch) {
      this.batchCount += 1;
      try {
        await appendTrail(this.db, append.entries);
        append.done();
      } catch (error) {
        append.failed(error);
      }
    }
  }
}
