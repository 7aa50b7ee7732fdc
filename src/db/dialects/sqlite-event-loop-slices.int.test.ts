import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../database.js';
import { openSqlite } from './sqlite.js';
import { EVENT_LOOP_SLICE_MS } from './sqlite-event-loop-slices.js';

/** Runs statements in one transaction for `slices` slices; returns how often a 1 ms timer fired meanwhile. */
async function timerTicksDuring(kysely: Kysely<unknown>, slices: number): Promise<number> {
  let ticks = 0;
  const timer = setInterval(() => ticks++, 1);
  try {
    return await kysely.transaction().execute(async (trx) => {
      const before = ticks;
      const started = performance.now();
      while (performance.now() - started < EVENT_LOOP_SLICE_MS * slices)
        await sql`insert into probe (n) values (1)`.execute(trx);
      return ticks - before;
    });
  } finally {
    clearInterval(timer);
  }
}

describe('the SQLite writer gives the event loop a turn between statements', () => {
  let dir = '';
  let db: Db;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'gongwei-slices-'));
    db = openSqlite(join(dir, 'slices.sqlite'));
    await sql`create table probe (n integer not null)`.execute(db.kysely);
  });
  afterEach(async () => {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('lets timers run during a long transaction, where the plain driver does not', async () => {
    expect(await timerTicksDuring(db.kysely as Kysely<unknown>, 6)).toBeGreaterThan(0);
    // The reason for the slices: Kysely's own SQLite driver holds the loop to the commit.
    const plain = new Kysely<unknown>({
      dialect: new SqliteDialect({ database: new SQLite(join(dir, 'slices.sqlite')) }),
    });
    try {
      expect(await timerTicksDuring(plain, 6)).toBe(0);
    } finally {
      await plain.destroy();
    }
  });

  it('keeps a transaction whole: a reader that arrives during a turn waits for the commit', async () => {
    const rows = 400;
    const writing = db.kysely.transaction().execute(async (trx) => {
      for (let i = 0; i < rows; i++) {
        await sql`insert into probe (n) values (${i})`.execute(trx);
        // Statements slow enough that the writer yields several times on its way.
        if (i % 50 === 0) {
          const until = performance.now() + EVENT_LOOP_SLICE_MS;
          while (performance.now() < until);
        }
      }
    });
    const counts: number[] = [];
    const reading = (async (): Promise<void> => {
      for (let i = 0; i < 5; i++) {
        await new Promise((resolve) => setImmediate(resolve));
        const { rows: r } = await sql<{ n: number }>`select count(*) as n from probe`.execute(db.kysely);
        counts.push(Number(r[0]!.n));
      }
    })();
    await Promise.all([writing, reading]);
    for (const n of counts) expect([0, rows]).toContain(n);
    expect(counts.at(-1)).toBe(rows);
  });

  it('rolls back every statement of a failed transaction, turns or not', async () => {
    await expect(
      db.kysely.transaction().execute(async (trx) => {
        const started = performance.now();
        while (performance.now() - started < EVENT_LOOP_SLICE_MS * 3)
          await sql`insert into probe (n) values (1)`.execute(trx);
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    const { rows } = await sql<{ n: number }>`select count(*) as n from probe`.execute(db.kysely);
    expect(Number(rows[0]!.n)).toBe(0);
  });
});
