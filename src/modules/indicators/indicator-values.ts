/**
 * The indicator table: every requested indicator for an org and its descendants down to
 * `depth` levels, for one period, from the maintained tallies (one read of the tally nodes
 * of the period's 旬 for the scope, added up the tree: sums of numerators over sums of
 * denominators, never averages). The reported indicators (catalogue `reported`) take their
 * cells from the reports of the period instead (../reported/reported-overlay.ts).
 */
import type { Db } from '../../db/database.js';
import { DEFAULT_PARAMETERS } from '../../domain/indicators/parameters.js';
import { prefixNodes } from '../../domain/indicators/slot-tree.js';
import type { OrgScope } from '../orgs/org-scope.js';
import { overlayReportedValues } from '../reported/reported-overlay.js';
import { loadFactYears } from './facts-repository.js';
import { resolveQuery, type IndicatorQuery } from './indicator-query.js';
import { termCountsFromRawRows } from './unmaintained-year.js';
import type { TallyMemory, TallyStore } from './tally-store.js';
import { assembleValues, type IndicatorValue } from './value-assembly.js';
import { tallyNodesInScope } from './values-repository.js';

export type { IndicatorQuery } from './indicator-query.js';
export type { IndicatorValue } from './value-assembly.js';

/**
 * Computes the indicator table for the org a query names, within the caller's scope, and a
 * period, from the maintained facts. A year whose facts are not maintained (no service
 * recorded in it) is evaluated from the raw rows by the same rules (./unmaintained-year.ts).
 * With `tallies`, a maintained year's nodes are added up from that in-memory store
 * (./tally-store.ts, kept fresh by the data versions) instead of being read for the request.
 *
 * @example
 * const rows = await computeIndicatorValues(db, callerScope(request), { orgCode: '620800', period: '2020Q2', depth: 1 });
 */
export async function computeIndicatorValues(
  db: Db,
  callerScope: OrgScope,
  query: IndicatorQuery,
  tallies?: TallyStore,
): Promise<IndicatorValue[]> {
  return tallies
    ? tallies.read(db.kysely, (memory) => indicatorTableFrom(db, callerScope, query, memory))
    : indicatorTableFrom(db, callerScope, query, null);
}

/**
 * {@link computeIndicatorValues} with the memory of a read already begun on a `TallyStore`
 * (the org tree, the maintained years and the tallies come from it), or from the database
 * alone when `memory` is null.
 */
export async function indicatorTableFrom(
  db: Db,
  callerScope: OrgScope,
  query: IndicatorQuery,
  memory: TallyMemory | null,
): Promise<IndicatorValue[]> {
  const resolved = await resolveQuery(db, callerScope, query, 'ids', memory ?? undefined);
  const { scope, period } = resolved;
  const years = memory ? await memory.factYears() : await loadFactYears(db.kysely);
  const counts = !years.includes(period.year)
    ? await termCountsFromRawRows(db.kysely, scope, period, DEFAULT_PARAMETERS)
    : memory
      ? await memory.countsAt(resolved)
      : await tallyNodesInScope(db.kysely, scope, period.year, prefixNodes(period.endSlot));
  const values = await assembleValues(db, resolved, counts, memory?.villagePopulation);
  // Reported indicators are not counted from facts: their cells come from the reports.
  return overlayReportedValues(
    db.kysely,
    scope,
    period.text,
    resolved.indicators,
    resolved.orgs,
    (code) => resolved.scopeOrgs.get(code),
    values,
  );
}
