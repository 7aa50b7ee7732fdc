/**
 * A read worker of the server (piscina, ADR 0014): its own read-only connection to the
 * SQLite file, opened at the first task, running the reads of ./read-tasks.ts so that their
 * synchronous SQLite work and their JavaScript happen beside the event loop, not on it.
 */
import { workerData } from 'node:worker_threads';
import type { Db } from '../db/database.js';
import { openSqlite } from '../db/dialects/sqlite.js';
import { runReadTask, type ReadAnswers, type ReadOutcome, type ReadTask } from './read-tasks.js';

let db: Db | null = null;

/** Piscina's entry point: one task, its outcome. */
export default async function readTask(task: ReadTask): Promise<ReadOutcome<ReadAnswers[ReadTask['kind']]>> {
  db ??= openSqlite((workerData as { file: string }).file, { readOnly: true });
  return runReadTask(db, task);
}
