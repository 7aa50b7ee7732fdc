/**
 * Checkpoints of the write-ahead log, beside the writer instead of inside its commits.
 *
 * SQLite's own rule (wal_autocheckpoint) makes the commit that takes the log past 1 000 pages
 * copy the whole log back into the database file and sync it before the commit returns: 2 s
 * of a county import's 9.6 s, ~0.8 s of a city audit run's transaction, held with the write
 * lock, on the event loop's thread. The writer's connection turns that rule off
 * (./sqlite.ts) and this module asks a worker thread with a connection of its own
 * (./sqlite-wal-checkpoint-worker.ts) for a PASSIVE checkpoint after each committed write,
 * one at a time, requests arriving meanwhile folded into the next. The log still restarts
 * from its beginning once a checkpoint has copied everything and no reader needs it, as with
 * SQLite's rule. See ADR 0001, amendment of 8 December 2026.
 */
import { statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

/** The log's size (bytes) from which the checkpoints start: SQLite's own 1 000 pages of 4 KB. */
export const WAL_CHECKPOINT_START_BYTES = 4 * 1024 * 1024;

/**
 * The log's length (frames, ~4 KB each) past which the writer copies what the worker has not
 * yet copied, itself, between two of its transactions: see {@link walCheckpoints}.
 */
export const WAL_CATCH_UP_FRAMES = 16_384;

/** A message to the checkpoint worker. */
export type CheckpointRequest = 'checkpoint' | 'close';

/** The worker's answer to one checkpoint (frames as `PRAGMA wal_checkpoint` counts them). */
export type CheckpointReply =
  | { readonly ok: true; readonly walFrames: number; readonly copiedFrames: number }
  | { readonly ok: false; readonly message: string };

/** The checkpoints of one database file, asked for by its writer. */
export interface WalCheckpoints {
  /** Called after each write is committed (a commit, or a write outside a transaction). */
  committed(): void;
  /** Checkpoints done so far. */
  readonly completed: number;
  /** Resolves once no checkpoint is running or asked for. */
  settled(): Promise<void>;
  /** Lets a running checkpoint finish, then stops the worker and closes its connection. */
  close(): Promise<void>;
}

/** How {@link walCheckpoints} behaves; the defaults are the production ones. */
export interface WalCheckpointOptions {
  /** The log's size from which checkpoints are asked for ({@link WAL_CHECKPOINT_START_BYTES}). */
  readonly startAtBytes?: number;
  /** The log's length from which the writer catches up ({@link WAL_CATCH_UP_FRAMES}). */
  readonly catchUpFrames?: number;
  /** A PASSIVE checkpoint on the writer's own connection, outside any transaction of it. */
  readonly checkpointHere: () => void;
  /**
   * Called once if a checkpoint or the worker fails; no checkpoint is asked for after it, so
   * the caller turns SQLite's own rule back on.
   */
  readonly onFailure: (message: string) => void;
}

/**
 * Checkpoints of `file`'s write-ahead log in a worker thread, started when the log first
 * outgrows `startAtBytes` (a small database never starts one).
 *
 * The log starts again from its beginning only when a write transaction begins while every
 * frame is copied. A writer that commits batch after batch (the demo, a year's preparation)
 * always appends during the worker's copy, so the log would never restart and would grow
 * without end (18 GB while a city demo was generated). So once the worker reports a log of
 * `catchUpFrames` or more, it is left idle and the writer's next commit copies the remainder
 * itself (`checkpointHere`: the frames appended during the worker's last copy, or none), and
 * its next transaction restarts the log.
 *
 * @example
 * const checkpoints = walCheckpoints(file, {
 *   checkpointHere: () => native.pragma('wal_checkpoint(PASSIVE)'),
 *   onFailure: () => native.pragma('wal_autocheckpoint = 1000'),
 * });
 * // after each commit: checkpoints.committed(); before closing the writer: await checkpoints.close();
 */
export function walCheckpoints(file: string, options: WalCheckpointOptions): WalCheckpoints {
  const startAtBytes = options.startAtBytes ?? WAL_CHECKPOINT_START_BYTES;
  const catchUpFrames = options.catchUpFrames ?? WAL_CATCH_UP_FRAMES;
  let worker: Worker | null = null;
  let exited: Promise<void> = Promise.resolve();
  let running = false;
  let askedAgain = false;
  let failed = false;
  let closing = false;
  let completed = 0;
  let writerCatchesUp = false;
  let idle: (() => void)[] = [];

  const settle = (): void => {
    const waiting = idle;
    idle = [];
    for (const resolve of waiting) resolve();
  };
  const fail = (message: string): void => {
    if (failed) return;
    failed = true;
    running = false;
    askedAgain = false;
    options.onFailure(message);
    settle();
  };
  const ask = (): void => {
    if (running) {
      askedAgain = true;
      return;
    }
    running = true;
    worker!.postMessage('checkpoint' satisfies CheckpointRequest);
  };
  const start = (): Worker => {
    // Built code runs the .js worker. Tests run the TypeScript source, required through
    // tsx's CommonJS hook: Node 20 applies no module loader hooks to a worker's ES modules.
    const source = import.meta.url.endsWith('.ts');
    const started = source
      ? new Worker(
          `require(${JSON.stringify(fileURLToPath(new URL('./sqlite-wal-checkpoint-worker.ts', import.meta.url)))})`,
          {
            eval: true,
            workerData: { file },
            execArgv: ['--require', 'tsx/cjs'],
          },
        )
      : new Worker(new URL('./sqlite-wal-checkpoint-worker.js', import.meta.url), { workerData: { file } });
    // A database left open must not keep its process alive; an interrupted checkpoint is safe.
    started.unref();
    started.on('message', (reply: CheckpointReply) => {
      if (!reply.ok) return fail(reply.message);
      completed += 1;
      running = false;
      if (reply.walFrames >= catchUpFrames) writerCatchesUp = true;
      if (askedAgain && !closing && !writerCatchesUp) {
        askedAgain = false;
        ask();
      } else settle();
    });
    started.on('error', (error) => fail(error.message));
    exited = new Promise((resolve) => started.once('exit', () => resolve()));
    return started;
  };

  return {
    committed(): void {
      if (failed || closing) return;
      if (worker === null) {
        const size = statSync(`${file}-wal`, { throwIfNoEntry: false })?.size ?? 0;
        if (size <= startAtBytes) return;
        worker = start();
      }
      if (writerCatchesUp && !running) {
        writerCatchesUp = false;
        askedAgain = false;
        try {
          options.checkpointHere();
        } catch (error) {
          fail(error instanceof Error ? error.message : String(error));
        }
        return;
      }
      ask();
    },
    get completed(): number {
      return completed;
    },
    settled(): Promise<void> {
      if (!running || failed) return Promise.resolve();
      return new Promise((resolve) => idle.push(resolve));
    },
    async close(): Promise<void> {
      closing = true;
      if (worker === null) return;
      // Held open until the worker is gone, or a process awaiting this would end on the spot.
      worker.ref();
      if (!failed) worker.postMessage('close' satisfies CheckpointRequest);
      else await worker.terminate();
      await exited;
      settle();
    },
  };
}
