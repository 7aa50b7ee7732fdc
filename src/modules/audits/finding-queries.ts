/**
 * Use-cases reading the findings: counts rolled up the tree and hotspots (contract 5), the
 * work list of a unit with masked personal data, runs, and resolving a finding. Each takes
 * the caller's org scope; an org a query names narrows it (`scopeOfOrg`).
 */
import type { Db } from '../../db/database.js';
import { placeName } from '../../domain/audits/classify.js';
import { maskEvidence } from '../../domain/audits/evidence-masking.js';
import type { Severity } from '../../domain/audits/vocabulary.js';
import { GongweiError } from '../../domain/gongwei-error.js';
import { maskIdNumber, maskName } from '../../domain/privacy/masking.js';
import { scopeOfOrg, type NamedOrg, type OrgScope } from '../orgs/org-scope.js';
import {
  selectFinding,
  selectFindingPlace,
  selectFindings,
  selectFindingsAfter,
  selectInstitutionCounts,
  selectNamedOrgs,
  selectOrgRuleCounts,
  selectOrgsBelow,
  setFindingResolution,
  type FindingFilter,
  type FindingRow,
} from './finding-repository.js';
import type { Handle } from './audit-tables.js';
import { selectRuns, type RunRow } from './run-repository.js';

/** The caller's scope narrowed to the org a query names (an unknown org answers 400, as it always has). */
async function narrowTo(db: Db, scope: OrgScope, orgCode: string | undefined): Promise<OrgScope> {
  if (!orgCode) return scope;
  return (await scopeOfOrg(db.kysely, scope, orgCode, { field: 'org', unknownCode: 'bad_request' })).scope;
}

/** Findings counted under one org (its whole subtree), rule and severity. */
export interface FindingCount {
  org: string;
  orgName: string;
  level: number;
  rule: string;
  severity: Severity;
  /** Number of findings. */
  count: number;
  /**
   * Records the findings stand for: extra copies for duplicate sets, an org's unused records
   * for its one `unused_records` finding, else equal to count.
   */
  affected: number;
}

const ancestorsOf = (o: NamedOrg): (string | null)[] => [
  o.provinceCode,
  o.cityCode,
  o.countyCode,
  o.townshipCode,
  o.code,
];

/**
 * Counts of findings per org and rule, rolled up the tree: each org of the subtree of
 * `orgCode` down to `depth` levels below it (0: the org only) that the scope sees counts
 * the findings of its whole subtree within the scope. Without `runId`: the current findings
 * (open or resolved); with it: what that run found.
 *
 * @example await countFindings(db, callerScope, { orgCode: '620800', depth: 1 }) // the city and its counties
 */
export async function countFindings(
  db: Db,
  scope: OrgScope,
  query: { orgCode: string; depth?: number; runId?: number; rule?: string },
): Promise<FindingCount[]> {
  const { org, scope: within } = await scopeOfOrg(db.kysely, scope, query.orgCode, {
    field: 'org',
    unknownCode: 'bad_request',
  });
  const orgs = await selectOrgsBelow(db.kysely, within, org, query.depth ?? 1);
  const wanted = new Map(orgs.map((o) => [o.code, o]));
  const counts = await selectOrgRuleCounts(db.kysely, within, query.runId ?? null, query.rule ?? null);
  const lineage = new Map(
    (
      await selectNamedOrgs(
        db.kysely,
        counts.map((c) => c.orgCode),
      )
    ).map((o) => [o.code, o]),
  );
  const totals = new Map<string, FindingCount>();
  for (const c of counts) {
    const own = lineage.get(c.orgCode);
    const chain = own ? ancestorsOf(own) : [c.orgCode];
    for (const code of new Set(chain)) {
      const org = code === null ? undefined : wanted.get(code);
      if (!org) continue;
      const key = `${org.code}|${c.rule}|${c.severity}`;
      const t = totals.get(key);
      if (t) {
        t.count += c.count;
        t.affected += c.affected;
      } else
        totals.set(key, {
          org: org.code,
          orgName: org.name,
          level: org.level,
          rule: c.rule,
          severity: c.severity,
          count: c.count,
          affected: c.affected,
        });
    }
  }
  return [...totals.values()].sort(
    (a, b) =>
      a.level - b.level ||
      a.org.localeCompare(b.org) ||
      a.rule.localeCompare(b.rule) ||
      a.severity.localeCompare(b.severity),
  );
}

/** A place where findings of a rule concentrate. */
export interface Hotspot {
  org: string;
  orgName: string;
  level: number;
  /** County, township and village names joined, e.g. 华亭市东华镇 or 静宁县雷大镇屈岔村. */
  fullName: string;
  /** Records the current findings there stand for (`FindingCount.affected`). */
  count: number;
}

/**
 * The townships and villages where the current findings of a rule stand for the most records,
 * most first. With `level` 4 or 5 only that level is ranked. By default a township is named,
 * unless one of its villages holds at least `concentration` (0.6) of its records: then that village is
 * named instead, as a bulletin would ("静宁县雷大镇屈岔村").
 *
 * @example await listHotspots(db, callerScope, { rule: 'identical_checkups', orgCode: '620800', limit: 5 })
 */
export async function listHotspots(
  db: Db,
  scope: OrgScope,
  query: { rule: string; orgCode: string; limit?: number; level?: 4 | 5; concentration?: number },
): Promise<Hotspot[]> {
  const within = await narrowTo(db, scope, query.orgCode);
  const limit = query.limit ?? 10;
  const counts = await selectOrgRuleCounts(db.kysely, within, null, query.rule);
  const lineage = new Map(
    (
      await selectNamedOrgs(
        db.kysely,
        counts.map((c) => c.orgCode),
      )
    ).map((o) => [o.code, o]),
  );
  const township = new Map<string, number>();
  const village = new Map<string, number>();
  for (const c of counts) {
    const o = lineage.get(c.orgCode);
    if (!o) continue;
    if (o.townshipCode) township.set(o.townshipCode, (township.get(o.townshipCode) ?? 0) + c.affected);
    if (o.level === 5) village.set(o.code, (village.get(o.code) ?? 0) + c.affected);
  }
  let picks: [string, number][];
  if (query.level === 4) picks = [...township];
  else if (query.level === 5) picks = [...village];
  else {
    const share = query.concentration ?? 0.6;
    const topVillage = new Map<string, [string, number]>();
    for (const [code, n] of village) {
      const t = lineage.get(code)?.townshipCode;
      if (!t) continue;
      const best = topVillage.get(t);
      if (!best || n > best[1]) topVillage.set(t, [code, n]);
    }
    picks = [...township].map(([t, n]) => {
      const best = topVillage.get(t);
      return best && best[1] >= share * n && n > 0 ? best : [t, n];
    });
  }
  picks.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  picks = picks.slice(0, limit);
  const named = await selectNamedOrgs(
    db.kysely,
    picks.map((p) => p[0]),
  );
  const byCode = new Map(named.map((o) => [o.code, o]));
  const parents = await selectNamedOrgs(
    db.kysely,
    named.flatMap((o) =>
      [o.countyCode, o.townshipCode].filter((c): c is string => c !== null && c !== o.code),
    ),
  );
  const nameOf = new Map(parents.map((o) => [o.code, o.name]));
  return picks.map(([code, count]) => {
    const o = byCode.get(code);
    const chain = o
      ? [o.countyCode, o.townshipCode]
          .filter((c): c is string => c !== null && c !== o.code)
          .map((c) => placeName(nameOf.get(c) ?? ''))
      : [];
    return {
      org: code,
      orgName: o?.name ?? code,
      level: o?.level ?? 0,
      fullName: [...chain, placeName(o?.name ?? code)].join(''),
      count,
    };
  });
}

/** Current findings of a rule per institution of their service, most first. */
export async function listInstitutionHotspots(
  db: Db,
  scope: OrgScope,
  query: { rule: string; orgCode?: string; limit?: number },
): Promise<{ institution: string; countyCode: string; count: number }[]> {
  const within = await narrowTo(db, scope, query.orgCode);
  return selectInstitutionCounts(db.kysely, within, query.rule, query.limit ?? 10);
}

/**
 * A finding as the work list shows it: personal data masked (name 陈**, ID number with its
 * region and last 4 — the item shows no birth date, age or sex —, evidence masked by
 * `maskEvidence`). The same on a single finding: it is read as part of a work list.
 */
export interface WorkListItem {
  id: number;
  rule: string;
  severity: string;
  status: string;
  org: string;
  orgName: string | null;
  resident: { id: number; recordNo: string | null; name: string | null; idNumber: string | null } | null;
  service: { id: number; type: string | null; date: string | null } | null;
  weight: number;
  evidence: unknown;
  firstSeenAt: string;
  lastSeenAt: string;
  lastRunId: number;
  resolvedBy: string | null;
  resolvedAt: string | null;
  resolutionNote: string | null;
  closedAt: string | null;
}

function toItem(r: FindingRow): WorkListItem {
  return {
    id: r.id,
    rule: r.rule,
    severity: r.severity,
    status: r.status,
    org: r.orgCode,
    orgName: r.orgName,
    resident:
      r.residentId === null
        ? null
        : {
            id: r.residentId,
            recordNo: r.recordNo,
            name: maskName(r.name),
            idNumber: maskIdNumber(r.idNumber),
          },
    service: r.serviceId === null ? null : { id: r.serviceId, type: r.serviceType, date: r.serviceDate },
    weight: r.weight,
    evidence: maskEvidence(JSON.parse(r.evidence) as unknown),
    firstSeenAt: r.firstSeenAt,
    lastSeenAt: r.lastSeenAt,
    lastRunId: r.lastRunId,
    resolvedBy: r.resolvedBy,
    resolvedAt: r.resolvedAt,
    resolutionNote: r.resolutionNote,
    closedAt: r.closedAt,
  };
}

/** Filters of the work list as callers give them. */
export interface WorkListQuery extends FindingFilter {
  orgCode?: string | undefined;
  page?: number | undefined;
  pageSize?: number | undefined;
}

/** One page of a unit's work list (ordered by org, rule, id), personal data masked. */
export async function listFindings(
  db: Db,
  scope: OrgScope,
  query: WorkListQuery,
): Promise<{ total: number; page: number; pageSize: number; items: WorkListItem[] }> {
  const within = await narrowTo(db, scope, query.orgCode);
  const page = Math.max(1, query.page ?? 1);
  const pageSize = Math.min(1000, Math.max(1, query.pageSize ?? 50));
  const { total, rows } = await selectFindings(db.kysely, within, query, page, pageSize);
  return { total, page, pageSize, items: rows.map(toItem) };
}

/**
 * Every finding matching the filter, by id, in batches (masked): for exporting a whole run
 * without holding it in memory.
 */
export async function* streamFindings(
  db: Db,
  scope: OrgScope,
  query: Omit<WorkListQuery, 'page' | 'pageSize'>,
): AsyncGenerator<WorkListItem> {
  const within = await narrowTo(db, scope, query.orgCode);
  let after = 0;
  for (;;) {
    const rows = await selectFindingsAfter(db.kysely, within, query, after, 2000);
    for (const r of rows) yield toItem(r);
    if (rows.length < 2000) return;
    after = rows[rows.length - 1]!.id;
  }
}

/**
 * Refuses (403, naming `field`) a finding that exists outside the scope; a finding that does
 * not exist at all passes, for the caller to answer as it always has.
 */
export async function refuseFindingOutside(
  h: Handle,
  id: number,
  what: { zh: string; en: string },
  field: string,
): Promise<void> {
  if ((await selectFindingPlace(h, id)) !== null)
    throw GongweiError.forbidden(
      { zh: `${what.zh} ${id} 不在您的权限范围内`, en: `${what.en} ${id} is outside your scope` },
      field,
    );
}

/**
 * One finding, masked; null when there is none with that id. One outside the scope is
 * refused (403), so that the refusal is in the access trail.
 */
export async function getFinding(db: Db, scope: OrgScope, id: number): Promise<WorkListItem | null> {
  const row = await selectFinding(db.kysely, scope, id);
  if (row) return toItem(row);
  await refuseFindingOutside(db.kysely, id, { zh: '问题', en: 'finding' }, 'id');
  return null;
}

/**
 * Marks a finding resolved (followed up) by the caller, or reopens it. `by` is the caller's
 * name (the signed-in user, or `operator:<os user>` at the command line), never a name a
 * request carries. A closed finding (gone from the data) cannot be resolved; one outside the
 * scope is refused (403); an unknown one is a 400.
 */
export async function resolveFinding(
  db: Db,
  scope: OrgScope,
  id: number,
  resolution: { by: string; note?: string | null; at?: string; reopen?: boolean },
): Promise<WorkListItem> {
  return db.kysely.transaction().execute(async (trx) => {
    const row = await selectFinding(trx, scope, id);
    if (!row) await refuseFindingOutside(trx, id, { zh: '问题', en: 'finding' }, 'id');
    if (!row)
      throw GongweiError.badRequest(
        { zh: `没有编号为 ${id} 的问题`, en: `finding ${id}: no such finding` },
        'id',
      );
    if (row.status === 'closed')
      throw GongweiError.badRequest(
        { zh: `问题 ${id} 已关闭（数据中已不存在）`, en: `finding ${id}: closed (no longer in the data)` },
        'id',
      );
    if (!resolution.reopen && resolution.by.trim() === '')
      throw new Error('resolveFinding: the caller has no name');
    await setFindingResolution(
      trx,
      id,
      resolution.reopen
        ? { status: 'open', by: null, at: null, note: null }
        : {
            status: 'resolved',
            by: resolution.by.trim(),
            at: resolution.at ?? new Date().toISOString(),
            note: resolution.note ?? null,
          },
    );
    return toItem((await selectFinding(trx, scope, id))!);
  });
}

/** The latest runs over orgs in the scope, newest first. */
export async function listRuns(db: Db, scope: OrgScope, query: { limit?: number } = {}): Promise<RunRow[]> {
  return selectRuns(db.kysely, scope, query.limit ?? 20);
}

/** One run; null when there is none with that id over an org in the scope. */
export async function getRun(db: Db, scope: OrgScope, id: number): Promise<RunRow | null> {
  const [run] = await selectRuns(db.kysely, scope, 1, id);
  return run ?? null;
}
