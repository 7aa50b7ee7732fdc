/**
 * SQL of audit runs and of storing their findings across runs: a run row, the upsert of
 * findings on their stable key, closing what a run did not see again, and the counts a run
 * keeps per org, rule and severity.
 */
import { sql } from 'kysely';
import { chunks, rowsPerStatement } from '../../db/statement-chunks.js';
import { findingKey, type DraftFinding } from '../../domain/audits/classify.js';
import type { AuditWindow } from '../../domain/audits/vocabulary.js';
import { orgsInScope, rowsInScope, type OrgScope } from '../orgs/org-scope.js';
import { withAuditTables, type Handle } from './audit-tables.js';
import { inWindow } from './rules/candidate-repository.js';

/** A stored run's identity and settings. */
export interface RunInsert {
  startedAt: string;
  orgCode: string | null;
  period: string | null;
  window: AuditWindow;
  rules: readonly string[];
  parameters: unknown;
}

/** Inserts a run in state 'running' and returns its id. */
export async function insertRun(h: Handle, run: RunInsert): Promise<number> {
  const row = await withAuditTables(h)
    .insertInto('audit_runs')
    .values({
      started_at: run.startedAt,
      finished_at: null,
      status: 'running',
      org_code: run.orgCode,
      period: run.period,
      window_from: run.window.from,
      window_to: run.window.to,
      as_of: run.window.asOf,
      rules: JSON.stringify(run.rules),
      parameters: JSON.stringify(run.parameters),
      summary: null,
    } as never)
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

/** Marks a run done with its summary. */
export async function finishRun(
  h: Handle,
  runId: number,
  finishedAt: string,
  summary: unknown,
): Promise<void> {
  await withAuditTables(h)
    .updateTable('audit_runs')
    .set({ status: 'done', finished_at: finishedAt, summary: JSON.stringify(summary) })
    .where('id', '=', runId)
    .execute();
}

const FINDING_COLUMNS = 19;

/**
 * Upserts the findings of a rule in a run on their stable key: new ones open, persisting
 * ones keep their status (a resolved finding stays resolved) and take the new evidence,
 * closed ones reopen.
 */
export async function upsertFindings(
  h: Handle,
  runId: number,
  now: string,
  rule: string,
  findings: readonly DraftFinding[],
): Promise<void> {
  for (const part of chunks(findings, rowsPerStatement(FINDING_COLUMNS))) {
    const rows = part.map((f) => ({
      finding_key: findingKey(rule, f.subject),
      rule,
      severity: f.severity,
      status: 'open',
      county_code: f.countyCode,
      org_code: f.orgCode,
      resident_id: f.residentId,
      service_id: f.serviceId,
      subject: f.subject,
      subject_date: f.subjectDate,
      weight: f.weight,
      evidence: JSON.stringify(f.evidence),
      first_run_id: runId,
      last_run_id: runId,
      first_seen_at: now,
      last_seen_at: now,
      resolved_by: null,
      resolved_at: null,
      closed_at: null,
    }));
    await withAuditTables(h)
      .insertInto('audit_findings')
      .values(rows as never)
      .onConflict((oc) =>
        oc.column('finding_key').doUpdateSet({
          severity: sql`excluded.severity`,
          county_code: sql`excluded.county_code`,
          org_code: sql`excluded.org_code`,
          resident_id: sql`excluded.resident_id`,
          service_id: sql`excluded.service_id`,
          subject_date: sql`excluded.subject_date`,
          weight: sql`excluded.weight`,
          evidence: sql`excluded.evidence`,
          last_run_id: sql`excluded.last_run_id`,
          last_seen_at: sql`excluded.last_seen_at`,
          status: sql`case when audit_findings.status = 'closed' then 'open' else audit_findings.status end`,
          closed_at: null,
          closed_run_id: null,
        }),
      )
      .execute();
  }
}

/**
 * Closes the findings of the run's rules and scope that this run did not see again. Service
 * findings dated outside the run's window were not examined and stay as they are.
 */
export async function closeVanished(
  h: Handle,
  runId: number,
  now: string,
  rules: readonly string[],
  scope: OrgScope,
  w: AuditWindow,
): Promise<Map<string, number>> {
  const closed = new Map<string, number>();
  for (const rule of rules) {
    const result = await sql`
      update audit_findings set status = 'closed', closed_at = ${now}, closed_run_id = ${runId}
      where rule = ${rule} and last_run_id < ${runId} and status <> 'closed'
        and ${rowsInScope(scope, { county: 'county_code', org: 'org_code' })}
        and (subject_date is null or (${inWindow(w, 'subject_date')}))`.execute(h);
    closed.set(rule, Number(result.numAffectedRows ?? 0));
  }
  return closed;
}

/** Per rule: findings seen by the run, new in it, seen but already resolved, closed by it. */
export interface RunRuleSummary {
  rule: string;
  found: number;
  affected: number;
  new: number;
  resolved: number;
  closed: number;
}

/**
 * Stores the run's counts per org, rule and severity, and returns its per-rule summary
 * (`closed` as counted by `closeVanished`). Reads only the run's own findings.
 */
export async function storeRunCounts(
  h: Handle,
  runId: number,
  rules: readonly string[],
  closed: ReadonlyMap<string, number>,
): Promise<RunRuleSummary[]> {
  if (rules.length === 0) return [];
  const own = sql`rule in (${sql.join(rules)}) and last_run_id = ${runId}`;
  await sql`
    insert into audit_run_counts (run_id, org_code, rule, severity, count, affected)
    select ${runId}, org_code, rule, severity, count(*), sum(weight) from audit_findings
    where ${own} group by org_code, rule, severity`.execute(h);
  const rows = await sql<{ rule: string; found: number; affected: number; new: number; resolved: number }>`
    select rule, count(*) as found, sum(weight) as affected,
      sum(case when first_run_id = ${runId} then 1 else 0 end) as new,
      sum(case when status = 'resolved' then 1 else 0 end) as resolved
    from audit_findings where ${own} group by rule`.execute(h);
  const byRule = new Map(rows.rows.map((r) => [r.rule, r]));
  return rules.map((rule) => {
    const r = byRule.get(rule);
    return {
      rule,
      found: Number(r?.found ?? 0),
      affected: Number(r?.affected ?? 0),
      new: Number(r?.new ?? 0),
      resolved: Number(r?.resolved ?? 0),
      closed: closed.get(rule) ?? 0,
    };
  });
}

/** A run as stored. */
export interface RunRow {
  id: number;
  startedAt: string;
  finishedAt: string | null;
  status: string;
  orgCode: string | null;
  period: string | null;
  windowFrom: string | null;
  windowTo: string;
  asOf: string;
  rules: string[];
  summary: RunRuleSummary[] | null;
}

/**
 * The latest runs whose org lies in scope, newest first, or the one with `id`. A run of the
 * whole database (no org) is seen by the whole-tree scope only: its counts cover every org.
 */
export async function selectRuns(h: Handle, scope: OrgScope, limit: number, id?: number): Promise<RunRow[]> {
  let query = withAuditTables(h).selectFrom('audit_runs').selectAll().orderBy('id', 'desc').limit(limit);
  if (scope.kind !== 'all')
    query = query.where(
      'org_code',
      'in',
      withAuditTables(h).selectFrom('orgs as o').select('o.code').where(orgsInScope(scope, 'o')),
    );
  if (id !== undefined) query = query.where('id', '=', id);
  const rows = await query.execute();
  return rows.map((r) => ({
    id: Number(r.id),
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    status: r.status,
    orgCode: r.org_code,
    period: r.period,
    windowFrom: r.window_from,
    windowTo: r.window_to,
    asOf: r.as_of,
    rules: JSON.parse(r.rules) as string[],
    summary: r.summary === null ? null : (JSON.parse(r.summary) as RunRuleSummary[]),
  }));
}
