/**
 * The reported cells of an indicator table: the catalogue's reported indicators are never
 * computed (their computed cells are empty), so their cells are replaced by the reports of
 * the period — an org's own figure for the period (its report for the period, or the sum of
 * its quarters, or the latest survey within it, with a remark:
 * src/domain/reported/reported-periods.ts), or the sum over the units below it that have one
 * (src/domain/reported/reported-value.ts `reportedCells`).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { IndicatorDefinition } from '../../domain/indicators/catalogue.js';
import { rateRemark } from '../../domain/indicators/rate-over-full.js';
import type { LocalizedText } from '../../domain/gongwei-error.js';
import type { OrgLineage } from '../../domain/orgs/org-scope.js';
import { parsePeriod, periodOrNull, type Period } from '../../domain/periods/period.js';
import { reportedForPeriod, type PeriodReport } from '../../domain/reported/reported-periods.js';
import { leftOutOfSums, reportedCells, type ReportedFigure } from '../../domain/reported/reported-value.js';
import type { OrgScope } from '../orgs/org-scope.js';
import { reportedFiguresInScope } from './reported-repository.js';

/** A cell of the indicator table, as far as the overlay reads and writes it. */
export interface OverlaidCell {
  org: string;
  indicator: string;
  numerator: number;
  denominator: number | null;
  value: number | null;
  remark?: { zh: string; en: string };
  /** On a reported indicator: the org's own report, or the sum of the reports below it. */
  source?: 'reported' | 'summed';
  /** On a reported indicator: where the figure comes from (a system, a survey). */
  reportSource?: string;
}

/**
 * Fills the cells of the reported indicators among `indicators` in `cells` (in place) from
 * the reports of `period`'s year within `scope`. `orgs` are the table's orgs, `lineage` finds
 * any org of the scope. Cells of computed indicators are not touched; a reported cell without
 * a figure stays empty (value null), with a remark when the org's reports say why.
 *
 * @example
 * await overlayReportedValues(db.kysely, scope, '2020Q2', indicators, orgs, (c) => scopeOrgs.get(c), rows);
 */
export async function overlayReportedValues<C extends OverlaidCell>(
  h: Kysely<Database>,
  scope: OrgScope,
  period: string,
  indicators: readonly IndicatorDefinition[],
  orgs: readonly OrgLineage[],
  lineage: (code: string) => OrgLineage | undefined,
  cells: C[],
): Promise<C[]> {
  const reported = indicators.filter((i) => i.reported);
  if (reported.length === 0 || orgs.length === 0) return cells;
  const at = parsePeriod(period);
  const stored = await reportedFiguresInScope(
    h,
    scope,
    at.year,
    reported.map((i) => i.id),
  );
  if (stored.length === 0) return cells;
  const byId = new Map(reported.map((i) => [i.id, i]));
  // Each org's own figure for the period, from its reports of the year.
  const reportsOf = new Map<string, PeriodReport[]>();
  for (const f of stored) {
    const key = `${f.orgCode}|${f.indicator}`;
    let list = reportsOf.get(key);
    if (!list) reportsOf.set(key, (list = []));
    list.push(f);
  }
  const figures: ReportedFigure[] = [];
  const periodRemarks = new Map<string, LocalizedText>();
  // Orgs with reports within the period but no figure for it (a quarter missing).
  const incomplete: { orgCode: string; indicator: string }[] = [];
  for (const [key, reports] of reportsOf) {
    const [orgCode, id] = key.split('|') as [string, string];
    const d = reportedForPeriod(byId.get(id)!.reported!.kind, at, reports);
    if (d.figure) figures.push({ orgCode, indicator: id, ...d.figure });
    if (d.remark) periodRemarks.set(key, d.remark);
    if (!d.figure && reports.some((r) => isWithin(r.period, at))) incomplete.push({ orgCode, indicator: id });
  }
  const byOrg = reportedCells(orgs, lineage, figures);
  const leftOut = leftOutOfSums(orgs, lineage, figures, incomplete);
  for (const cell of cells) {
    const indicator = byId.get(cell.indicator);
    if (!indicator) continue;
    const periodRemark = periodRemarks.get(`${cell.org}|${cell.indicator}`);
    const r = byOrg.get(cell.org)?.get(cell.indicator);
    if (!r) {
      // No figure: the remark says why (a quarter missing, reported for a longer period).
      if (periodRemark) cell.remark = periodRemark;
      continue;
    }
    cell.numerator = r.numerator;
    cell.denominator = r.denominator;
    cell.value = r.value;
    cell.source = r.source;
    cell.reportSource = r.reportSource;
    const left = r.source === 'summed' ? (leftOut.get(`${cell.org}|${cell.indicator}`) ?? 0) : 0;
    const remark =
      rateRemark(indicator, r.value) ??
      (r.source === 'reported'
        ? periodRemark
        : left > 0
          ? {
              zh: `${left}个下级单位本期上报不全，未计入合计`,
              en: `${left} unit(s) below with incomplete reports for the period are not in the sum`,
            }
          : undefined);
    if (remark === null || remark === undefined) delete cell.remark;
    else cell.remark = remark;
  }
  return cells;
}

/** True when the report of period `text` lies within `outer` (a quarter of a year). */
function isWithin(text: string, outer: Period): boolean {
  const p = periodOrNull(text);
  return p !== null && p.start >= outer.start && p.end <= outer.end;
}
