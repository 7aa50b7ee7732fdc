/**
 * Where the server runs its heavy reads (ADR 0014): in a pool of worker threads each holding
 * a read-only connection (on SQLite, WAL lets them read while the server's own connection
 * writes; on PostgreSQL the JavaScript of an answer then runs on every core, not on the event
 * loop), or in-process on the application's connection (tests, callers that name no
 * database). Either way behind a bounded queue: when `concurrency` reads run and
 * `maxQueued` wait, the next is refused at once with 503 and Retry-After instead of waiting
 * without limit. The queue lets a dashboard's table pass the drill-down pages waiting before
 * it: at fifty users the reads wait for the CPU whatever their order, and the order decides
 * who waits. First come first served put both kinds at a p95 of 110–190 ms on the county demo,
 * drill-downs first put the dashboards at 430–620 ms; dashboards first keep theirs under
 * 100 ms (docs/performance.md, 7 December 2026, fifth session).
 */
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import type { Db, DbTarget } from '../db/database.js';
import { GongweiError } from '../domain/gongwei-error.js';
import type { RuleReader } from '../modules/audits/rule-reading.js';
import { READS_PER_WORKER } from './reads-per-worker.js';
import {
  answerOf,
  runReadTask,
  type PreloadAnswer,
  type ReadAnswers,
  type ReadOutcome,
  type ReadTask,
} from './read-tasks.js';

/** How reads are run. */
export interface ReadPoolOptions {
  /**
   * The database the worker threads read, each with its own read-only connection (a SQLite
   * file in WAL mode; a PostgreSQL URL and schema, two connections a thread); without it
   * reads run in-process on the application's connection.
   */
  readonly readers?: DbTarget;
  /** Worker threads (default: the machine's cores). */
  readonly threads?: number;
  /**
   * Reads running at once (default: the worker threads times the reads each runs at once, as
   * {@link READS_PER_WORKER}; in-process 8). More than the threads take waits
   * in their pool's own queue, first come first served.
   */
  readonly concurrency?: number;
  /** Reads waiting beyond those (default 200); one more is refused with 503. */
  readonly maxQueued?: number;
  /** Seconds a refused client is told to wait (Retry-After, default 1). */
  readonly retryAfterSeconds?: number;
  /**
   * Read the latest maintained year's tallies into every connection's memory at once, ahead
   * of the first dashboard (default false; `gongwei serve` and the load bench do).
   */
  readonly preload?: boolean;
}

/** The refusal of a read when the queue is full: 503 `unavailable`, with the Retry-After to send. */
export class ReadQueueFullError extends GongweiError {
  override readonly name = 'ReadQueueFullError';

  constructor(readonly retryAfterSeconds: number) {
    super('unavailable', {
      zh: `服务器繁忙，请 ${retryAfterSeconds} 秒后重试`,
      en: `the server is busy: retry in ${retryAfterSeconds} s`,
    });
  }
}

/**
 * The reads that go first when a place frees: the dashboard's table (and the read ahead of a
 * worker's start, which no client waits for in a queue) before the drill-down pages and the
 * rules of an audit run (each one read, ADR 0007).
 */
const GOES_FIRST: Record<ReadTask['kind'], boolean> = {
  'indicator-values': true,
  'preload-tallies': true,
  'indicator-people': false,
  'audit-rule': false,
};

/** Runs reads with a bounded queue, dashboards first. */
export class ReadPool {
  private running = 0;
  private readonly waiting = { first: [] as (() => void)[], after: [] as (() => void)[] };
  private readonly concurrency: number;
  private readonly maxQueued: number;
  private readonly retryAfter: number;
  private readonly piscina: Piscina | null;
  /**
   * What each connection read ahead ({@link ReadPoolOptions.preload}); empty without preload.
   * Never rejects: a preload that failed (or was cut short by `close`) leaves that connection
   * to read its counties at its first answer, as without preload.
   */
  readonly preloaded: Promise<readonly PreloadAnswer[]>;

  constructor(
    private readonly db: Db,
    options: ReadPoolOptions = {},
  ) {
    const threads = Math.max(1, options.threads ?? availableParallelism());
    const readers = options.readers;
    const readsAtOnce = readers ? READS_PER_WORKER : 1;
    this.piscina =
      readers && (readers.url || readers.file) ? workerPool(readers, threads, readsAtOnce) : null;
    this.concurrency = Math.max(1, options.concurrency ?? (this.piscina ? threads * readsAtOnce : 8));
    this.maxQueued = Math.max(0, options.maxQueued ?? 200);
    this.retryAfter = options.retryAfterSeconds ?? 1;
    this.preloaded = options.preload ? this.preloadEach(threads) : Promise.resolve([]);
  }

  /** True when reads run in worker threads. */
  get offThread(): boolean {
    return this.piscina !== null;
  }

  /**
   * The audit rules' reader running each reading as a task of this pool (`runAudits`): in a
   * worker thread, or in-process on the application's database.
   */
  get ruleReader(): RuleReader {
    return {
      read: (reading) => this.run({ kind: 'audit-rule', reading }),
      apart: this.piscina !== null || !this.db.dialect.oneConnection,
    };
  }

  /** Reads waiting for a place. */
  get queued(): number {
    return this.waiting.first.length + this.waiting.after.length;
  }

  /**
   * Runs a read, waiting for a free place when `concurrency` run (a dashboard's table ahead
   * of the drill-down pages waiting); refuses with {@link ReadQueueFullError} when
   * `maxQueued` already wait.
   */
  async run<K extends ReadTask['kind']>(task: Extract<ReadTask, { kind: K }>): Promise<ReadAnswers[K]> {
    if (this.running >= this.concurrency) {
      if (this.queued >= this.maxQueued) throw new ReadQueueFullError(this.retryAfter);
      const lane = GOES_FIRST[task.kind] ? this.waiting.first : this.waiting.after;
      await new Promise<void>((resolve) => lane.push(resolve));
    } else this.running++;
    try {
      const outcome = (
        this.piscina ? await this.piscina.run(task) : await runReadTask(this.db, task)
      ) as ReadOutcome<ReadAnswers[K]>;
      return answerOf(outcome);
    } finally {
      // The place passes to the next waiting read, or is freed.
      const next = this.waiting.first.shift() ?? this.waiting.after.shift();
      if (next) next();
      else this.running--;
    }
  }

  /**
   * One preload per worker thread (piscina gives a task to an idle worker, and each is busy
   * with its own preload while the others start), or one in-process. Outside the bounded
   * queue: it is the pool's own work, not a client's.
   */
  private async preloadEach(threads: number): Promise<readonly PreloadAnswer[]> {
    const task: ReadTask = { kind: 'preload-tallies' };
    const once = async (): Promise<PreloadAnswer | null> => {
      try {
        const outcome = (
          this.piscina ? await this.piscina.run(task) : await runReadTask(this.db, task)
        ) as ReadOutcome<PreloadAnswer>;
        return answerOf(outcome);
      } catch {
        return null;
      }
    };
    const answers = await Promise.all(Array.from({ length: this.piscina ? threads : 1 }, once));
    return answers.filter((a): a is PreloadAnswer => a !== null);
  }

  /** Stops the worker threads. */
  async close(): Promise<void> {
    await this.piscina?.destroy();
  }
}

function workerPool(readers: DbTarget, threads: number, readsAtOnce: number): Piscina {
  // Built code runs read-worker.js; tests run the TypeScript source through tsx.
  const source = import.meta.url.endsWith('.ts');
  return new Piscina({
    filename: new URL(source ? './read-worker.ts' : './read-worker.js', import.meta.url).href,
    workerData: { ...readers },
    minThreads: threads,
    maxThreads: threads,
    concurrentTasksPerWorker: readsAtOnce,
    idleTimeout: 60_000,
    ...(source ? { execArgv: ['--import', 'tsx'] } : {}),
  });
}
