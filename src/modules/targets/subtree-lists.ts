/**
 * Use-cases: the lists a request asks for below an org — targets down to a depth, push-plan
 * schedules — within the caller's scope. An org the tree does not hold lists nothing.
 */
import type { Db } from '../../db/database.js';
import type { OrgScope } from '../orgs/org-scope.js';
import { listPushPlanSchedules, type PushPlanSchedule } from './push-plan-schedules-repository.js';
import { levelsDown, scopeBelowOrg } from './target-scope.js';
import { listTargets, type StoredTarget } from './targets-repository.js';

/** Which targets below an org to list. */
export interface SubtreeTargetsQuery {
  orgCode: string;
  /** 0 = the org only (default), 1 = with its children, …, levels below the org. */
  depth?: number;
  year?: number;
  indicator?: string;
}

/**
 * Targets of an org's subtree down to `depth` levels below it, within `callerScope`,
 * ordered by org code, indicator and year. Empty when the org is unknown.
 *
 * @example
 * await targetsOfSubtree(db, OPERATOR_SCOPE, { orgCode: '620881', depth: 1, year: 2020 })
 */
export async function targetsOfSubtree(
  db: Db,
  callerScope: OrgScope,
  query: SubtreeTargetsQuery,
): Promise<StoredTarget[]> {
  const { org, scope } = await scopeBelowOrg(db, callerScope, query.orgCode);
  if (!org) return [];
  return listTargets(db, scope, {
    maxLevel: levelsDown(org, query.depth ?? 0),
    ...(query.year !== undefined ? { year: query.year } : {}),
    ...(query.indicator !== undefined ? { indicator: query.indicator } : {}),
  });
}

/**
 * Push-plan schedules within `callerScope`, oldest first: of an org's subtree when
 * `orgCode` is given (unknown org: none), only the active ones when `active` is true.
 *
 * @example
 * await schedulesOfSubtree(db, OPERATOR_SCOPE, { orgCode: '620881', active: true })
 */
export async function schedulesOfSubtree(
  db: Db,
  callerScope: OrgScope,
  query: { orgCode?: string; active?: boolean },
): Promise<PushPlanSchedule[]> {
  const scope =
    query.orgCode === undefined ? callerScope : (await scopeBelowOrg(db, callerScope, query.orgCode)).scope;
  return listPushPlanSchedules(db, scope, { active: query.active === true });
}
