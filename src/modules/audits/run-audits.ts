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
import { isReadingRule } from './rules/audit-rule.js';

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
 * rules that only read are read all at once through `reader` (default: in-process on `db`;
 * the server's read pool, or the CLI's, reads them on every core); then one write
 * transaction runs the rules that store their own findings, stores the others' findings, and
 * closes what was not seen again: new findings open, persisting ones keep their status
 * (resolved stays resolved), findings of these rules and this scope that were not seen again
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
  const readings = new Map<AuditRuleId, Promise<RuleReadingResult>>(
    rules
      .filter(isReadingRule)
      .map((r) => [
        r.id,
        rulesReader.read({ rule: r.id, scope: runScope, window, parameters: params[r.id] }),
      ]),
  );
  // Each reading is awaited below, or its failure fails the run before the transaction; this
  // only keeps one that fails while another is awaited from counting as unhandled.
  for (const reading of readings.values()) reading.catch(() => undefined);
  const everyReading = Promise.all(readings.values()).then(() => {
    timings.reading = performance.now() - readingStarted;
  });
  everyReading.catch(() => undefined);
  // On two cores the last reading leaves a core idle: the transaction starts beside it and
  // stores the rules that store their own findings (unused_records, 1.4 s at city scale) first.
  await untilUnsettled([...readings.values()], rulesReader.apart ? 1 : 0);

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
    const scan = { scope: runScope, window, dialect: db.dialect };
    const storingFirst = [...rules.filter((r) => !isReadingRule(r)), ...rules.filter(isReadingRule)];
    for (const rule of storingFirst) {
      const reading = readings.get(rule.id);
      const read = reading ? await reading : null;
      const stepStarted = performance.now();
      let found: number;
      if (read) {
        await upsertFindings(trx, runId, now, rule.id, read.findings);
        found = read.findings.length;
      } else if (!isReadingRule(rule))
        found = await rule.storeFindings(trx, scan, params[rule.id], { runId, now });
      else throw new Error(`audit rule ${rule.id} was not read`);
      const ms = (read?.ms ?? 0) + performance.now() - stepStarted;
      timings[rule.id] = ms;
      options.onRule?.(rule.id, found, ms);
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
