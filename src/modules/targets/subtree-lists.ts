/**
 * Use-cases: the lists a request asks for of an org or below it — targets down to a depth,
 * the history of its targets, its push-plan snapshots and schedules — within the caller's
 * scope. An org the tree does not hold lists nothing; an org beside the caller's scope is
 * refused (403 naming `org`).
 */
import type { Db } from '../../db/database.js';
import type { OrgScope } from '../orgs/org-scope.js';
import { listPushPlanSchedules, type PushPlanSchedule } from './push-plan-schedules-repository.js';
import { listSnapshots, type PushPlanSnapshot } from './push-plan-snapshots-repository.js';
import { levelsDown, scopeBelowOrg } from './target-scope.js';
import { listTargets, targetHistory, type StoredTarget, type TargetChange } from './targets-repository.js';

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

/**
 * Every change of the targets of an org within `callerScope`, oldest first.
 *
 * @example
 * await historyOfOrg(db, OPERATOR_SCOPE, { orgCode: '620881100', year: 2020 })
 */
export async function historyOfOrg(
  db: Db,
  callerScope: OrgScope,
  query: { orgCode: string; indicator?: string; year?: number },
): Promise<TargetChange[]> {
  const { scope } = await scopeBelowOrg(db, callerScope, query.orgCode);
  return targetHistory(db, scope, query);
}

/**
 * The push-plan snapshots of an org within `callerScope`, oldest first (of one period when
 * given).
 *
 * @example
 * await snapshotsOfOrg(db, OPERATOR_SCOPE, { orgCode: '620881', period: '2020H1' })
 */
export async function snapshotsOfOrg(
  db: Db,
  callerScope: OrgScope,
  query: { orgCode: string; period?: string },
): Promise<PushPlanSnapshot[]> {
  const { scope } = await scopeBelowOrg(db, callerScope, query.orgCode);
  return listSnapshots(db, scope, query);
}
