/**
 * SQL reading the findings: the work list (a page, a stream, one finding) and resolving a
 * finding, counts per org and rule, the orgs they roll up to, and institutions ranked.
 * Every read takes the org scope of its caller.
 */
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { chunks, KEYS_PER_LOOKUP } from '../../db/statement-chunks.js';
import type { OrgLevel } from '../../db/schema.js';
import type { Severity } from '../../domain/audits/vocabulary.js';
import {
  ancestorColumn,
  orgsInScope,
  NAMED_ORG_COLUMNS,
  rowsInScope,
  toNamedOrg,
  type NamedOrg,
  type OrgLineage,
  type OrgScope,
} from '../orgs/org-scope.js';
import { withAuditTables, type Handle } from './audit-tables.js';

/** Filters of the work list. */
export interface FindingFilter {
  rule?: string | undefined;
  severity?: string | undefined;
  /** Default: open. 'current' = open or resolved; 'all' = any. */
  status?: 'open' | 'resolved' | 'closed' | 'current' | 'all' | undefined;
  runId?: number | undefined;
  residentId?: number | undefined;
}

/** A finding row joined with what the work list shows of its person and service. */
export interface FindingRow {
  id: number;
  rule: string;
  severity: string;
  status: string;
  orgCode: string;
  orgName: string | null;
  countyCode: string;
  residentId: number | null;
  recordNo: string | null;
  name: string | null;
  idNumber: string | null;
  serviceId: number | null;
  serviceType: string | null;
  serviceDate: string | null;
  subject: string;
  weight: number;
  evidence: string;
  firstRunId: number;
  lastRunId: number;
  firstSeenAt: string;
  lastSeenAt: string;
  resolvedBy: string | null;
  resolvedAt: string | null;
  resolutionNote: string | null;
  closedAt: string | null;
}

const FINDINGS_IN_SCOPE = (scope: OrgScope): RawBuilder<SqlBool> =>
  rowsInScope(scope, { county: 'f.county_code', org: 'f.org_code' });

function findingConditions(scope: OrgScope, f: FindingFilter): RawBuilder<unknown> {
  const parts: RawBuilder<unknown>[] = [FINDINGS_IN_SCOPE(scope)];
  if (f.rule) parts.push(sql`f.rule = ${f.rule}`);
  if (f.severity) parts.push(sql`f.severity = ${f.severity}`);
  const status = f.status ?? 'open';
  if (status === 'current') parts.push(sql`f.status <> 'closed'`);
  else if (status !== 'all') parts.push(sql`f.status = ${status}`);
  if (f.runId !== undefined) parts.push(sql`f.last_run_id = ${f.runId}`);
  if (f.residentId !== undefined) parts.push(sql`f.resident_id = ${f.residentId}`);
  return sql.join(parts, sql` and `);
}

/** A finding with its org's name, its person and its service, as the work list reads it. */
const FINDING_WITH_SUBJECTS = sql`
    select f.*, o.name as org_name, r.record_no, r.name, r.id_number, s.type as service_type, s.service_date
    from audit_findings f
    left join orgs o on o.code = f.org_code
    left join residents r on r.id = f.resident_id
    left join services s on s.id = f.service_id`;

/** One page of findings in scope (ordered by org, rule, id) and the total matching the filter. */
export async function selectFindings(
  h: Handle,
  scope: OrgScope,
  f: FindingFilter,
  page: number,
  pageSize: number,
): Promise<{ total: number; rows: FindingRow[] }> {
  const where = findingConditions(scope, f);
  const total = await sql<{ n: number }>`select count(*) as n from audit_findings f where ${where}`.execute(
    h,
  );
  const rows = await sql<Record<string, unknown>>`${FINDING_WITH_SUBJECTS}
    where ${where}
    order by f.org_code, f.rule, f.id
    limit ${pageSize} offset ${(page - 1) * pageSize}`.execute(h);
  return { total: Number(total.rows[0]?.n ?? 0), rows: rows.rows.map(toFindingRow) };
}

/**
 * Up to `limit` findings in scope with an id above `afterId`, by id: keyset paging for
 * streaming every finding of a large run (offsets would rescan what was already sent).
 */
export async function selectFindingsAfter(
  h: Handle,
  scope: OrgScope,
  f: FindingFilter,
  afterId: number,
  limit: number,
): Promise<FindingRow[]> {
  const rows = await sql<Record<string, unknown>>`${FINDING_WITH_SUBJECTS}
    where ${findingConditions(scope, f)} and f.id > ${afterId}
    order by f.id
    limit ${limit}`.execute(h);
  return rows.rows.map(toFindingRow);
}

/** One finding by id; null when there is none in scope. */
export async function selectFinding(h: Handle, scope: OrgScope, id: number): Promise<FindingRow | null> {
  const rows = await sql<Record<string, unknown>>`${FINDING_WITH_SUBJECTS}
    where f.id = ${id} and ${FINDINGS_IN_SCOPE(scope)}`.execute(h);
  const row = rows.rows[0];
  return row ? toFindingRow(row) : null;
}

/**
 * Where a finding lies, whatever the scope: only its org and county, so that a use-case can
 * tell a finding outside the caller's scope (403, in the access trail) from no finding (404).
 */
export async function selectFindingPlace(
  h: Handle,
  id: number,
): Promise<{ orgCode: string; countyCode: string } | null> {
  const row = await withAuditTables(h)
    .selectFrom('audit_findings')
    .select(['org_code', 'county_code'])
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? { orgCode: row.org_code, countyCode: row.county_code } : null;
}

function toFindingRow(r: Record<string, unknown>): FindingRow {
  const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
  const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
  return {
    id: Number(r.id),
    rule: String(r.rule),
    severity: String(r.severity),
    status: String(r.status),
    orgCode: String(r.org_code),
    orgName: str(r.org_name),
    countyCode: String(r.county_code),
    residentId: num(r.resident_id),
    recordNo: str(r.record_no),
    name: str(r.name),
    idNumber: str(r.id_number),
    serviceId: num(r.service_id),
    serviceType: str(r.service_type),
    serviceDate: str(r.service_date),
    subject: String(r.subject),
    weight: Number(r.weight),
    evidence: String(r.evidence),
    firstRunId: Number(r.first_run_id),
    lastRunId: Number(r.last_run_id),
    firstSeenAt: String(r.first_seen_at),
    lastSeenAt: String(r.last_seen_at),
    resolvedBy: str(r.resolved_by),
    resolvedAt: str(r.resolved_at),
    resolutionNote: str(r.resolution_note),
    closedAt: str(r.closed_at),
  };
}

/** Sets a finding's status to resolved (or back to open) with who, when and a note. */
export async function setFindingResolution(
  h: Handle,
  id: number,
  resolution: { status: 'resolved' | 'open'; by: string | null; at: string | null; note: string | null },
): Promise<void> {
  await withAuditTables(h)
    .updateTable('audit_findings')
    .set({
      status: resolution.status,
      resolved_by: resolution.by,
      resolved_at: resolution.at,
      resolution_note: resolution.note,
    })
    .where('id', '=', id)
    .execute();
}

/** Counts of findings per finding org, rule and severity (before rolling up). */
export interface OrgRuleCount {
  orgCode: string;
  rule: string;
  severity: Severity;
  count: number;
  affected: number;
}

/** Current findings (open and resolved) or a run's stored counts, per finding org, in scope. */
export async function selectOrgRuleCounts(
  h: Handle,
  scope: OrgScope,
  runId: number | null,
  rule: string | null,
): Promise<OrgRuleCount[]> {
  const ruleCond = rule === null ? sql`1 = 1` : sql`rule = ${rule}`;
  const rows =
    runId === null
      ? await sql<{ org_code: string; rule: string; severity: string; n: number; affected: number }>`
        select org_code, rule, severity, count(*) as n, sum(weight) as affected from audit_findings
        where status <> 'closed' and ${ruleCond} and ${rowsInScope(scope, { county: 'county_code', org: 'org_code' })}
        group by org_code, rule, severity`.execute(h)
      : await sql<{ org_code: string; rule: string; severity: string; n: number; affected: number }>`
        select c.org_code, c.rule, c.severity, c.count as n, c.affected from audit_run_counts c
        left join orgs o on o.code = c.org_code
        where c.run_id = ${runId} and ${ruleCond}
          and ${rowsInScope(scope, { county: 'o.county_code', org: 'c.org_code' })}`.execute(h);
  return rows.rows.map((r) => ({
    orgCode: r.org_code,
    rule: r.rule,
    severity: r.severity as Severity,
    count: Number(r.n),
    affected: Number(r.affected),
  }));
}

/**
 * The orgs with the given codes. The division tree is public (names of places), and the
 * codes come from reads already confined to a scope; a place's ancestors, which may lie
 * above the scope, name it (华亭市东华镇).
 */
export async function selectNamedOrgs(h: Handle, codes: readonly string[]): Promise<NamedOrg[]> {
  const out: NamedOrg[] = [];
  for (const part of chunks([...new Set(codes)], KEYS_PER_LOOKUP)) {
    const rows = await h
      .selectFrom('orgs as o')
      .select(NAMED_ORG_COLUMNS)
      .where('o.code', 'in', part)
      .execute();
    out.push(...rows.map(toNamedOrg));
  }
  return out;
}

/** The orgs of `root`'s subtree down to `depth` levels below it (0: the root only) that lie in scope. */
export async function selectOrgsBelow(
  h: Handle,
  scope: OrgScope,
  root: OrgLineage,
  depth: number,
): Promise<NamedOrg[]> {
  const rows = await h
    .selectFrom('orgs as o')
    .select(NAMED_ORG_COLUMNS)
    .where(`o.${ancestorColumn(root.level)}`, '=', root.code)
    .where('o.level', '<=', Math.min(5, root.level + depth) as OrgLevel)
    .where(orgsInScope(scope, 'o'))
    .execute();
  return rows.map(toNamedOrg);
}

/** Current findings of a rule in scope grouped by the institution of their service, most first. */
export async function selectInstitutionCounts(
  h: Handle,
  scope: OrgScope,
  rule: string,
  limit: number,
): Promise<{ institution: string; countyCode: string; count: number }[]> {
  const rows = await sql<{ institution: string; county_code: string; n: number }>`
    select s.institution, min(f.county_code) as county_code, count(*) as n
    from audit_findings f join services s on s.id = f.service_id
    where f.rule = ${rule} and f.status <> 'closed' and s.institution is not null
      and ${FINDINGS_IN_SCOPE(scope)}
    group by s.institution order by count(*) desc, s.institution limit ${limit}`.execute(h);
  return rows.rows.map((r) => ({
    institution: r.institution,
    countyCode: r.county_code,
    count: Number(r.n),
  }));
}
