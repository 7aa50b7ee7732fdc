/**
 * Rule `unused_records` (非动态使用档案): records of living, resident people neither
 * updated nor served in the months before the as-of date. A city may have hundreds of
 * thousands, so they never travel through the application: one statement a county finds and
 * stores them.
 */
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { z } from 'zod';
import { addMonthsIso } from '../../../domain/periods/period.js';
import { spansCounties } from '../../../domain/audits/vocabulary.js';
import { orgsInScope, rowsInScope, type OrgScope } from '../../orgs/org-scope.js';
import type { Handle } from '../audit-tables.js';
import { storedRule, type RunStamp } from './audit-rule.js';
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

/**
 * Stores, set-based, an `unused_records` finding for every active resident in scope whose
 * record was neither created nor updated after `since` and who had no service from `since`
 * (exclusive) to `asOf` (非动态使用: a record updated or served within the year is in use),
 * with the upsert rules of every finding (`upsertFindings`). Returns the number of findings seen.
 */
export async function upsertUnusedFindings(
  h: Handle,
  run: RunStamp,
  since: string,
  scope: OrgScope,
  asOf: string,
): Promise<number> {
  const { runId, now } = run;
  const evidence = JSON.stringify({ noServiceSince: since, asOf });
  const storeAmong = async (among: RawBuilder<SqlBool>): Promise<number> => {
    const result = await sql`
    insert into audit_findings (finding_key, rule, severity, status, county_code, org_code, resident_id,
      service_id, subject, subject_date, weight, evidence, first_run_id, last_run_id, first_seen_at, last_seen_at)
    select 'unused_records|resident:' || cast(r.id as text), 'unused_records', 'info', 'open', r.county_code,
      r.org_code, r.id, null, 'resident:' || cast(r.id as text), null, 1, ${evidence}, ${runId}, ${runId}, ${now}, ${now}
    from residents r
    where ${among} and ${activeAt(asOf, 'r')} and coalesce(r.record_updated, r.record_created) <= ${since}
      and ${rowsInScope(scope, { county: 'r.county_code', org: 'r.org_code' })}
      and not exists (select 1 from services s where s.resident_id = r.id
        and s.service_date > ${since} and s.service_date <= ${asOf})
    on conflict (finding_key) do update set
      county_code = excluded.county_code, org_code = excluded.org_code, evidence = excluded.evidence,
      last_run_id = excluded.last_run_id, last_seen_at = excluded.last_seen_at, closed_at = null, closed_run_id = null,
      status = case when audit_findings.status = 'closed' then 'open' else audit_findings.status end`.execute(
      h,
    );
    return Number(result.numAffectedRows ?? 0);
  };
  if (!spansCounties(scope)) return storeAmong(sql<SqlBool>`1 = 1`);
  // County by county: a city's 139 k findings in one statement held SQLite's connection, and
  // the server's event loop, for 1.2–1.4 s; a county's statement is an eighth of that.
  const counties = await sql<{ county: string }>`
    select distinct coalesce(o.county_code, o.code) as county from orgs o
    where ${orgsInScope(scope, 'o')} order by county`.execute(h);
  let stored = 0;
  for (const { county } of counties.rows) stored += await storeAmong(sql<SqlBool>`r.county_code = ${county}`);
  return stored;
}

/** Rule `unused_records`. */
export const unusedRecords = storedRule({
  id: 'unused_records',
  name: { zh: '非动态使用档案', en: 'Unused records' },
  description: {
    zh: '在册居民健康档案近12个月内既无更新也无任何服务记录（非动态使用）。',
    en: 'Records of living, resident people neither updated nor served in the last 12 months.',
  },
  severities: { info: { zh: '近12个月无更新无服务', en: 'no update or service in 12 months' } },
  subject: 'resident',
  parameters,
  store: (h, { scope, window }, p, run) =>
    upsertUnusedFindings(h, run, unusedSince(window.asOf, p.months), scope, window.asOf),
});
