/**
 * The server of the bench's load section, in a process of its own as `gongwei serve` runs it
 * (src/server/serve-command.ts): the database opened with the server's maintainers, reads in
 * worker threads with their own connections, every connection holding the latest year's
 * tallies before the first user. Its memory and its event loop are then the server's alone,
 * not shared with the bench's own data and the load clients.
 *
 * Forked by bench/load.ts with an IPC channel; it answers the messages of
 * {@link LoadServerRequest} with those of {@link LoadServerReply}.
 */
import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';
import { asServerDatabase, openMaintainedDatabase } from '../src/composition/maintained-database.js';
import type { DbTarget } from '../src/db/database.js';
import { buildApp } from '../src/server/app.js';

/** How the parent starts the server (JSON in the environment variable `GONGWEI_BENCH_LOAD_SERVER`). */
export interface LoadServerConfig {
  readonly target: DbTarget;
  /** `in-process` runs the reads on the application's connection, to compare with the workers. */
  readonly readers: 'workers' | 'in-process';
}

/** What the parent asks. */
export type LoadServerRequest =
  { readonly kind: 'loop-start' } | { readonly kind: 'loop-stop' } | { readonly kind: 'close' };

/** What the server answers (`listening` first, unasked). */
export type LoadServerReply =
  | { readonly kind: 'listening'; readonly port: number }
  | { readonly kind: 'loop'; readonly p99Ms: number; readonly maxMs: number }
  | { readonly kind: 'closed'; readonly peakRssMb: number }
  | { readonly kind: 'failed'; readonly message: string };

function reply(message: LoadServerReply): void {
  process.send?.(message);
}

async function serve(config: LoadServerConfig): Promise<void> {
  const db = await openMaintainedDatabase(config.target, { create: false });
  const app = await buildApp({
    db: asServerDatabase(db),
    logger: false,
    // The section measures the answers alone: no bulletin schedules or year preparation beside them.
    backgroundJobs: false,
    // Closed-loop users ask far more than people do: the per-caller limit is lifted.
    rateLimits: { api: { max: 1_000_000_000, windowMs: 60_000 } },
    serving: config.readers === 'workers' ? { readers: config.target, preload: true } : { preload: true },
  });
  await app.serving?.pool.preloaded;
  await app.listen({ port: 0, host: '127.0.0.1' });
  let loopDelay: IntervalHistogram | null = null;
  process.on('message', (message: LoadServerRequest) => {
    if (message.kind === 'loop-start') {
      // How long the loop was held: what a health check waits for at most.
      loopDelay = monitorEventLoopDelay({ resolution: 1 });
      loopDelay.enable();
    } else if (message.kind === 'loop-stop' && loopDelay !== null) {
      loopDelay.disable();
      reply({ kind: 'loop', p99Ms: loopDelay.percentile(99) / 1e6, maxMs: loopDelay.max / 1e6 });
      loopDelay = null;
    } else if (message.kind === 'close') {
      void (async (): Promise<void> => {
        await app.close();
        await db.close();
        // The process's peak, its read workers included (they are its threads).
        reply({ kind: 'closed', peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024) });
        process.disconnect();
      })();
    }
  });
  reply({ kind: 'listening', port: (app.server.address() as { port: number }).port });
}

const config = JSON.parse(process.env.GONGWEI_BENCH_LOAD_SERVER ?? 'null') as LoadServerConfig | null;
if (config === null || process.send === undefined) {
  process.stderr.write('bench/load-server.js is started by the load section (bench/load.ts), with IPC\n');
  process.exit(2);
}
serve(config).catch((error: unknown) => {
  reply({ kind: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  process.exitCode = 1;
  process.disconnect();
});
