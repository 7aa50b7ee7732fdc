/**
 * The ticker of the server's background jobs (src/server/background-jobs.ts, the one place
 * that uses it): runs a job on a timer while the server is up, its interval read from the
 * environment.
 */
import type { FastifyInstance } from 'fastify';

const DEFAULT_INTERVAL_MS = 60_000;

/**
 * Milliseconds between runs, read from an environment variable: `off` disables (null); a
 * number of at least 1000; anything else (or unset) is `fallbackMs` (one minute unless given).
 *
 * @example
 * intervalFromEnv('GONGWEI_BULLETIN_SCHEDULER_MS') // → 60000 when unset, null when 'off'
 */
export function intervalFromEnv(variable: string, fallbackMs: number = DEFAULT_INTERVAL_MS): number | null {
  const raw = process.env[variable];
  if (raw === 'off') return null;
  const n = raw ? Number(raw) : fallbackMs;
  return Number.isFinite(n) && n >= 1000 ? n : fallbackMs;
}

/**
 * Runs `job` every `intervalMs` from when the server is ready until it closes; nothing when
 * `intervalMs` is null. A run still going when the next tick comes is not overlapped, the
 * timer does not keep the process alive, and a failing run is logged (its message only: it
 * must not carry personal data) without stopping the timer.
 *
 * @example
 * repeatWhileUp(app, intervalFromEnv('GONGWEI_BULLETIN_SCHEDULER_MS'), 'bulletin schedules',
 *   () => runDueSchedules(db, WHOLE_TREE, new Date()).then(() => undefined));
 */
export function repeatWhileUp(
  app: FastifyInstance,
  intervalMs: number | null,
  name: string,
  job: () => Promise<void>,
): void {
  if (intervalMs === null) return;
  let timer: NodeJS.Timeout | undefined;
  let running = false;
  app.addHook('onReady', async () => {
    timer = setInterval(() => {
      if (running) return;
      running = true;
      job()
        .catch((error: unknown) =>
          app.log.error({ err: { message: (error as Error).message } }, `${name} failed`),
        )
        .finally(() => {
          running = false;
        });
    }, intervalMs);
    timer.unref();
  });
  app.addHook('onClose', async () => {
    if (timer) clearInterval(timer);
  });
}
