/**
 * The thread that checkpoints an SQLite file's write-ahead log for the writer
 * (./sqlite-wal-checkpoints.ts): its own read-write connection, one PASSIVE checkpoint per
 * request, the outcome sent back. PASSIVE never waits for the writer or the readers, so the
 * writer goes on appending while pages are copied back into the database file.
 */
import { parentPort, workerData } from 'node:worker_threads';
import SQLite from 'better-sqlite3';
import type { CheckpointReply, CheckpointRequest } from './sqlite-wal-checkpoints.js';

const port = parentPort;
if (port === null) throw new Error('sqlite-wal-checkpoint-worker runs as a worker thread');

const { file } = workerData as { file: string };
const connection = new SQLite(file, { fileMustExist: true });

port.on('message', (request: CheckpointRequest) => {
  if (request === 'close') {
    connection.close();
    port.close();
    return;
  }
  let reply: CheckpointReply;
  try {
    const [outcome] = connection.pragma('wal_checkpoint(PASSIVE)') as {
      busy: number;
      log: number;
      checkpointed: number;
    }[];
    reply = { ok: true, walFrames: outcome?.log ?? 0, copiedFrames: outcome?.checkpointed ?? 0 };
  } catch (error) {
    reply = { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(reply);
});
