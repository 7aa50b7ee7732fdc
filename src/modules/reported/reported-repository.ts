/**
 * Storage of reported values (migration 017): the current report per (org, period,
 * indicator) in `reported_values`, every insert, update and delete appended to
 * `reported_value_changes`. Reads are confined to an org scope with `rowsInScope`.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { ReportedFigure } from '../../domain/reported/reported-value.js';
import { rowsInScope, type OrgScope } from '../orgs/org-scope.js';
import { reportedHandle } from './reported-tables.js';

/** A report as stored. */
export interface StoredReportedValue {
  readonly orgCode: string;
  readonly orgName: string | null;
  readonly period: string;
  readonly indicator: string;
  readonly numerator: number | null;
  readonly denominator: number | null;
  readonly percent: number | null;
  readonly source: string;
  readonly enteredBy: string;
  readonly enteredAt: string;
}

/** What {@link writeReportedValue} stores. */
export interface ReportedWrite {
  readonly orgCode: string;
  readonly period: string;
  readonly year: number;
  readonly indicator: string;
  readonly numerator: number | null;
  readonly denominator: number | null;
  readonly percent: number | null;
  readonly source: string;
}

/** An entry of a report's history. */
export interface ReportedChange {
  readonly action: 'insert' | 'update' | 'delete';
  readonly numerator: number | null;
  readonly denominator: number | null;
  readonly percent: number | null;
  readonly source: string | null;
  readonly changedBy: string;
  readonly changedAt: string;
}

type Handle = Kysely<Database> | Transaction<Database>;

const countOrNull = (v: number | string | null): number | null => (v === null ? null : Number(v));

/** The county column of a report: the first six digits of its org (a city's own code for the city). */
export function reportCounty(orgCode: string): string {
  return orgCode.slice(0, 6);
}

/**
 * Stores a report (insert or replace) and appends it to the history; an unchanged report
 * writes nothing. Returns what happened. Run inside the caller's transaction.
 *
 * @example
 * await writeReportedValue(trx, { orgCode: '620802', period: '2020Q2', year: 2020, indicator: 'infectious_disease.report_rate', numerator: 98, denominator: 100, percent: null, source: '传染病报告信息管理系统' }, 'admin', '2020-07-05T08:00:00.000Z');
 */
export async function writeReportedValue(
  trx: Handle,
  row: ReportedWrite,
  by: string,
  at: string,
): Promise<'inserted' | 'updated' | 'unchanged'> {
  const h = reportedHandle(trx);
  const county = reportCounty(row.orgCode);
  const old = await h
    .selectFrom('reported_values')
    .select(['numerator', 'denominator', 'percent', 'source'])
    .where('county_code', '=', county)
    .where('org_code', '=', row.orgCode)
    .where('period', '=', row.period)
    .where('indicator', '=', row.indicator)
    .executeTakeFirst();
  if (
    old &&
    countOrNull(old.numerator) === row.numerator &&
    countOrNull(old.denominator) === row.denominator &&
    (old.percent === null ? null : Number(old.percent)) === row.percent &&
    old.source === row.source
  )
    return 'unchanged';
  const values = {
    numerator: row.numerator,
    denominator: row.denominator,
    percent: row.percent,
    source: row.source,
  };
  await h
    .insertInto('reported_values')
    .values({
      county_code: county,
      org_code: row.orgCode,
      period: row.period,
      year: row.year,
      indicator: row.indicator,
      ...values,
      entered_by: by,
      entered_at: at,
    })
    .onConflict((oc) =>
      oc
        .columns(['county_code', 'org_code', 'period', 'indicator'])
        .doUpdateSet({ ...values, entered_by: by, entered_at: at }),
    )
    .execute();
  await h
    .insertInto('reported_value_changes')
    .values({
      county_code: county,
      org_code: row.orgCode,
      period: row.period,
      indicator: row.indicator,
      action: old ? 'update' : 'insert',
      ...values,
      changed_by: by,
      changed_at: at,
    })
    .execute();
  return old ? 'updated' : 'inserted';
}

/**
 * Removes a report, keeping it in the history. Returns false when there was none.
 *
 * @example
 * await deleteReportedValue(trx, { orgCode: '620802', period: '2020Q2', indicator: 'infectious_disease.report_rate' }, 'admin', now);
 */
export async function deleteReportedValue(
  trx: Handle,
  key: { readonly orgCode: string; readonly period: string; readonly indicator: string },
  by: string,
  at: string,
): Promise<boolean> {
  const h = reportedHandle(trx);
  const county = reportCounty(key.orgCode);
  const result = await h
    .deleteFrom('reported_values')
    .where('county_code', '=', county)
    .where('org_code', '=', key.orgCode)
    .where('period', '=', key.period)
    .where('indicator', '=', key.indicator)
    .executeTakeFirst();
  if (Number(result.numDeletedRows) === 0) return false;
  await h
    .insertInto('reported_value_changes')
    .values({
      county_code: county,
      org_code: key.orgCode,
      period: key.period,
      indicator: key.indicator,
      action: 'delete',
      numerator: null,
      denominator: null,
      percent: null,
      source: null,
      changed_by: by,
      changed_at: at,
    })
    .execute();
  return true;
}

/**
 * The reports of `scope`, optionally of one period, year or indicator, by org, period, indicator.
 *
 * @example
 * const rows = await listReportedValues(db.kysely, scope, { period: '2020Q2' });
 */
export async function listReportedValues(
  h: Handle,
  scope: OrgScope,
  filter: { readonly period?: string; readonly year?: number; readonly indicator?: string } = {},
): Promise<StoredReportedValue[]> {
  let q = reportedHandle(h)
    .selectFrom('reported_values as v')
    .leftJoin('orgs as o', 'o.code', 'v.org_code')
    .select([
      'v.org_code',
      'o.name',
      'v.period',
      'v.indicator',
      'v.numerator',
      'v.denominator',
      'v.percent',
      'v.source',
      'v.entered_by',
      'v.entered_at',
    ])
    .where(rowsInScope(scope, { county: 'v.county_code', org: 'v.org_code' }));
  if (filter.period !== undefined) q = q.where('v.period', '=', filter.period);
  if (filter.year !== undefined) q = q.where('v.year', '=', filter.year);
  if (filter.indicator !== undefined) q = q.where('v.indicator', '=', filter.indicator);
  const rows = await q.orderBy('v.org_code').orderBy('v.period').orderBy('v.indicator').execute();
  return rows.map((r) => ({
    orgCode: r.org_code,
    orgName: r.name,
    period: r.period,
    indicator: r.indicator,
    numerator: countOrNull(r.numerator),
    denominator: countOrNull(r.denominator),
    percent: r.percent === null ? null : Number(r.percent),
    source: r.source,
    enteredBy: r.entered_by,
    enteredAt: r.entered_at,
  }));
}

/** A stored report as the indicator table reads it: the roll-up's figure with its period. */
export interface ReportedFigureOfPeriod extends ReportedFigure {
  readonly period: string;
}

/**
 * The reports of one year (every period of it) for some indicators within `scope`: what the
 * indicator table derives its reported cells from (a half-year from its quarters, a year's
 * latest survey, src/domain/reported/reported-periods.ts).
 *
 * @example
 * const figures = await reportedFiguresInScope(db.kysely, scope, 2020, ['infectious_disease.report_rate']);
 */
export async function reportedFiguresInScope(
  h: Handle,
  scope: OrgScope,
  year: number,
  indicators: readonly string[],
): Promise<ReportedFigureOfPeriod[]> {
  if (indicators.length === 0) return [];
  const rows = await reportedHandle(h)
    .selectFrom('reported_values as v')
    .select([
      'v.org_code',
      'v.period',
      'v.indicator',
      'v.numerator',
      'v.denominator',
      'v.percent',
      'v.source',
    ])
    .where('v.year', '=', year)
    .where('v.indicator', 'in', indicators)
    .where(rowsInScope(scope, { county: 'v.county_code', org: 'v.org_code' }))
    .execute();
  return rows.map((r) => ({
    orgCode: r.org_code,
    period: r.period,
    indicator: r.indicator,
    numerator: countOrNull(r.numerator),
    denominator: countOrNull(r.denominator),
    percent: r.percent === null ? null : Number(r.percent),
    source: r.source,
  }));
}

/**
 * The history of one report, oldest first (each entry the values as they became).
 *
 * @example
 * const history = await listReportedChanges(db.kysely, { orgCode: '620802', period: '2020Q2', indicator: 'infectious_disease.report_rate' });
 */
export async function listReportedChanges(
  h: Handle,
  key: { readonly orgCode: string; readonly period: string; readonly indicator: string },
): Promise<ReportedChange[]> {
  const rows = await reportedHandle(h)
    .selectFrom('reported_value_changes')
    .select(['action', 'numerator', 'denominator', 'percent', 'source', 'changed_by', 'changed_at'])
    .where('org_code', '=', key.orgCode)
    .where('period', '=', key.period)
    .where('indicator', '=', key.indicator)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    action: r.action as ReportedChange['action'],
    numerator: countOrNull(r.numerator),
    denominator: countOrNull(r.denominator),
    percent: r.percent === null ? null : Number(r.percent),
    source: r.source,
    changedBy: r.changed_by,
    changedAt: r.changed_at,
  }));
}
