/**
 * The reads the server runs off its event loop (ADR 0014), as plain data so that they cross
 * to a worker thread and back: the indicator table of a dashboard, a drill-down page, the
 * reading ahead of the latest year's tallies when a connection starts (ADR 0022), and the
 * reading of one audit rule of a run (ADR 0009). The
 * same function runs them in a read worker (./read-worker.ts) and in-process (PostgreSQL,
 * whose queries do not block the event loop, and tests).
 */
import { promisify } from 'node:util';
import { constants, gzip } from 'node:zlib';
import type { Db } from '../db/database.js';
import {
  GongweiError,
  type ErrorCode,
  type ErrorIssue,
  type LocalizedText,
} from '../domain/gongwei-error.js';
import { loadFactYears } from '../modules/indicators/facts-repository.js';
import {
  listIndicatorPeople,
  type PeopleAnswer,
  type PeopleQuery,
} from '../modules/indicators/indicator-people.js';
import { indicatorTableFrom, type IndicatorQuery } from '../modules/indicators/indicator-values.js';
import { TallyStore } from '../modules/indicators/tally-store.js';
import type { OrgScope } from '../modules/orgs/org-scope.js';
import { readRule, type RuleReading, type RuleReadingResult } from '../modules/audits/rule-reading.js';
import type { DataVersion } from '../modules/serving/data-versions-repository.js';

/** A read to run. */
export type ReadTask =
  | {
      readonly kind: 'indicator-values';
      readonly scope: OrgScope;
      readonly query: IndicatorQuery;
      /**
       * The data versions the main thread read before asking (its cache key): the worker's
       * tallies are brought at least that far without reading the versions again.
       */
      readonly versions?: readonly DataVersion[];
    }
  | { readonly kind: 'indicator-people'; readonly scope: OrgScope; readonly query: PeopleQuery }
  | { readonly kind: 'preload-tallies' }
  | { readonly kind: 'audit-rule'; readonly reading: RuleReading };

/**
 * The indicator table as its gzip-compressed JSON (the main thread sends the bytes as they
 * are), and whether it may be cached. Compressed where it is computed: a county's table at
 * depth 1 is ~300 kB of JSON and ~30 kB compressed, so the event loop neither copies the text
 * from the worker nor compresses it, and the cache holds ten times more answers.
 */
export interface ValuesAnswer {
  readonly gzip: Uint8Array;
  /**
   * True when the period's year has maintained facts: the answer then depends only on what
   * the data versions cover. A year without (evaluated from the raw rows) is never cached.
   */
  readonly maintained: boolean;
}

/** What each kind of task answers. */
export interface ReadAnswers {
  'indicator-values': ValuesAnswer;
  'indicator-people': PeopleAnswer;
  'preload-tallies': PreloadAnswer;
  'audit-rule': RuleReadingResult;
}

/** What a preload read ahead: the latest year with maintained facts (null: none) and the counties read. */
export interface PreloadAnswer {
  readonly year: number | null;
  readonly counties: number;
}

/** A task's outcome as it crosses threads: its answer, or the GongweiError it threw, as data. */
export type ReadOutcome<T> = { readonly ok: T } | { readonly error: SerializedError };

/** A GongweiError as data (a worker's errors reach the main thread without their class). */
export interface SerializedError {
  readonly code: ErrorCode;
  readonly text: LocalizedText;
  readonly field?: string;
  readonly issues: readonly ErrorIssue[];
  readonly status: number;
}

const gzipped = promisify(gzip);

/**
 * `value` as gzip-compressed JSON, at zlib's fastest level: a third of the default level's
 * time for a fifth more bytes (a county's table: 30 kB instead of 24 kB, 2 ms instead of 7).
 */
async function compressedJson(value: unknown): Promise<Uint8Array> {
  return gzipped(JSON.stringify(value), { level: constants.Z_BEST_SPEED });
}

/** The in-memory tallies of each connection (ADR 0022): a worker's one, the process's one. */
const talliesOf = new WeakMap<Db, TallyStore>();

function tallyStore(db: Db): TallyStore {
  let store = talliesOf.get(db);
  if (!store) talliesOf.set(db, (store = new TallyStore()));
  return store;
}

/** Runs a task on `db`; a GongweiError becomes data, any other failure is thrown. */
export async function runReadTask(
  db: Db,
  task: ReadTask,
): Promise<ReadOutcome<ReadAnswers[ReadTask['kind']]>> {
  try {
    switch (task.kind) {
      case 'indicator-values': {
        const year = Number(task.query.period.slice(0, 4));
        let maintained = false;
        const values = await tallyStore(db).read(
          db.kysely,
          async (memory) => {
            maintained = (await memory.factYears()).includes(year);
            return indicatorTableFrom(db, task.scope, task.query, memory);
          },
          task.versions,
        );
        return { ok: { gzip: await compressedJson(values), maintained } };
      }
      case 'indicator-people': {
        const store = tallyStore(db);
        return {
          ok: await listIndicatorPeople(db, task.scope, task.query, (use) => store.read(db.kysely, use)),
        };
      }
      case 'preload-tallies': {
        // The latest maintained year is the one the morning's dashboards open on.
        const years = await loadFactYears(db.kysely);
        if (years.length === 0) return { ok: { year: null, counties: 0 } };
        const year = Math.max(...years);
        const store = tallyStore(db);
        await store.preload(db.kysely, year);
        return { ok: { year, counties: store.readCounts.counties } };
      }
      case 'audit-rule':
        return { ok: await readRule(db, task.reading) };
    }
  } catch (error) {
    if (error instanceof GongweiError)
      return {
        error: {
          code: error.code,
          text: error.text,
          ...(error.field === undefined ? {} : { field: error.field }),
          issues: error.issues,
          status: error.status,
        },
      };
    throw error;
  }
}

/** The GongweiError a task's outcome carried, rebuilt on this side. */
export function answerOf<T>(outcome: ReadOutcome<T>): T {
  if ('ok' in outcome) return outcome.ok;
  const e = outcome.error;
  throw new GongweiError(e.code, e.text, {
    ...(e.field === undefined ? {} : { field: e.field }),
    issues: e.issues,
    status: e.status,
  });
}
