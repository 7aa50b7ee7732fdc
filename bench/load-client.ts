/**
 * The load generator of the bench's load section, run in a worker thread so that the clients
 * do not share the server's event loop: one autocannon instance per signed-in user (one
 * connection each, closed loop: a user sends its next request when the answer came), each
 * user cycling through dashboard, dashboard, drill-down, record view; one more connection
 * polling /api/health 20 times a second; and optionally the writer, recording one follow-up
 * every 200 ms through POST /api/services. Loopback only, bounded by time and by count.
 */
import { parentPort, workerData } from 'node:worker_threads';
import autocannon from 'autocannon';

/** One simulated user: its session and the paths it picks from. */
export interface LoadUser {
  readonly cookie: string;
  readonly dashboards: readonly string[];
  readonly drillDowns: readonly string[];
  readonly records: readonly string[];
}

/** What the worker is asked to do. */
export interface LoadPlan {
  readonly port: number;
  readonly seconds: number;
  /** At most this many requests per user (the count bound beside the time bound). */
  readonly maxRequestsPerUser: number;
  readonly users: readonly LoadUser[];
  readonly writer: null | {
    readonly cookie: string;
    readonly csrfToken: string;
    /** Record numbers of hypertension patients to record follow-ups for. */
    readonly patients: readonly string[];
    readonly perSecond: number;
    readonly runTag: string;
  };
}

/** Endpoint classes measured apart. */
export type LoadEndpoint = 'dashboard' | 'drill-down' | 'record' | 'health' | 'write';

/** Latencies (ms) and error count of one endpoint class. */
export interface EndpointSample {
  readonly latencies: number[];
  errors: number;
  /** Requests sent. Those sent but not answered when the run ended are slower than the run. */
  sent: number;
  /** Status codes other than 200/204/304, counted. */
  readonly statuses: Record<string, number>;
}

/** What the worker sends back. */
export interface LoadOutcome {
  readonly seconds: number;
  readonly endpoints: Record<LoadEndpoint, EndpointSample>;
}

const CYCLE: readonly Exclude<LoadEndpoint, 'health' | 'write'>[] = [
  'dashboard',
  'dashboard',
  'drill-down',
  'record',
];

/** An autocannon run started without a callback: its events, and a promise of its result. */
type Run = autocannon.Instance & PromiseLike<autocannon.Result>;

function start(options: autocannon.Options): Run {
  return autocannon(options) as unknown as Run;
}

function pick<T>(list: readonly T[]): T {
  return list[Math.floor(Math.random() * list.length)]!;
}

function sample(): EndpointSample {
  return { latencies: [], errors: 0, sent: 0, statuses: {} };
}

function note(s: EndpointSample, status: number, ms: number): void {
  s.latencies.push(ms);
  if (status !== 200 && status !== 204 && status !== 304) {
    s.errors++;
    s.statuses[status] = (s.statuses[status] ?? 0) + 1;
  }
}

async function runPlan(plan: LoadPlan): Promise<LoadOutcome> {
  const endpoints: Record<LoadEndpoint, EndpointSample> = {
    dashboard: sample(),
    'drill-down': sample(),
    record: sample(),
    health: sample(),
    write: sample(),
  };
  const base = `http://127.0.0.1:${plan.port}`;
  const started = performance.now();
  const instances: PromiseLike<unknown>[] = [];
  const user = (u: LoadUser): PromiseLike<unknown> => {
    const paths: Record<(typeof CYCLE)[number], readonly string[]> = {
      dashboard: u.dashboards,
      'drill-down': u.drillDowns,
      record: u.records,
    };
    let answered = 0;
    const instance = start({
      url: base,
      connections: 1,
      duration: plan.seconds,
      maxConnectionRequests: plan.maxRequestsPerUser,
      headers: { cookie: u.cookie, 'accept-encoding': 'gzip' },
      requests: CYCLE.map((kind) => ({
        method: 'GET' as const,
        setupRequest: (request: autocannon.Request): autocannon.Request => {
          endpoints[kind].sent++;
          return { ...request, path: pick(paths[kind]) };
        },
      })),
    });
    // One connection, one request at a time: the n-th answer is of the n-th request of the cycle.
    instance.on('response', (_client, status, _bytes, ms) => {
      note(endpoints[CYCLE[answered % CYCLE.length]!], status, ms);
      answered++;
    });
    instance.on('reqError', () => endpoints[CYCLE[answered % CYCLE.length]!].errors++);
    return instance;
  };
  for (const u of plan.users) instances.push(user(u));
  const health = start({
    url: `${base}/api/health`,
    connections: 1,
    duration: plan.seconds,
    connectionRate: 20,
    requests: [
      {
        method: 'GET' as const,
        setupRequest: (request: autocannon.Request): autocannon.Request => {
          endpoints.health.sent++;
          return request;
        },
      },
    ],
  });
  health.on('response', (_client, status, _bytes, ms) => note(endpoints.health, status, ms));
  health.on('reqError', () => endpoints.health.errors++);
  instances.push(health);
  let writing = plan.writer !== null;
  const writer = plan.writer
    ? (async (w) => {
        let n = 0;
        const interval = 1000 / w.perSecond;
        while (writing) {
          const due = started + n * interval;
          const wait = due - performance.now();
          if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
          if (!writing) break;
          n++;
          const sent = performance.now();
          endpoints.write.sent++;
          const day = 1 + (n % 28);
          const body = [
            {
              serviceNo: `LOAD-${w.runTag}-${n}`,
              recordNo: pick(w.patients),
              type: 'hypertension_followup',
              serviceDate: `2020-06-${String(day).padStart(2, '0')}`,
              payload: { sbp: 118 + (n % 30), dbp: 72 + (n % 15), controlled: true, guidance: true },
            },
          ];
          try {
            const res = await fetch(`${base}/api/services`, {
              method: 'POST',
              headers: { cookie: w.cookie, 'x-csrf-token': w.csrfToken, 'content-type': 'application/json' },
              body: JSON.stringify(body),
            });
            await res.arrayBuffer();
            note(endpoints.write, res.status, performance.now() - sent);
          } catch {
            endpoints.write.errors++;
          }
        }
      })(plan.writer)
    : Promise.resolve();
  await Promise.all(instances);
  writing = false;
  await writer;
  return { seconds: (performance.now() - started) / 1000, endpoints };
}

if (parentPort) {
  const port = parentPort;
  runPlan(workerData as LoadPlan).then(
    (outcome) => port.postMessage({ outcome }),
    (error: unknown) => port.postMessage({ error: error instanceof Error ? error.message : String(error) }),
  );
}
