import { copyFileSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqlite } from './sqlite.js';
import { WAL_CHECKPOINT_START_BYTES, walCheckpoints } from './sqlite-wal-checkpoints.js';

/** Rows of `table` in the database file alone, as a checkpoint left it (its log not read). */
function rowsInFileAlone(dir: string, file: string, table: string): number {
  const copy = join(dir, `alone-${Math.random().toString(36).slice(2)}.sqlite`);
  copyFileSync(file, copy);
  const alone = new SQLite(copy, { readonly: true });
  try {
    const found = alone.prepare(`select count(*) as n from sqlite_master where name = ?`).get(table) as {
      n: number;
    };
    if (found.n === 0) return 0;
    return (alone.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
  } finally {
    alone.close();
  }
}

/** A writer as ./sqlite.ts opens it, SQLite's own checkpoints off, `rows` of 4 KB committed at once. */
function writeRows(native: SQLite.Database, rows: number): void {
  native.exec('create table if not exists blobs (id integer primary key, body blob not null)');
  const insert = native.prepare('insert into blobs (body) values (randomblob(4096))');
  native.transaction(() => {
    for (let i = 0; i < rows; i++) insert.run();
  })();
}

/** Waits until `check` holds, at most `ms` (a correctness wait, not a timing). */
async function eventually(check: () => boolean, ms = 30_000): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return check();
}

describe('checkpoints of the write-ahead log in a worker thread', () => {
  let dir = '';
  let file = '';
  let native: SQLite.Database;
  let writerCheckpoints = 0;
  const here = (): void => {
    writerCheckpoints += 1;
    native.pragma('wal_checkpoint(PASSIVE)');
  };
  /** The log's length in frames, as a checkpoint by the writer finds it. */
  const logFrames = (): number => (native.pragma('wal_checkpoint(PASSIVE)') as { log: number }[])[0]!.log;
  beforeEach(() => {
    writerCheckpoints = 0;
    dir = mkdtempSync(join(tmpdir(), 'gongwei-wal-'));
    file = join(dir, 'wal.sqlite');
    native = new SQLite(file);
    native.pragma('journal_mode = WAL');
    native.pragma('wal_autocheckpoint = 0');
  });
  afterEach(() => {
    if (native.open) native.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('copies a committed log into the database file once it outgrows the start size', async () => {
    const failures: string[] = [];
    const checkpoints = walCheckpoints(file, { checkpointHere: here, onFailure: (m) => failures.push(m) });
    writeRows(native, 2000); // ~8 MB of log
    expect(rowsInFileAlone(dir, file, 'blobs')).toBe(0); // the commit itself copied nothing
    checkpoints.committed();
    await checkpoints.settled();
    expect(checkpoints.completed).toBe(1);
    expect(rowsInFileAlone(dir, file, 'blobs')).toBe(2000);
    await checkpoints.close();
    expect(failures).toEqual([]);
  });

  it('starts no worker while the log is small', async () => {
    const checkpoints = walCheckpoints(file, { checkpointHere: here, onFailure: () => undefined });
    writeRows(native, 10);
    checkpoints.committed();
    await checkpoints.settled();
    expect(checkpoints.completed).toBe(0);
    expect(rowsInFileAlone(dir, file, 'blobs')).toBe(0);
    await checkpoints.close();
  });

  it('folds the commits made while a checkpoint runs into one more', async () => {
    const checkpoints = walCheckpoints(file, {
      startAtBytes: 0,
      checkpointHere: here,
      onFailure: () => undefined,
    });
    writeRows(native, 10);
    for (let i = 0; i < 20; i++) {
      writeRows(native, 1);
      checkpoints.committed();
    }
    await checkpoints.settled();
    expect(checkpoints.completed).toBeGreaterThanOrEqual(1);
    expect(checkpoints.completed).toBeLessThanOrEqual(2);
    expect(rowsInFileAlone(dir, file, 'blobs')).toBe(30);
    await checkpoints.close();
  });

  it('has the writer copy the rest when the log was not restarted, so that it restarts', async () => {
    const checkpoints = walCheckpoints(file, {
      startAtBytes: 0,
      catchUpFrames: 64,
      checkpointHere: here,
      onFailure: () => undefined,
    });
    writeRows(native, 100);
    // A reader's snapshot keeps the worker from copying what is written after it.
    const reader = new SQLite(file, { readonly: true });
    reader.exec('begin');
    reader.prepare('select count(*) from blobs').get();
    writeRows(native, 100);
    checkpoints.committed();
    await checkpoints.settled();
    reader.exec('commit');
    reader.close();
    expect(checkpoints.completed).toBe(1);

    // Not all copied when the next transaction began: the log goes on after its last frame.
    writeRows(native, 1);
    checkpoints.committed();
    expect(writerCheckpoints).toBe(1);
    expect(checkpoints.completed).toBe(1); // the worker was not asked again
    expect(rowsInFileAlone(dir, file, 'blobs')).toBe(201);
    writeRows(native, 1);
    expect(logFrames()).toBeLessThan(10); // restarted from its beginning
    await checkpoints.close();
  });

  it('reports a worker that cannot open the file, and asks for nothing after it', async () => {
    const missing = join(dir, 'missing.sqlite');
    writeFileSync(`${missing}-wal`, Buffer.alloc(WAL_CHECKPOINT_START_BYTES + 1));
    const failures: string[] = [];
    const checkpoints = walCheckpoints(missing, { checkpointHere: here, onFailure: (m) => failures.push(m) });
    checkpoints.committed();
    expect(await eventually(() => failures.length > 0)).toBe(true);
    checkpoints.committed();
    await checkpoints.settled();
    expect(failures).toHaveLength(1);
    expect(checkpoints.completed).toBe(0);
    await checkpoints.close();
  });
});

describe('the writer opened by openSqlite', () => {
  let dir = '';
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'gongwei-wal-writer-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('leaves its checkpoints to the worker, which copies the log after a large commit', async () => {
    const file = join(dir, 'writer.sqlite');
    const db = openSqlite(file);
    try {
      const setting = await sql<{ wal_autocheckpoint: number }>`pragma wal_autocheckpoint`.execute(db.kysely);
      expect(setting.rows[0]?.wal_autocheckpoint).toBe(0);
      await sql`create table blobs (id integer primary key, body blob not null)`.execute(db.kysely);
      await db.kysely.transaction().execute(async (trx) => {
        for (let i = 0; i < 20; i++)
          await sql`insert into blobs (body) select randomblob(4096) from (
            with recursive n(i) as (select 1 union all select i + 1 from n where i < 100) select i from n)`.execute(
            trx,
          );
      });
      // A copy taken while the worker writes pages back can be torn: it counts as not yet.
      const copied = (): boolean => {
        try {
          return rowsInFileAlone(dir, file, 'blobs') === 2000;
        } catch {
          return false;
        }
      };
      expect(await eventually(copied)).toBe(true);
    } finally {
      await db.close();
    }
    // Closed: nothing left in a log beside the file.
    expect(existsSync(`${file}-wal`)).toBe(false);
    expect(rowsInFileAlone(dir, file, 'blobs')).toBe(2000);
  });

  it('keeps the log of a small database until it closes', async () => {
    const file = join(dir, 'small.sqlite');
    const db = openSqlite(file);
    await sql`create table t (n integer)`.execute(db.kysely);
    await sql`insert into t (n) values (1), (2), (3)`.execute(db.kysely);
    expect(rowsInFileAlone(dir, file, 't')).toBe(0);
    await db.close();
    expect(rowsInFileAlone(dir, file, 't')).toBe(3);
  });
});
