/**
 * The reading of one audit rule (ADR 0009, amendment of 7 December 2026): its
 * candidates selected and judged on a read connection, as plain data so that it crosses to a
 * read worker of the server and back. A run reads its rules at once, one per read connection
 * (every core on SQLite, every backend on PostgreSQL), then stores what they found in one
 * short write transaction, begun beside the last reading when they are read apart from it
 * (ADR 0007, amendment of the seventh session).
 */
import type { Db } from '../../db/database.js';
import type { DraftFinding } from '../../domain/audits/classify.js';
import type { AuditWindow } from '../../domain/audits/vocabulary.js';
import type { OrgScope } from '../orgs/org-scope.js';
import { auditRule, type AuditRuleId } from './rules/index.js';

/** One rule to read over a scope and window, with its parameters as its schema parsed them. */
export interface RuleReading {
  readonly rule: AuditRuleId;
  readonly scope: OrgScope;
  readonly window: AuditWindow;
  readonly parameters: unknown;
}

/** What a reading found, and the milliseconds it took where it ran. */
export interface RuleReadingResult {
  readonly findings: DraftFinding[];
  readonly ms: number;
}

/**
 * Where a run's readings are read: by default in-process on the run's database
 * ({@link inProcessReader}); the server passes its read pool (src/server/read-pool.ts), the
 * CLI and the bench a pool of their own.
 */
export interface RuleReader {
  /** Reads one rule. */
  readonly read: (reading: RuleReading) => Promise<RuleReadingResult>;
  /**
   * True when the readings run on connections other than the one the run's write transaction
   * holds (worker threads, or the other connections of a PostgreSQL pool): the transaction may
   * then start while the last reading is still being read. False for readings on SQLite's one
   * connection, which the transaction would hold while waiting for them.
   */
  readonly apart: boolean;
}

/**
 * Reads in-process on `db`: on SQLite on the run's own connection (so every reading is read
 * before the write transaction starts), on PostgreSQL on the pool's other connections.
 */
export function inProcessReader(db: Db): RuleReader {
  return { read: (reading) => readRule(db, reading), apart: !db.dialect.oneConnection };
}

/**
 * Reads one rule on `db` (a read connection or the application's).
 *
 * @example const { findings } = await readRule(db, { rule: 'id_problems', scope, window, parameters });
 */
export async function readRule(db: Db, reading: RuleReading): Promise<RuleReadingResult> {
  const rule = auditRule(reading.rule);
  const started = performance.now();
  const findings = await rule.findFindings(
    db.kysely,
    { scope: reading.scope, window: reading.window, dialect: db.dialect },
    reading.parameters,
  );
  return { findings, ms: performance.now() - started };
}
