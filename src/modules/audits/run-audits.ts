/**
 * Use-case: run the audit rules over an org scope and a window, and store their findings
 * (contract 5: `runAudits`).
 */
import { isIsoDate } from '../../domain/records/iso-date.js';
import type { Db } from '../../db/database.js';
import type { AuditWindow } from '../../domain/audits/vocabulary.js';
import { GongweiError } from '../../domain/gongwei-error.js';
import { parsePeriod, PeriodError } from '../../domain/periods/period.js';
import { scopeOfOrg, type OrgScope } from '../orgs/org-scope.js';
import {
  AUDIT_RULE_IDS,
  AUDIT_RULES,
  isAuditRuleId,
  resolveAuditParameters,
  type AuditParameterOverrides,
  type AuditRuleId,
} from './rules/index.js';
import {
  closeVanished,
  finishRun,
  insertRun,
  storeRunCounts,
  upsertFindings,
  type RunRuleSummary,
} from './run-repository.js';
import { inProcessReader, type RuleReader, type RuleReadingResult } from './rule-reading.js';

/** What to audit. */
export interface RunAuditsOptions {
  /** Org subtree (within the caller's scope); default the caller's whole scope. */
  orgCode?: string | undefined;
  /** Reporting period: services from 1 January of its year to its end are examined. Default: all up to as-of. */
  period?: string | undefined;
  /** Rules to run; default all. */
  rules?: readonly string[] | undefined;
  /** The date states are judged at (future services, unused records, alive). Default: the period end, else `today`. */
  asOf?: string | undefined;
  /** Today's date (ISO), from the caller's clock. Default: the system date. */
  today?: string | undefined;
  parameters?: AuditParameterOverrides | undefined;
  /** Current time (ISO), for stored timestamps. */
  now?: string | undefined;
  /** Called when a rule has finished, with its time in milliseconds (for the bench and progress). */
  onRule?: ((rule: AuditRuleId, findings: number, ms: number) => void) | undefined;
}

/** The result of a run. */
export interface AuditRunResult {
  runId: number;
  orgCode: string | null;
  period: string | null;
  window: AuditWindow;
  rules: AuditRuleId[];
  /** Per rule: found in this run, records affected, new, already resolved, closed. */
  summary: RunRuleSummary[];
  /**
   * Milliseconds: per rule, finding (where it was read) and storing; the reading of every
   * reading rule at once, start to last (`reading`); the write transaction (`writing`, which
   * may begin beside the last reading), and within it closing vanished findings and counting.
   */
  timings: Partial<Record<AuditRuleId | 'reading' | 'writing' | 'close' | 'counts', number>>;
}

/**
 * Runs the rules over `scope` (narrowed to `options.orgCode`) and stores the findings. The
 * rules are read all at once through `reader` (default: in-process on `db`; the server's read
 * pool, or the CLI's, reads them on every core); then one write transaction stores their
 * findings, those read first first, and closes what was not seen again: new findings open,
 * persisting ones keep their status (resolved stays resolved), findings of these rules and this scope that were not seen again
 * are closed. A reader reading apart from the run's connection lets the transaction start
 * when one reading is left, beside it; otherwise it starts when all have arrived. Nothing is
 * written when any rule fails, whenever it fails. An unknown org, rule, period, date or
 * parameter is refused before anything is read.
 *
 * @example await runAudits(db, callerScope, { orgCode: '620881', period: '2020Q2', rules: ['identical_checkups'] })
 */
export async function runAudits(
  db: Db,
  scope: OrgScope,
  options: RunAuditsOptions = {},
  reader?: RuleReader,
): Promise<AuditRunResult> {
  const ids = selectRules(options.rules);
  const params = resolveAuditParameters(options.parameters ?? {});
  const window = auditWindow(options);
  const now = options.now ?? new Date().toISOString();
  const rules = AUDIT_RULES.filter((r) => ids.includes(r.id));
  const runScope = options.orgCode
    ? (await scopeOfOrg(db.kysely, scope, options.orgCode, { field: 'orgCode', unknownCode: 'bad_request' }))
        .scope
    : scope;
  const timings: AuditRunResult['timings'] = {};

  const rulesReader = reader ?? inProcessReader(db);
  const readingStarted = performance.now();
  const readings: Promise<RuleReadingResult>[] = rules.map((r) =>
    rulesReader.read({ rule: r.id, scope: runScope, window, parameters: params[r.id] }),
  );
  // Which readings have arrived, for the transaction to store them first. The handler of a
  // failure only keeps one that fails while another is awaited from counting as unhandled:
  // each is awaited below, and its failure fails the run.
  const arrived = rules.map(() => false);
  readings.forEach((reading, i) => {
    void reading.then(
      () => (arrived[i] = true),
      () => undefined,
    );
  });
  const everyReading = Promise.all(readings).then(() => {
    timings.reading = performance.now() - readingStarted;
  });
  everyReading.catch(() => undefined);
  // On two cores the last reading leaves a core idle: the transaction starts beside it and
  // stores the findings that have arrived while it is read.
  await untilUnsettled(readings, rulesReader.apart ? 1 : 0);

  const writingStarted = performance.now();
  const stored = await db.kysely.transaction().execute(async (trx) => {
    const runId = await insertRun(trx, {
      startedAt: now,
      orgCode: options.orgCode ?? null,
      period: options.period ?? null,
      window,
      rules: ids,
      parameters: params,
    });
    // What has arrived first, so that the transaction does not wait on a reading while others
    // are ready to store.
    const storingOrder = [...rules.keys()].sort((a, b) => Number(arrived[b]) - Number(arrived[a]));
    for (const i of storingOrder) {
      const rule = rules[i]!;
      const read = await readings[i]!;
      const stepStarted = performance.now();
      await upsertFindings(trx, runId, now, rule.id, read.findings);
      const ms = read.ms + performance.now() - stepStarted;
      timings[rule.id] = ms;
      options.onRule?.(rule.id, read.findings.length, ms);
    }
    await everyReading;
    let stepStarted = performance.now();
    const closed = await closeVanished(trx, runId, now, ids, runScope, window);
    timings.close = performance.now() - stepStarted;
    stepStarted = performance.now();
    const summary = await storeRunCounts(trx, runId, ids, closed);
    timings.counts = performance.now() - stepStarted;
    await finishRun(trx, runId, new Date().toISOString(), summary);
    return { runId, summary };
  });
  timings.writing = performance.now() - writingStarted;
  return {
    runId: stored.runId,
    orgCode: options.orgCode ?? null,
    period: options.period ?? null,
    window,
    rules: ids,
    summary: stored.summary,
    timings,
  };
}

/** Resolves once at most `left` of `promises` are unsettled; rejects as soon as one fails. */
function untilUnsettled(promises: readonly Promise<unknown>[], left: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let unsettled = promises.length;
    if (unsettled <= left) resolve();
    for (const promise of promises)
      promise.then(() => {
        unsettled -= 1;
        if (unsettled <= left) resolve();
      }, reject);
  });
}

function selectRules(requested: readonly string[] | undefined): AuditRuleId[] {
  if (!requested || requested.length === 0) return [...AUDIT_RULE_IDS];
  const unknown = requested.filter((r) => !isAuditRuleId(r));
  if (unknown.length)
    throw GongweiError.badRequest(
      {
        zh: `未知的规则 ${unknown.join(', ')}（可用：${AUDIT_RULE_IDS.join(', ')}）`,
        en: `unknown rule ${unknown.join(', ')} (known: ${AUDIT_RULE_IDS.join(', ')})`,
      },
      'rules',
    );
  return AUDIT_RULE_IDS.filter((r) => requested.includes(r));
}

/** The window a run examines, from its period, as-of date and today. */
export function auditWindow(options: Pick<RunAuditsOptions, 'period' | 'asOf' | 'today'>): AuditWindow {
  if (options.asOf !== undefined && !isIsoDate(options.asOf))
    throw GongweiError.badRequest(
      { zh: `${options.asOf} 不是日期，应为 YYYY-MM-DD`, en: `${options.asOf}: expected a date YYYY-MM-DD` },
      'asOf',
    );
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  if (options.period) {
    let period;
    try {
      period = parsePeriod(options.period);
    } catch (error) {
      if (!(error instanceof PeriodError)) throw error;
      // The period rule's own words, each in its language (its message joins both).
      throw new GongweiError('bad_request', error.text, { field: 'period', cause: error });
    }
    return { from: period.ytdStart, to: period.end, asOf: options.asOf ?? period.end };
  }
  const asOf = options.asOf ?? today;
  return { from: null, to: asOf, asOf };
}
