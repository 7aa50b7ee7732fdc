/**
 * Rule `unused_records` (非动态使用档案): records of living, resident people neither
 * updated nor served in the months before the as-of date. A city may have hundreds of
 * thousands, so they are not a finding each: the rule counts them per org, one finding per
 * org standing for all of its unused records (weight = how many), and the records themselves
 * are listed on demand, page by page (`selectUnusedRecords`), as they stand when asked.
 */
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { z } from 'zod';
import { findingSubject, type DraftFinding } from '../../../domain/audits/classify.js';
import { addMonthsIso } from '../../../domain/periods/period.js';
import { rowsInScope, type OrgScope } from '../../orgs/org-scope.js';
import type { Handle } from '../audit-tables.js';
import { judgedRule } from './audit-rule.js';
import { activeAt } from './candidate-repository.js';

const parameters = z.object({
  months: z
    .number()
    .int()
    .min(1)
    .max(120)
    .default(12)
    .describe(
      '截至核查日期前这么多个月内既无更新也无服务的档案为非动态使用 / a record neither updated nor served in this many months before the as-of date is unused',
    ),
});

/**
 * The start of the period of use: a record updated or served after it (up to the as-of date) is in use.
 *
 * @example unusedSince('2020-06-30', 12) // '2019-06-30'
 */
export function unusedSince(asOf: string, months: number): string {
  return addMonthsIso(asOf, -months);
}

/** The unused records of one org. */
export interface UnusedRecordCount {
  readonly countyCode: string;
  readonly orgCode: string;
  readonly records: number;
}

/** Where a finding of this rule says its records were unused: the period of use it judged. */
export interface UnusedPeriod {
  /** Neither updated nor served after this date… */
  readonly noServiceSince: string;
  /** …up to this one. */
  readonly asOf: string;
}

/**
 * The condition "the resident under `r` is unused": active at `asOf`, the record neither
 * created nor updated after `since`, no service from `since` (exclusive) to `asOf`
 * (非动态使用: a record updated or served within the year is in use).
 */
function unusedAt({ noServiceSince: since, asOf }: UnusedPeriod): RawBuilder<SqlBool> {
  return sql<SqlBool>`${activeAt(asOf, 'r')} and coalesce(r.record_updated, r.record_created) <= ${since}
    and not exists (select 1 from services s where s.resident_id = r.id
      and s.service_date > ${since} and s.service_date <= ${asOf})`;
}

/** How many unused records each org in scope has (orgs with none are left out). */
export async function countUnusedRecords(
  h: Handle,
  scope: OrgScope,
  period: UnusedPeriod,
): Promise<UnusedRecordCount[]> {
  const rows = await sql<{ county_code: string; org_code: string; n: number }>`
    select r.county_code, r.org_code, count(*) as n from residents r
    where ${rowsInScope(scope, { county: 'r.county_code', org: 'r.org_code' })} and ${unusedAt(period)}
    group by r.county_code, r.org_code`.execute(h);
  return rows.rows.map((r) => ({ countyCode: r.county_code, orgCode: r.org_code, records: Number(r.n) }));
}

/** An unused record as its work list shows it (personal data not yet masked). */
export interface UnusedRecordRow {
  readonly residentId: number;
  readonly recordNo: string | null;
  readonly name: string | null;
  readonly idNumber: string | null;
  /** The record's last update, else its creation. */
  readonly recordUpdated: string;
  /** The resident's last service up to the as-of date, if any (before the period of use). */
  readonly lastService: string | null;
}

/**
 * One page of the records of `orgCode` (the org itself, not its subtree) unused in `period`,
 * as the data stand now, by record number; and how many there are.
 */
export async function selectUnusedRecords(
  h: Handle,
  orgCode: string,
  period: UnusedPeriod,
  page: number,
  pageSize: number,
): Promise<{ total: number; rows: UnusedRecordRow[] }> {
  const among = sql<SqlBool>`r.org_code = ${orgCode} and ${unusedAt(period)}`;
  const total = await sql<{ n: number }>`select count(*) as n from residents r where ${among}`.execute(h);
  const rows = await sql<{
    id: number;
    record_no: string | null;
    name: string | null;
    id_number: string | null;
    record_updated: string;
    last_service: string | null;
  }>`
    select r.id, r.record_no, r.name, r.id_number,
      coalesce(r.record_updated, r.record_created) as record_updated,
      (select max(s.service_date) from services s where s.resident_id = r.id and s.service_date <= ${period.asOf})
        as last_service
    from residents r where ${among}
    order by r.record_no, r.id
    limit ${pageSize} offset ${(page - 1) * pageSize}`.execute(h);
  return {
    total: Number(total.rows[0]?.n ?? 0),
    rows: rows.rows.map((r) => ({
      residentId: Number(r.id),
      recordNo: r.record_no,
      name: r.name,
      idNumber: r.id_number,
      recordUpdated: r.record_updated,
      lastService: r.last_service,
    })),
  };
}

/**
 * Pure: one finding per org with unused records, weighing as many records, keyed by the org
 * alone so that it persists from run to run (a resolution stays) while the org has any.
 */
export function judgeUnusedRecords(
  counts: readonly UnusedRecordCount[],
  period: UnusedPeriod,
): DraftFinding[] {
  return counts
    .filter((c) => c.records > 0)
    .map((c) => ({
      severity: 'info',
      subject: findingSubject.unitRecords(c.orgCode),
      orgCode: c.orgCode,
      countyCode: c.countyCode,
      residentId: null,
      serviceId: null,
      subjectDate: null,
      weight: c.records,
      evidence: { records: c.records, noServiceSince: period.noServiceSince, asOf: period.asOf },
    }));
}

/** The period of use a run with these parameters judges. */
function periodOf(asOf: string, months: number): UnusedPeriod {
  return { noServiceSince: unusedSince(asOf, months), asOf };
}

/** Rule `unused_records`. */
export const unusedRecords = judgedRule({
  id: 'unused_records',
  name: { zh: '非动态使用档案', en: 'Unused records' },
  description: {
    zh: '在册居民健康档案近12个月内既无更新也无任何服务记录（非动态使用）。每个机构一条，计其档案份数；档案清单按需查看。',
    en: 'Records of living, resident people neither updated nor served in the last 12 months. One finding per org, weighing its records; the records are listed on demand.',
  },
  severities: { info: { zh: '近12个月无更新无服务', en: 'no update or service in 12 months' } },
  subject: 'unit_records',
  parameters,
  candidates: (h, { scope, window }, p) => countUnusedRecords(h, scope, periodOf(window.asOf, p.months)),
  judge: (counts, p, window) => judgeUnusedRecords(counts, periodOf(window.asOf, p.months)),
});
