/**
 * Use-case: set targets (C4.1). Each target is rate × base for an org, indicator and year;
 * a missing rate or base falls back to the urban/rural default of seeds/001. All targets of
 * one call are computed first and written in one transaction, so a bad one leaves the stored
 * targets as they were.
 */
import type { Db } from '../../db/database.js';
import { findIndicator } from '../../domain/indicators/catalogue.js';
import { monthlyPlan, planMilestones, type MilestonePlan } from '../../domain/targets/milestones.js';
import { PlanInputError } from '../../domain/targets/plan-input-error.js';
import {
  defaultParameter,
  resolveBase,
  targetOf,
  type TargetBase,
} from '../../domain/targets/target-rule.js';
import { defaultFor, defaultRate } from '../../domain/targets/urban-rural-defaults.js';
import type { Org } from '../orgs/org-repository.js';
import { narrowScope, type OrgScope } from '../orgs/org-scope.js';
import { populationOf } from '../orgs/population-repository.js';
import { orgToWrite, refuseRowsOutsideScope } from './target-scope.js';
import { parameterFor } from './target-parameters-repository.js';
import { listTargets, writeTarget, type StoredTarget, type TargetWrite } from './targets-repository.js';

/** One target to set. */
export interface TargetSetting {
  orgCode: string;
  indicator: string;
  year: number;
  /** Fraction 0..1; default: the urban/rural default of the indicator for the org's type. */
  rate?: number | null;
  /** Default: the indicator's default base (seeds/001 table), else the population total. */
  base?: TargetBase | null;
  /** How the year is spread into milestones; default twelve equal months. */
  plan?: MilestonePlan | null;
  /** Default: the org's responsible institution and person. */
  responsibleUnit?: string | null;
  responsiblePerson?: string | null;
}

/** Who changes targets, and when (the clock is a parameter). */
export interface Actor {
  by: string;
  at: string;
}

/** What `setTargets` did. */
export interface SetTargetsResult {
  inserted: number;
  updated: number;
  targets: StoredTarget[];
}

/**
 * Computes the target of one setting without writing it: the org (within `scope`), its
 * population, the parameter and the default rate are read; the error names the setting's
 * position. Returns the org with the target to write.
 */
export async function computeTarget(
  db: Db,
  scope: OrgScope,
  s: TargetSetting,
  position: number,
  actor: Actor,
): Promise<{ org: Org; write: TargetWrite }> {
  const where = (column: string): { row: number; column: string } => ({ row: position, column });
  const org = await orgToWrite(db, scope, s.orgCode, where('org'));
  if (!findIndicator(s.indicator)) {
    throw new PlanInputError(
      { zh: `未知指标 ${s.indicator}`, en: `unknown indicator ${s.indicator}` },
      where('indicator'),
    );
  }
  if (!Number.isInteger(s.year) || s.year < 1949 || s.year > 2100) {
    throw new PlanInputError({ zh: '年份无效', en: 'not a valid year' }, where('year'));
  }
  const rate = s.rate ?? defaultRate(s.indicator, org.urbanRural);
  if (rate === null) {
    throw new PlanInputError(
      {
        zh: `没有给出目标率，且${org.urbanRural ? '该指标没有城乡默认值' : '机构未设城乡类型'}`,
        en: `no rate given and ${org.urbanRural ? 'the indicator has no urban/rural default' : 'the org has no urban/rural type'}`,
      },
      where('rate'),
    );
  }
  const base: TargetBase = s.base ?? defaultFor(s.indicator)?.base ?? { kind: 'population', band: 'total' };
  let baseValue: number;
  let parameterValue: number | null = null;
  try {
    const population = base.kind === 'count' ? null : await populationOf(db, scope, s.orgCode, s.year);
    if (base.kind === 'expected') {
      parameterValue =
        (await parameterFor(db, s.orgCode, s.year, base.parameter)) ?? defaultParameter(base.parameter);
    }
    baseValue = resolveBase(base, population, parameterValue);
    const target = targetOf(baseValue, rate);
    const milestones = planMilestones(s.year, target, s.plan ?? monthlyPlan(s.year));
    const write: TargetWrite = {
      orgCode: org.code,
      countyCode: org.countyCode,
      indicator: s.indicator,
      year: s.year,
      base,
      parameterValue,
      baseValue,
      rate,
      target,
      milestones,
      responsibleUnit: s.responsibleUnit ?? org.responsibleInstitution,
      responsiblePerson: s.responsiblePerson ?? org.responsiblePerson,
      source: s.rate === undefined || s.rate === null ? 'default' : 'set',
      setBy: actor.by,
      setAt: actor.at,
    };
    return { org, write };
  } catch (error) {
    if (error instanceof PlanInputError) {
      throw new PlanInputError(error.reason, where(error.location.column ?? 'base'));
    }
    throw error;
  }
}

/**
 * Sets targets of orgs within `scope` (the caller's): computes every one, then writes them
 * all (with history) in one transaction. A row naming an org outside the scope refuses the
 * whole batch (403, naming the first such row); `actor.by` is the caller's name (a route's
 * signed-in user, the CLI's `operator:<os user>`), never a name sent in a request.
 *
 * @example
 * await setTargets(db, OPERATOR_SCOPE, [{ orgCode: '620881', indicator: 'elderly.management_rate', year: 2020 }],
 *   { by: 'county bureau', at: '2020-01-05T08:00:00Z' });
 */
export async function setTargets(
  db: Db,
  scope: OrgScope,
  settings: readonly TargetSetting[],
  actor: Actor,
): Promise<SetTargetsResult> {
  // Every org first: a table naming one org outside the scope is refused as a whole (403),
  // whatever else is wrong with its rows.
  await refuseRowsOutsideScope(
    db,
    scope,
    settings.map((s, i) => ({ row: i + 1, orgCode: s.orgCode })),
  );
  const computed: { org: Org; write: TargetWrite }[] = [];
  for (const [i, s] of settings.entries()) computed.push(await computeTarget(db, scope, s, i + 1, actor));
  let inserted = 0;
  let updated = 0;
  await db.kysely.transaction().execute(async (trx) => {
    for (const { write } of computed) {
      if ((await writeTarget(trx, write)) === 'inserted') inserted += 1;
      else updated += 1;
    }
  });
  const targets: StoredTarget[] = [];
  for (const { org, write } of computed) {
    const [stored] = await listTargets(db, narrowScope(scope, org), {
      maxLevel: org.level,
      indicator: write.indicator,
      year: write.year,
    });
    if (stored) targets.push(stored);
  }
  return { inserted, updated, targets };
}
