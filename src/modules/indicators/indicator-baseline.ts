/**
 * The same indicator table as computeIndicatorValues, computed by plain SQL over the raw
 * service rows (no maintained facts): the benchmark's baseline and the property test's
 * oracle. Nothing in the production read path imports it.
 */
import type { Db } from '../../db/database.js';
import { termsOf } from '../../domain/indicators/catalogue.js';
import { DEFAULT_PARAMETERS } from '../../domain/indicators/parameters.js';
import type { OrgScope } from '../orgs/org-scope.js';
import { overlayReportedValues } from '../reported/reported-overlay.js';
import { baselineTermCounts } from './baseline-repository.js';
import { resolveQuery, type IndicatorQuery } from './indicator-query.js';
import { assembleValues, type IndicatorValue } from './value-assembly.js';

/**
 * Computes the indicator table straight from residents, enrolments and services.
 *
 * @example
 * const slow = await computeIndicatorValuesBaseline(db, WHOLE_TREE, { orgCode: '620800', period: '2020Q2', depth: 4 });
 */
export async function computeIndicatorValuesBaseline(
  db: Db,
  callerScope: OrgScope,
  query: IndicatorQuery,
): Promise<IndicatorValue[]> {
  const resolved = await resolveQuery(db, callerScope, query);
  const terms = [...new Set(resolved.indicators.flatMap(termsOf))];
  const counts = await baselineTermCounts(db, resolved.scope, resolved.period, terms, DEFAULT_PARAMETERS);
  const values = await assembleValues(
    db,
    resolved,
    counts.map((c) => ({ org_code: c.code, term: c.term, n: c.n })),
  );
  // Reported indicators are stored, not computed: both tables read them the same way.
  return overlayReportedValues(
    db.kysely,
    resolved.scope,
    resolved.period.text,
    resolved.indicators,
    resolved.orgs,
    (code) => resolved.scopeOrgs.get(code),
    values,
  );
}
