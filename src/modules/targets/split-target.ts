/**
 * Use-case: decompose a stored target downwards (任务分解到乡村): a county target split over
 * its townships (and on to villages) in proportion to their bases, largest remainder, so the
 * parts add up to the parent exactly. The children keep the parent's rate and the shape of
 * its milestones.
 */
import type { Db } from '../../db/database.js';
import { splitAlongCurve, type Milestone } from '../../domain/targets/milestones.js';
import { PlanInputError } from '../../domain/targets/plan-input-error.js';
import { splitProportionally } from '../../domain/targets/proportional-split.js';
import { defaultParameter, resolveBase } from '../../domain/targets/target-rule.js';
import { listChildren, type Org } from '../orgs/org-repository.js';
import { findOrgLineage, narrowScope, scopeIncludes, type OrgScope } from '../orgs/org-scope.js';
import { populationOf } from '../orgs/population-repository.js';
import type { Actor } from './set-targets.js';
import { parameterFor } from './target-parameters-repository.js';
import { levelsDown, outsideScope } from './target-scope.js';
import { listTargets, writeTarget, type StoredTarget, type TargetWrite } from './targets-repository.js';

/** Which target to split, and how deep. */
export interface SplitRequest {
  orgCode: string;
  indicator: string;
  year: number;
  /** Generations below the org: 1 = its children (default), 2 = and their children. */
  depth?: number;
}

// The children's milestones follow the parent's: its increments become the curve.
function followMilestones(parent: readonly Milestone[], target: number): Milestone[] {
  const increments = parent.map(
    (m, i) => m.cumulative - (i === 0 ? 0 : (parent[i - 1] as Milestone).cumulative),
  );
  if (target === 0 || increments.every((n) => n === 0))
    return parent.map((m) => ({ due: m.due, cumulative: 0 }));
  const { cumulative } = splitAlongCurve(target, increments);
  return parent.map((m, i) => ({ due: m.due, cumulative: cumulative[i] as number }));
}

async function childWrites(
  db: Db,
  scope: OrgScope,
  parent: TargetWrite,
  children: readonly Org[],
  actor: Actor,
): Promise<TargetWrite[]> {
  if (parent.base.kind === 'count') {
    throw new PlanInputError(
      {
        zh: '按明确数字设定的任务无法按比例分解，请为下级分别设定',
        en: 'a target set as an explicit count cannot be split in proportion; set the children directly',
      },
      { column: parent.orgCode },
    );
  }
  const bases: { org: Org; base: number; parameterValue: number | null }[] = [];
  for (const child of children) {
    const population = await populationOf(db, scope, child.code, parent.year);
    const parameterValue =
      parent.base.kind === 'expected'
        ? ((await parameterFor(db, child.code, parent.year, parent.base.parameter)) ??
          defaultParameter(parent.base.parameter))
        : null;
    try {
      bases.push({ org: child, base: resolveBase(parent.base, population, parameterValue), parameterValue });
    } catch (error) {
      if (error instanceof PlanInputError) {
        throw new PlanInputError(
          { zh: `${child.name}：${error.reason.zh}`, en: `${child.code}: ${error.reason.en}` },
          { column: child.code },
        );
      }
      throw error;
    }
  }
  const shares = splitProportionally(
    parent.target,
    bases.map((b) => ({ key: b.org.code, base: b.base })),
  );
  return shares.map((share, i) => {
    const b = bases[i] as (typeof bases)[number];
    return {
      orgCode: b.org.code,
      countyCode: b.org.countyCode,
      indicator: parent.indicator,
      year: parent.year,
      base: parent.base,
      parameterValue: b.parameterValue,
      baseValue: b.base,
      rate: parent.rate,
      target: share.amount,
      milestones: followMilestones(parent.milestones, share.amount),
      responsibleUnit: b.org.responsibleInstitution,
      responsiblePerson: b.org.responsiblePerson,
      source: 'split',
      setBy: actor.by,
      setAt: actor.at,
    };
  });
}

/**
 * Splits the stored target of (org, indicator, year) over its children (and further down
 * to `depth` generations), writing every child target in one transaction. Returns the
 * children's targets as written. An org outside `scope` (the caller's) is refused (403).
 *
 * @example
 * await splitTarget(db, OPERATOR_SCOPE, { orgCode: '620881', indicator: 'elderly.management_rate', year: 2020, depth: 2 }, actor);
 */
export async function splitTarget(
  db: Db,
  scope: OrgScope,
  request: SplitRequest,
  actor: Actor,
): Promise<StoredTarget[]> {
  const org = await findOrgLineage(db.kysely, request.orgCode);
  // Splitting writes the children's targets: the org must be the caller's own (an org above
  // or beside the scope is refused, 403).
  if (org && !scopeIncludes(scope, org)) throw outsideScope(request.orgCode, { column: 'org' });
  const own = org ? narrowScope(scope, org) : null;
  const [stored] =
    org && own
      ? await listTargets(db, own, { maxLevel: org.level, indicator: request.indicator, year: request.year })
      : [];
  if (!org || !own || !stored) {
    throw new PlanInputError(
      {
        zh: `${request.orgCode} 没有 ${request.year} 年 ${request.indicator} 的任务，请先设定`,
        en: `no ${request.year} target for ${request.indicator} at ${request.orgCode}; set it first`,
      },
      { column: 'org' },
    );
  }
  const depth = request.depth ?? 1;
  if (!Number.isInteger(depth) || depth < 1 || depth > 4) {
    throw new PlanInputError({ zh: '层级应为1至4', en: 'depth must be 1 to 4' }, { column: 'depth' });
  }
  const root: TargetWrite = { ...stored, countyCode: null };
  const writes: TargetWrite[] = [];
  let generation: TargetWrite[] = [root];
  for (let level = 0; level < depth; level += 1) {
    const next: TargetWrite[] = [];
    for (const parent of generation) {
      const children = await listChildren(db, own, parent.orgCode);
      if (children.length === 0) continue;
      next.push(...(await childWrites(db, own, parent, children, actor)));
    }
    writes.push(...next);
    generation = next;
  }
  if (writes.length === 0) {
    throw new PlanInputError({ zh: '该机构没有下级', en: 'the org has no children' }, { column: 'org' });
  }
  await db.kysely.transaction().execute(async (trx) => {
    for (const w of writes) await writeTarget(trx, w);
  });
  const result: StoredTarget[] = [];
  const all = await listTargets(db, own, {
    maxLevel: levelsDown(org, 4),
    indicator: request.indicator,
    year: request.year,
  });
  const written = new Set(writes.map((w) => w.orgCode));
  for (const t of all) if (written.has(t.orgCode)) result.push(t);
  return result;
}
