/**
 * Use-case: run the audit rules over an org subtree and a window, and store their findings
 * (contract 5: `runAudits`).
 */
import type { Db } from '../../db/database.js';
import {
  armBpSeverity,
  findingSubject,
  idProblemOf,
  judgeDigitPreference,
  outOfRange,
  type DraftFinding,
} from '../../domain/audits/classify.js';
import { buildDuplicateSets, type KeyMatch } from '../../domain/audits/duplicate-sets.js';
import { findIdenticalCheckups } from '../../domain/audits/identical-checkups.js';
import {
  AUDIT_RULE_IDS,
  isAuditRuleId,
  resolveAuditParameters,
  type AuditParameterOverrides,
  type AuditParameters,
  type AuditRuleId,
} from '../../domain/audits/rules.js';
import { addMonthsIso, parsePeriod } from '../../domain/periods/period.js';
import { SERVICE_PROGRAM, isServiceType } from '../../domain/service-types.js';
import {
  closeVanished,
  findScope,
  finishRun,
  insertRun,
  selectArmBpCandidates,
  selectCheckups,
  selectDateProblems,
  selectDigitStats,
  selectDuplicateCandidates,
  selectIdDuplicateCandidates,
  selectNotEnrolled,
  selectOutOfRangeCandidates,
  selectRepeatedServices,
  selectResidentIdPage,
  selectUncontrolledWithoutGuidance,
  storeRunCounts,
  upsertFindings,
  upsertUnusedFindings,
  type AuditWindow,
  type Handle,
  type OrgScope,
  type RunRuleSummary,
  type ServiceRow,
  type StoredDraft,
} from './audit-repository.js';

/** What to audit. */
export interface RunAuditsOptions {
  /** Org subtree; default the whole database. */
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
  /** Milliseconds spent per rule (finding and storing), closing vanished findings, and counting. */
  timings: Partial<Record<AuditRuleId | 'close' | 'counts', number>>;
}

/** A request that cannot be run; the message names the option. */
export class AuditOptionError extends Error {
  override readonly name = 'AuditOptionError';
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Runs the rules and stores the findings in one transaction: new findings open, persisting
 * ones keep their status (resolved stays resolved), findings of these rules and this scope
 * that were not seen again are closed.
 *
 * @example await runAudits(db, { orgCode: '620881', period: '2020Q2', rules: ['identical_checkups'] })
 */
export async function runAudits(db: Db, options: RunAuditsOptions = {}): Promise<AuditRunResult> {
  const rules = selectRules(options.rules);
  let params: AuditParameters;
  try {
    params = resolveAuditParameters(options.parameters ?? {});
  } catch (error) {
    throw new AuditOptionError(`parameters: ${(error as Error).message}`);
  }
  const window = auditWindow(options);
  const now = options.now ?? new Date().toISOString();

  return db.kysely.transaction().execute(async (trx) => {
    let scope: OrgScope | null = null;
    if (options.orgCode) {
      scope = await findScope(trx, options.orgCode);
      if (!scope) throw new AuditOptionError(`--org ${options.orgCode}: no such org`);
    }
    const runId = await insertRun(trx, {
      startedAt: now,
      orgCode: options.orgCode ?? null,
      period: options.period ?? null,
      window,
      rules,
      parameters: params,
    });
    const timings: AuditRunResult['timings'] = {};
    for (const rule of rules) {
      const started = performance.now();
      const found = await RULE_RUNNERS[rule]({ h: trx, db, runId, now, scope, window, params });
      if (Array.isArray(found)) await upsertFindings(trx, db.dialect, runId, now, found);
      const ms = performance.now() - started;
      timings[rule] = ms;
      options.onRule?.(rule, Array.isArray(found) ? found.length : found.stored, ms);
    }
    let started = performance.now();
    const closed = await closeVanished(trx, runId, now, rules, scope, window);
    timings.close = performance.now() - started;
    started = performance.now();
    const summary = await storeRunCounts(trx, runId, rules, closed);
    timings.counts = performance.now() - started;
    await finishRun(trx, runId, new Date().toISOString(), summary);
    return {
      runId,
      orgCode: options.orgCode ?? null,
      period: options.period ?? null,
      window,
      rules,
      summary,
      timings,
    };
  });
}

function selectRules(requested: readonly string[] | undefined): AuditRuleId[] {
  if (!requested || requested.length === 0) return [...AUDIT_RULE_IDS];
  const unknown = requested.filter((r) => !isAuditRuleId(r));
  if (unknown.length)
    throw new AuditOptionError(
      `--rules: unknown rule ${unknown.join(', ')} (known: ${AUDIT_RULE_IDS.join(', ')})`,
    );
  return AUDIT_RULE_IDS.filter((r) => requested.includes(r));
}

/** The window a run examines, from its period, as-of date and today. */
export function auditWindow(options: Pick<RunAuditsOptions, 'period' | 'asOf' | 'today'>): AuditWindow {
  if (options.asOf !== undefined && !ISO_DATE.test(options.asOf))
    throw new AuditOptionError(`--as-of ${options.asOf}: expected a date YYYY-MM-DD`);
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  if (options.period) {
    let period;
    try {
      period = parsePeriod(options.period);
    } catch (error) {
      throw new AuditOptionError(`--period: ${(error as Error).message}`);
    }
    return { from: period.ytdStart, to: period.end, asOf: options.asOf ?? period.end };
  }
  const asOf = options.asOf ?? today;
  return { from: null, to: asOf, asOf };
}

interface RuleContext {
  h: Handle;
  db: Db;
  runId: number;
  now: string;
  scope: OrgScope | null;
  window: AuditWindow;
  params: AuditParameters;
}

/** A rule returns its findings to store, or stores them itself set-based and says how many. */
type RuleRunner = (c: RuleContext) => Promise<StoredDraft[] | { stored: number }>;

const serviceFinding = (
  rule: AuditRuleId,
  s: ServiceRow,
  severity: DraftFinding['severity'],
  evidence: Record<string, unknown>,
  check?: string,
  dated = true,
): StoredDraft => ({
  rule,
  severity,
  subject: findingSubject.service(s.id, check),
  orgCode: s.orgCode,
  countyCode: s.countyCode,
  residentId: s.residentId,
  serviceId: s.id,
  subjectDate: dated ? s.serviceDate : null,
  weight: 1,
  evidence: { type: s.type, date: s.serviceDate, ...evidence },
});

const ID_PAGE = 20_000;

const RULE_RUNNERS: Record<AuditRuleId, RuleRunner> = {
  async duplicate_records({ h, scope, window, params }) {
    const keys = params.duplicate_records.keys;
    const matches: KeyMatch[] = [];
    const facts = new Map<number, { recordNo: string; orgCode: string; countyCode: string }>();
    for (let k = 0; k < keys.length; k++) {
      const fields = keys[k]!;
      const rows =
        fields.length === 1 && fields[0] === 'id_number'
          ? await selectIdDuplicateCandidates(h, scope, window.asOf)
          : await selectDuplicateCandidates(h, fields, scope, window.asOf);
      let group: number[] = [];
      let last: string | null = null;
      for (const r of rows) {
        facts.set(r.residentId, r);
        if (r.groupKey !== last) {
          if (group.length > 1) matches.push({ key: k, residentIds: group });
          group = [];
          last = r.groupKey;
        }
        group.push(r.residentId);
      }
      if (group.length > 1) matches.push({ key: k, residentIds: group });
    }
    return buildDuplicateSets(matches).map((set) => {
      const first = facts.get(set.residentIds[0]!)!;
      return {
        rule: 'duplicate_records',
        severity: 'error',
        subject: findingSubject.duplicateSet(set.residentIds[0]!),
        orgCode: first.orgCode,
        countyCode: first.countyCode,
        residentId: set.residentIds[0]!,
        serviceId: null,
        subjectDate: null,
        weight: set.residentIds.length - 1,
        evidence: {
          residentIds: set.residentIds,
          recordNos: set.residentIds.map((id) => facts.get(id)!.recordNo),
          orgCodes: set.residentIds.map((id) => facts.get(id)!.orgCode),
          keys: set.keys.map((k) => keys[k]!.join('+')),
        },
      };
    });
  },

  async id_problems({ h, db, scope, window, params }) {
    const out: StoredDraft[] = [];
    let after = 0;
    for (;;) {
      const page = await selectResidentIdPage(h, db.dialect, scope, window.asOf, after, ID_PAGE);
      for (const r of page) {
        const problem = idProblemOf(r, window.asOf, params.id_problems);
        if (!problem) continue;
        out.push({
          rule: 'id_problems',
          severity: problem.severity,
          subject: findingSubject.resident(r.id),
          orgCode: r.orgCode,
          countyCode: r.countyCode,
          residentId: r.id,
          serviceId: null,
          subjectDate: null,
          weight: 1,
          evidence: { codes: problem.codes },
        });
      }
      if (page.length < ID_PAGE) break;
      after = page[page.length - 1]!.id;
    }
    return out;
  },

  async identical_checkups({ h, scope, window, params }) {
    const p = params.identical_checkups;
    const rows = await selectCheckups(h, p.fields, p.within, scope, window);
    const result = findIdenticalCheckups(
      rows.map((r) => ({ serviceId: r.id, residentId: r.residentId, unit: r.unit, values: r.values })),
      p.k,
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    return result.checkups.map((c) => {
      const r = byId.get(c.serviceId)!;
      return {
        rule: 'identical_checkups',
        severity: 'error',
        subject: findingSubject.service(r.id),
        orgCode: r.orgCode,
        countyCode: r.countyCode,
        residentId: r.residentId,
        serviceId: r.id,
        subjectDate: r.serviceDate,
        weight: 1,
        evidence: {
          type: 'elderly_checkup',
          date: r.serviceDate,
          institution: r.institution,
          clusterId: c.clusterId,
          clusterSize: c.clusterSize,
          k: p.k,
          matchedFields: c.matchedFields.map((i) => p.fields[i]),
          values: Object.fromEntries(p.fields.map((f, i) => [f, r.values[i]])),
          partners: c.partners,
        },
      };
    });
  },

  async arm_bp_difference({ h, scope, window, params }) {
    const p = params.arm_bp_difference;
    const rows = await selectArmBpCandidates(h, p.flagOver, scope, window);
    const out: StoredDraft[] = [];
    for (const s of rows) {
      const severity = armBpSeverity(s.values.sbp!, s.values.sbp_right!, p);
      if (!severity) continue;
      out.push(
        serviceFinding('arm_bp_difference', s, severity, {
          sbp: s.values.sbp,
          sbpRight: s.values.sbp_right,
          difference: Math.abs(s.values.sbp! - s.values.sbp_right!),
          action: severity === 'error' ? 'remeasure_next_day_and_advise_doctor' : 'check',
        }),
      );
    }
    return out;
  },

  async uncontrolled_without_guidance({ h, scope, window, params }) {
    const rows = await selectUncontrolledWithoutGuidance(
      h,
      params.uncontrolled_without_guidance.serviceTypes,
      scope,
      window,
    );
    return rows.map((s) =>
      serviceFinding('uncontrolled_without_guidance', s, 'warning', {
        sbp: s.values.sbp,
        dbp: s.values.dbp,
        fastingGlucose: s.values.fasting_glucose,
        guidance: s.guidance,
      }),
    );
  },

  async implausible_values({ h, db, scope, window, params }) {
    const p = params.implausible_values;
    const out: StoredDraft[] = [];
    for (const s of await selectOutOfRangeCandidates(h, p.ranges, p.rangeCheckedTypes, scope, window)) {
      const fields = outOfRange(s.values, p.ranges);
      if (fields.length === 0) continue;
      const values = Object.fromEntries(
        fields.flatMap((f) => f.split('<=')).map((f) => [f, s.values[f as keyof typeof s.values] ?? null]),
      );
      out.push(
        serviceFinding('implausible_values', s, 'error', { check: 'out_of_range', fields, values }, 'range'),
      );
    }
    for (const d of await selectDateProblems(h, scope, window)) {
      out.push(
        serviceFinding(
          'implausible_values',
          d.service,
          'error',
          { check: d.problem, against: d.against },
          d.problem,
          d.problem !== 'future',
        ),
      );
    }
    for (const type of p.enrolmentRequiredFor) {
      const program = isServiceType(type) ? SERVICE_PROGRAM[type] : null;
      if (!program) continue;
      for (const s of await selectNotEnrolled(h, type, program, scope, window)) {
        out.push(
          serviceFinding(
            'implausible_values',
            s,
            'warning',
            { check: 'not_enrolled', program },
            'not_enrolled',
          ),
        );
      }
    }
    const repeated = await selectRepeatedServices(
      h,
      db.dialect,
      p.duplicateEventTypes,
      p.duplicateWindowDays,
      scope,
      window,
    );
    for (const r of repeated) {
      out.push(
        serviceFinding(
          'implausible_values',
          r.service,
          'warning',
          { check: 'duplicated_event', previousServiceId: r.previousId, days: r.days },
          'duplicated_event',
        ),
      );
    }
    return out;
  },

  async digit_preference({ h, scope, window, params }) {
    const p = params.digit_preference;
    const out: StoredDraft[] = [];
    for (const u of await selectDigitStats(h, p.serviceTypes, p.unitLevel, scope, window)) {
      const verdict = judgeDigitPreference(u, p);
      if (!verdict || verdict.flags.length === 0) continue;
      out.push({
        rule: 'digit_preference',
        severity: 'warning',
        subject: findingSubject.unit(u.unit, window.from, window.to),
        orgCode: u.unit,
        countyCode: u.countyCode,
        residentId: null,
        serviceId: null,
        subjectDate: null,
        weight: 1,
        evidence: {
          from: window.from,
          to: window.to,
          readings: u.readings,
          endingZeroFive: u.endingZeroFive,
          endingZero: u.endingZero,
          sbp130to139: u.sbp130to139,
          sbp140to149: u.sbp140to149,
          zeroFiveShare: round4(verdict.zeroFiveShare),
          zeroShare: round4(verdict.zeroShare),
          below140Ratio: verdict.below140Ratio === null ? null : round4(verdict.below140Ratio),
          flags: verdict.flags,
        },
      });
    }
    return out;
  },

  async unused_records({ h, scope, window, params, runId, now }) {
    const since = addMonthsIso(window.asOf, -params.unused_records.months);
    return { stored: await upsertUnusedFindings(h, runId, now, since, scope, window.asOf) };
  },
};

const round4 = (x: number): number => Math.round(x * 10_000) / 10_000;
