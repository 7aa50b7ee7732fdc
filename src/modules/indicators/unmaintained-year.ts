/**
 * A year without maintained facts (no service recorded in it: a year before the first
 * service, or the new year before its first one) is answered from the raw rows, by the same
 * rules as the facts: every resident of the scope is loaded in batches as the maintainer
 * loads it and its terms evaluated at the period end only (1 of 36 旬), activities likewise.
 * Nothing is stored: a read never writes, and a query cannot make a year maintained (every
 * maintained year costs every later write). See docs/decisions/0010-indicator-terms-and-composition.md.
 */
import { activitiesByOrg, termCountsAt } from '../../domain/indicators/fact-changes.js';
import type { IndicatorParameters } from '../../domain/indicators/parameters.js';
import {
  ACTIVITY_TERM_FAMILY,
  activityTallies,
  PERSON_SERVICE_READS,
} from '../../domain/indicators/terms.js';
import type { Period } from '../../domain/periods/period.js';
import type { OrgScope } from '../orgs/org-scope.js';
import { loadResidentRows, RESIDENTS_PER_BATCH } from './fact-maintainer.js';
import type { Handle } from './facts-repository.js';
import { activitiesInScope, residentIdsAfter } from './raw-rows-repository.js';
import type { TermCount } from './values-repository.js';

/** The term counts per org of `scope` at the end of `period`, computed from the raw rows. */
export async function termCountsFromRawRows(
  h: Handle,
  scope: OrgScope,
  period: Period,
  parameters: IndicatorParameters,
): Promise<TermCount[]> {
  const counts = new Map<string, Map<string, number>>();
  for (let after = 0; ;) {
    const ids = await residentIdsAfter(h, scope, after, RESIDENTS_PER_BATCH);
    if (ids.length === 0) break;
    const rows = await loadResidentRows(h, ids, false);
    termCountsAt(rows, period.year, period.endSlot, parameters, PERSON_SERVICE_READS, counts);
    after = ids[ids.length - 1]!;
  }
  const type = ACTIVITY_TERM_FAMILY.reads.type;
  for (const [org, { activities }] of activitiesByOrg(await activitiesInScope(h, scope, type, period.year))) {
    let byTerm = counts.get(org);
    if (!byTerm) counts.set(org, (byTerm = new Map()));
    for (const [term, values] of activityTallies(activities, period.year)) {
      const n = values[period.endSlot]!;
      if (n !== 0) byTerm.set(term, (byTerm.get(term) ?? 0) + n);
    }
  }
  const out: TermCount[] = [];
  for (const [org_code, byTerm] of counts) for (const [term, n] of byTerm) out.push({ org_code, term, n });
  return out;
}
