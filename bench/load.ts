/**
 * Bench section "load" (issue 11): the HTTP server under concurrent signed-in users. The
 * server runs in a process of its own on the bench's database, as `gongwei serve` runs
 * (bench/load-server.ts; 127.0.0.1, a free port), so that its memory and its event loop are
 * measured alone; the clients run in a worker thread of the bench (bench/load-client.ts,
 * autocannon as a library). At 1, 10 and 50
 * users, without and with a writer recording 5 follow-ups a second, it measures per
 * endpoint — dashboard (GET /api/indicators, a random org in the user's scope, depth 1, a
 * random period of 2020), drill-down page (GET /api/indicators/:id/people, a township or
 * village in scope), record view (GET /api/residents/:recordNo in scope), /api/health and
 * the writes — p50, p95 and p99 latency, throughput and errors.
 *
 * Users are closed loops (the next request leaves when the answer is in), so 50 users ask far
 * more than 50 people would: the per-caller rate limit (600 a minute) is lifted for the
 * section. The users are one city bureau, the county bureaus and township health centres.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, fsyncSync, openSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { sql } from 'kysely';
import type { Db } from '../src/db/database.js';
import { INDICATORS } from '../src/domain/indicators/catalogue.js';
import { hashPassword } from '../src/modules/accounts/password-hashing.js';
import { createSession, DEFAULT_SESSION_LIFETIME } from '../src/modules/accounts/sessions-repository.js';
import { insertUser } from '../src/modules/accounts/users-repository.js';
import type { DbTarget } from '../src/db/database.js';
import type { BenchFigure, BenchSection } from './bench-section.js';
import type { LoadEndpoint, LoadOutcome, LoadPlan, LoadUser } from './load-client.js';
import type { LoadServerConfig, LoadServerReply, LoadServerRequest } from './load-server.js';

const USER_COUNTS = [1, 10, 50] as const;
const SECONDS = Number(process.env.GONGWEI_BENCH_LOAD_SECONDS ?? 8);
/** `in-process` runs the SQLite reads on the event loop, to compare with the workers. */
const READERS = process.env.GONGWEI_BENCH_LOAD_READERS === 'in-process' ? 'in-process' : 'workers';

/** Every period of 2020: year, halves, quarters, months and 旬. */
function periodsOf(year: number): string[] {
  const out = [`${year}`, `${year}H1`, `${year}H2`];
  for (let q = 1; q <= 4; q++) out.push(`${year}Q${q}`);
  for (let m = 1; m <= 12; m++) {
    const month = `${year}-${String(m).padStart(2, '0')}`;
    out.push(month, `${month}-1`, `${month}-2`, `${month}-3`);
  }
  return out;
}

interface OrgRow {
  code: string;
  level: number;
  parent_code: string | null;
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const round = (n: number): number => Math.round(n * 10) / 10;

interface Prepared {
  users: LoadUser[];
  writer: { cookie: string; csrfToken: string; patients: string[] };
}

/** Creates the users (one city bureau, a bureau per county, centres at townships) and their sessions. */
async function prepare(db: Db, rootCode: string, year: number): Promise<Prepared> {
  const orgs = (await db.kysely
    .selectFrom('orgs')
    .select(['code', 'level', 'parent_code'])
    .where('code', 'like', `${rootCode.slice(0, 4)}%`)
    .orderBy('code')
    .execute()) as OrgRow[];
  const byCode = new Map(orgs.map((o) => [o.code, o]));
  // The digits an org's descendants share: city 4, county 6, township 9, village 12.
  const prefixOf = (code: string): string => code.slice(0, [0, 2, 4, 6, 9, 12][byCode.get(code)?.level ?? 3]);
  const below = (code: string): OrgRow[] => orgs.filter((o) => o.code.startsWith(prefixOf(code)));
  const counties = orgs.filter((o) => o.level === 3);
  const townships = orgs.filter((o) => o.level === 4);
  // Every k-th resident, about 20 000 in all, spread over the whole city.
  const total = await db.kysely
    .selectFrom('residents')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const every = Math.max(1, Math.ceil(Number(total.n) / 20_000));
  const residents = await db.kysely
    .selectFrom('residents')
    .select(['record_no', 'org_code'])
    .where(sql<boolean>`id % ${every} = 0`)
    .execute();
  const patients = await db.kysely
    .selectFrom('residents as r')
    .innerJoin('enrollments as e', 'e.resident_id', 'r.id')
    .select('r.record_no')
    .where('e.program', '=', 'hypertension')
    .where('e.end_date', 'is', null)
    .where('r.death_date', 'is', null)
    .limit(2000)
    .execute();
  // Reported indicators have no list of people (a drill-down on one is rightly a 400).
  const drillIndicators = INDICATORS.filter(
    (i) => i.program !== 'health_education' && !i.reported && i.denominator?.kind === 'term',
  ).map((i) => i.id);
  const periods = periodsOf(year);
  const hash = await hashPassword(`bench-${process.pid}-Aa1!`);
  const now = new Date();
  const plans: { role: 'bureau' | 'centre' | 'admin'; org: string }[] = [
    { role: 'bureau', org: rootCode },
    ...counties.map((c) => ({ role: 'bureau' as const, org: c.code })),
  ];
  for (let i = 0; plans.length < 50; i++)
    plans.push({ role: 'centre', org: townships[i % townships.length]!.code });
  const stamp = `${process.pid}-${Date.now()}`;
  const sessionOf = async (
    role: 'bureau' | 'centre' | 'admin',
    org: string,
    n: number,
  ): Promise<{ cookie: string; csrfToken: string }> => {
    const user = await insertUser(db.kysely, {
      username: `bench-${role}-${stamp}-${n}`,
      displayName: `压测用户${n}`,
      orgCode: org,
      role,
      passwordHash: hash,
      mustChangePassword: false,
      createdBy: 'bench',
      now: now.toISOString(),
    });
    const session = await createSession(db.kysely, user.id, {
      now,
      clientAddress: '127.0.0.1',
      lifetime: DEFAULT_SESSION_LIFETIME,
    });
    return { cookie: `gongwei_session=${session.token}`, csrfToken: session.csrfToken };
  };
  const users: LoadUser[] = [];
  for (const [n, plan] of plans.entries()) {
    const inScope = below(plan.org);
    const dashboardOrgs = inScope.filter((o) => o.level < 5);
    const drillOrgs = inScope.filter((o) => o.level >= 4);
    const prefix = prefixOf(plan.org);
    const records = residents.filter((r) => r.org_code.startsWith(prefix)).slice(0, 500);
    const dashboards: string[] = [];
    const drillDowns: string[] = [];
    for (let i = 0; i < 400; i++) {
      const pick = <T>(list: readonly T[]): T => list[Math.floor(Math.random() * list.length)]!;
      dashboards.push(`/api/indicators?org=${pick(dashboardOrgs).code}&period=${pick(periods)}&depth=1`);
      drillDowns.push(
        `/api/indicators/${pick(drillIndicators)}/people?org=${pick(drillOrgs).code}&period=${pick(periods)}` +
          `&set=${i % 2 ? 'gap' : 'numerator'}&page=1&pageSize=50`,
      );
    }
    const { cookie } = await sessionOf(plan.role, plan.org, n);
    users.push({
      cookie,
      dashboards,
      drillDowns,
      records: records.map((r) => `/api/residents/${r.record_no}`),
    });
  }
  const writer = await sessionOf('admin', rootCode, 999);
  return { users, writer: { ...writer, patients: patients.map((p) => p.record_no) } };
}

function runClients(plan: LoadPlan): Promise<LoadOutcome> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./load-client.js', import.meta.url), { workerData: plan });
    worker.once('message', (message: { outcome?: LoadOutcome; error?: string }) => {
      void worker.terminate();
      if (message.outcome) resolve(message.outcome);
      else reject(new Error(message.error ?? 'load client failed'));
    });
    worker.once('error', reject);
  });
}

/** The server process (bench/load-server.ts), asked one thing at a time. */
class LoadServer {
  private constructor(
    private readonly child: ChildProcess,
    readonly port: number,
  ) {}

  /** Forks the server on `target` and waits until it listens. */
  static async start(target: DbTarget): Promise<LoadServer> {
    const config: LoadServerConfig = { target, readers: READERS };
    const child = fork(new URL('./load-server.js', import.meta.url), {
      env: { ...process.env, GONGWEI_BENCH_LOAD_SERVER: JSON.stringify(config) },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const first = await LoadServer.next(child);
    if (first.kind !== 'listening') {
      child.kill();
      throw new Error(
        `the load server did not start: ${first.kind === 'failed' ? first.message : first.kind}`,
      );
    }
    return new LoadServer(child, first.port);
  }

  private static next(child: ChildProcess): Promise<LoadServerReply> {
    return new Promise((resolve, reject) => {
      const onExit = (code: number | null): void =>
        reject(new Error(`the load server exited (code ${code}) before answering`));
      child.once('exit', onExit);
      child.once('message', (message: LoadServerReply) => {
        child.off('exit', onExit);
        resolve(message);
      });
    });
  }

  /** Sends `request` and waits for the reply of `kind`. */
  async ask<K extends LoadServerReply['kind']>(
    request: LoadServerRequest,
    kind: K,
  ): Promise<Extract<LoadServerReply, { kind: K }>> {
    const answer = LoadServer.next(this.child);
    this.child.send(request);
    const message = await answer;
    if (message.kind !== kind)
      throw new Error(
        `the load server answered ${message.kind === 'failed' ? message.message : message.kind}`,
      );
    return message as Extract<LoadServerReply, { kind: K }>;
  }

  /** Starts measuring how long the server's event loop is held. */
  startLoopDelay(): void {
    const request: LoadServerRequest = { kind: 'loop-start' };
    this.child.send(request);
  }

  /** Closes the server; answers its peak RSS, read workers included. */
  async close(): Promise<number> {
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    const { peakRssMb } = await this.ask({ kind: 'close' }, 'closed');
    await exited;
    return peakRssMb;
  }

  /** Stops a server that failed half-way. */
  kill(): void {
    if (this.child.exitCode === null) this.child.kill();
  }
}

const ENDPOINTS: readonly LoadEndpoint[] = ['dashboard', 'drill-down', 'record', 'health', 'write'];

/**
 * Writes the database file's dirty pages to disk before the server starts. A file copied
 * just before the section (to keep a demo pristine) leaves gigabytes in the page cache, and
 * the server's first WAL checkpoint, on its event loop, then waits for all of them: an
 * event-loop delay of 0.75–0.9 s on the county demo and 1.8–2 s on the city's, in the first
 * run only, that is the copy's and not the server's.
 */
function flushToDisk(target: DbTarget): void {
  if (!target.file) return;
  for (const file of [target.file, `${target.file}-wal`]) {
    if (!existsSync(file)) continue;
    const fd = openSync(file, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  }
}

/** The load section of `npm run bench`. */
export const loadSection: BenchSection = {
  name: 'load',
  async run({ db, target, rootCode, period }) {
    const year = Number(period.slice(0, 4));
    const prepared = await prepare(db, rootCode, year);
    flushToDisk(target);
    const server = await LoadServer.start(target);
    const figures: BenchFigure[] = [];
    let closed = false;
    try {
      const port = server.port;
      // Warm-up: every user's first few dashboards, unmeasured.
      await runClients({ port, seconds: 2, maxRequestsPerUser: 20, users: prepared.users, writer: null });
      let run = 0;
      for (const withWriter of [false, true]) {
        for (const count of USER_COUNTS) {
          run++;
          server.startLoopDelay();
          const outcome = await runClients({
            port,
            seconds: SECONDS,
            maxRequestsPerUser: 100_000,
            users: prepared.users.slice(0, count),
            writer: withWriter ? { ...prepared.writer, perSecond: 5, runTag: `${process.pid}-${run}` } : null,
          });
          const loopDelay = await server.ask({ kind: 'loop-stop' }, 'loop');
          const label = `load ${count} user${count > 1 ? 's' : ''}${withWriter ? ' + writer 5/s' : ''}`;
          figures.push(
            {
              name: `${label}: event-loop delay p99`,
              value: round(loopDelay.p99Ms),
              unit: 'ms',
            },
            { name: `${label}: event-loop delay max`, value: round(loopDelay.maxMs), unit: 'ms' },
          );
          for (const endpoint of ENDPOINTS) {
            const s = outcome.endpoints[endpoint];
            if (endpoint === 'write' && !withWriter) continue;
            const sorted = [...s.latencies].sort((a, b) => a - b);
            const goal95 = endpoint !== 'health' && endpoint !== 'write' && count === 50 && withWriter;
            figures.push(
              { name: `${label}: ${endpoint} p50`, value: round(percentile(sorted, 50)), unit: 'ms' },
              {
                name: `${label}: ${endpoint} p95`,
                value: round(percentile(sorted, 95)),
                unit: 'ms',
                ...(goal95 ? { goal: '≤ 100' } : {}),
              },
              {
                name: `${label}: ${endpoint} p99`,
                value: round(percentile(sorted, 99)),
                unit: 'ms',
                ...(goal95
                  ? { goal: '≤ 250' }
                  : endpoint === 'health' && count === 50
                    ? { goal: '≤ 20' }
                    : {}),
              },
              {
                name: `${label}: ${endpoint} throughput`,
                value: round(sorted.length / outcome.seconds),
                unit: 'req/s',
              },
              {
                name: `${label}: ${endpoint} unanswered when the run ended`,
                value: Math.max(0, s.sent - s.latencies.length - s.errors),
                unit: 'requests',
              },
              {
                name: `${label}: ${endpoint} errors${Object.keys(s.statuses).length ? ` (${JSON.stringify(s.statuses)})` : ''}`,
                value: s.errors,
                unit: 'requests',
                ...(count === 50 ? { goal: '0' } : {}),
              },
            );
          }
        }
      }
      figures.push({
        name: 'load: server peak RSS (its own process, read workers included)',
        value: await server.close(),
        unit: 'MB',
        goal: '≤ 1024',
      });
      closed = true;
    } finally {
      if (!closed) server.kill();
    }
    return figures;
  },
};
