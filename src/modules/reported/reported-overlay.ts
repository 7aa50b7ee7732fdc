/**
 * The reported cells of an indicator table: the catalogue's reported indicators are never
 * computed (their computed cells are empty), so their cells are replaced by the reports of
 * the period — an org's own, or the sum over the units below it that reported
 * (src/domain/reported/reported-value.ts `reportedCells`).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { IndicatorDefinition } from '../../domain/indicators/catalogue.js';
import { rateRemark } from '../../domain/indicators/rate-over-full.js';
import type { OrgLineage } from '../../domain/orgs/org-scope.js';
import { reportedCells } from '../../domain/reported/reported-value.js';
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
 * the reports of `period` within `scope`. `orgs` are the table's orgs, `lineage` finds any org
 * of the scope. Cells of computed indicators are not touched; a reported cell without a
 * report stays empty (value null).
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
  const figures = await reportedFiguresInScope(
    h,
    scope,
    period,
    reported.map((i) => i.id),
  );
  if (figures.length === 0) return cells;
  const byOrg = reportedCells(orgs, lineage, figures);
  const byId = new Map(reported.map((i) => [i.id, i]));
  for (const cell of cells) {
    const indicator = byId.get(cell.indicator);
    const r = indicator ? byOrg.get(cell.org)?.get(cell.indicator) : undefined;
    if (!indicator || !r) continue;
    cell.numerator = r.numerator;
    cell.denominator = r.denominator;
    cell.value = r.value;
    cell.source = r.source;
    cell.reportSource = r.reportSource;
    const remark = rateRemark(indicator, r.value);
    if (remark === null) delete cell.remark;
    else cell.remark = remark;
  }
  return cells;
}
