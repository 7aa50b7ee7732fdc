/**
 * The same indicator table as computeIndicatorValues, computed by plain SQL over the raw
 * service rows (no maintained facts): the benchmark's baseline and the property test's oracle.
 */
import type { Db } from '../../db/database.js';
import { termsOf } from '../../domain/indicators/catalogue.js';
import { DEFAULT_PARAMETERS } from '../../domain/indicators/parameters.js';
import { baselineTermCounts } from './baseline-repository.js';
import { listSubtreeOrgs } from './indicator-repository.js';
import {
  assembleValues,
  resolveQuery,
  type IndicatorQuery,
  type IndicatorValue,
} from './indicator-values.js';

/**
 * Computes the indicator table straight from residents, enrolments and services.
 *
 * @example
 * const slow = await computeIndicatorValuesBaseline(db, { orgCode: '620800', period: '2020Q2', depth: 4 });
 */
export async function computeIndicatorValuesBaseline(
  db: Db,
  query: IndicatorQuery,
): Promise<IndicatorValue[]> {
  const resolved = await resolveQuery(db, query);
  const terms = [...new Set(resolved.indicators.flatMap(termsOf))];
  const counts = await baselineTermCounts(db, resolved.root, resolved.period, terms, DEFAULT_PARAMETERS);
  const subtree = await listSubtreeOrgs(db.kysely, resolved.root, 5);
  const rows = counts.map((c) => ({ org_code: c.code, term: c.term, n: c.n }));
  return assembleValues(db, resolved, new Map(subtree.map((o) => [o.code, o])), rows);
}
