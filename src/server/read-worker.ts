/**
 * A read worker of the server (piscina, ADR 0014): its own read-only connection, opened at
 * the first task (the SQLite file in WAL mode, or a pool of two PostgreSQL connections),
 * running the reads of ./read-tasks.ts so that their synchronous SQLite work and their
 * JavaScript (adding up the tallies, assembling the table) happen beside the event loop, on
 * every core, not on it.
 */
import { workerData } from 'node:worker_threads';
import type { Db } from '../db/database.js';
import type { DbTarget } from '../db/database.js';
import { openPostgres } from '../db/dialects/postgres.js';
import { openSqlite } from '../db/dialects/sqlite.js';
import { READS_PER_WORKER } from './reads-per-worker.js';
import { runReadTask, type ReadAnswers, type ReadOutcome, type ReadTask } from './read-tasks.js';

let db: Db | null = null;

/** Piscina's entry point: one task, its outcome. */
export default async function readTask(task: ReadTask): Promise<ReadOutcome<ReadAnswers[ReadTask['kind']]>> {
  db ??= openReader(workerData as DbTarget);
  return runReadTask(db, task);
}

/** The read-only connection of a worker to `target` (exported for its test). */
export function openReader(target: DbTarget): Db {
  if (target.url)
    return openPostgres(target.url, {
      max: READS_PER_WORKER,
      readOnly: true,
      ...(target.schema ? { schema: target.schema } : {}),
    });
  if (!target.file) throw new Error('a read worker needs a database: a SQLite file or a PostgreSQL URL');
  return openSqlite(target.file, { readOnly: true });
}
