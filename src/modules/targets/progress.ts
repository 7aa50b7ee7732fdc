/**
 * Use-case: progress against targets (contract 6). For an org and period: each child's
 * target, the milestone due by the period end, the achieved count from the indicator engine
 * (the indicator's numerator), the gap and the completion ratio; children ranked.
 */
import type { Db } from '../../db/database.js';
import { requirePeriod } from '../../domain/targets/calendar.js';
import { computeProgress, type ProgressRow } from '../../domain/targets/progress.js';
import { computeIndicatorValues } from '../indicators/indicator-values.js';
import { listChildren } from '../orgs/org-repository.js';
import type { OrgScope } from '../orgs/org-scope.js';
import { levelsDown, orgToRead } from './target-scope.js';
import { listTargets } from './targets-repository.js';

export type { ProgressRow } from '../../domain/targets/progress.js';

/**
 * Progress of the children of `orgCode` (of the org itself when it has none) for `period`,
 * ranked within each indicator by completion, highest first; only the targets within
 * `scope` (the caller's) count.
 *
 * @example
 * await progress(db, OPERATOR_SCOPE, { orgCode: '620881', period: '2020H1' })
 * // → [{ org: '620881100', orgName: '…镇', indicator: 'elderly.management_rate', target: 1920,
 * //      milestone: 960, achieved: 700, gap: 260, completion: 0.729… }, …]
 */
export async function progress(
  db: Db,
  callerScope: OrgScope,
  query: { orgCode: string; period: string },
): Promise<ProgressRow[]> {
  const range = requirePeriod(query.period, 'period');
  const { org, scope } = await orgToRead(db, callerScope, query.orgCode);
  const children = await listChildren(db, scope, org.code);
  const units = new Set(children.length > 0 ? children.map((c) => c.code) : [org.code]);
  const targets = (await listTargets(db, scope, { maxLevel: levelsDown(org, 2), year: range.year })).filter(
    (t) => units.has(t.orgCode),
  );
  if (targets.length === 0) return [];
  const ids = [...new Set(targets.map((t) => t.indicator))];
  const values = await computeIndicatorValues(db, scope, {
    orgCode: org.code,
    period: query.period,
    depth: children.length > 0 ? 1 : 0,
    ids,
  });
  return computeProgress(
    targets.map((t) => ({
      org: t.orgCode,
      orgName: t.orgName,
      indicator: t.indicator,
      target: t.target,
      milestones: t.milestones,
    })),
    values.map((v) => ({ org: v.org, indicator: v.indicator, achieved: v.numerator })),
    range.end,
  );
}
