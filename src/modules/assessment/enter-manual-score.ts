/**
 * Use-case: an assessor enters the score of a manual item (on-site check, satisfaction
 * survey) for a unit and period, with its evidence. The assessor is the caller, never a
 * name from the request; entries are appended and the newest counts in the next run.
 */
import type { Db } from '../../db/database.js';
import { hasTwoDecimals, toCenti } from '../../domain/assessment/exact.js';
import { schemeItems } from '../../domain/assessment/scheme.js';
import { GongweiError } from '../../domain/gongwei-error.js';
import { parsePeriod } from '../../domain/periods/period.js';
import { orgWithinScope } from '../bulletins/bulletin-scope.js';
import type { OrgScope } from '../orgs/org-scope.js';
import { insertManualEntry } from './manual-repository.js';
import { loadScheme } from './schemes.js';

/** A manual score as entered. */
export interface ManualScoreInput {
  readonly schemeCode: string;
  readonly itemId: string;
  readonly unitCode: string;
  readonly period: string;
  /** Points, at most two decimals, 0 to the item's points. */
  readonly score: number;
  readonly evidence: string;
}

/**
 * Stores a manual score; 404 for an unknown scheme or item, 400 naming `score` when out of
 * range, 403 for a unit outside the caller's scope.
 *
 * @example
 * await enterManualScore(db, scope, { schemeCode: 'national-basic', itemId: 'eff.satisfaction', unitCode: '620881',
 *   period: '2020H1', score: 5.5, evidence: '问卷120份，满意108份' }, { by: 'bureau1', at })
 */
export async function enterManualScore(
  db: Db,
  callerScope: OrgScope,
  input: ManualScoreInput,
  who: { by: string; at: string },
): Promise<{ id: number; scoreCenti: number; pointsCenti: number }> {
  const period = parsePeriod(input.period);
  const { stored, scheme } = await loadScheme(db, input.schemeCode, undefined, 'schemeCode');
  const item = schemeItems(scheme).find((x) => x.item.id === input.itemId)?.item;
  if (!item)
    throw GongweiError.notFound(
      {
        zh: `方案 ${stored.code} 中没有考核项 ${input.itemId}`,
        en: `scheme '${stored.code}' has no item '${input.itemId}'`,
      },
      'itemId',
    );
  if (item.kind !== 'manual')
    throw GongweiError.badRequest(
      {
        zh: `考核项 ${input.itemId} 由数据计算，不能手工录入`,
        en: `item '${input.itemId}' is computed from the data, not entered`,
      },
      'itemId',
    );
  const points = toCenti(item.points);
  if (!hasTwoDecimals(input.score) || input.score < 0 || toCenti(input.score) > points)
    throw GongweiError.badRequest(
      {
        zh: `得分 ${input.score} 应在 0 至 ${item.points} 之间，最多两位小数`,
        en: `score ${input.score} must be 0..${item.points} with at most two decimals`,
      },
      'score',
    );
  const unit = await orgWithinScope(db, callerScope, input.unitCode, 'unitCode');
  if (!unit)
    throw GongweiError.notFound(
      { zh: `机构 ${input.unitCode} 不在机构树中`, en: `org '${input.unitCode}' is not in the org tree` },
      'unitCode',
    );
  const id = await insertManualEntry(db, {
    schemeCode: stored.code,
    itemId: item.id,
    unitCode: unit.code,
    countyCode: unit.countyCode,
    period: period.text,
    scoreCenti: toCenti(input.score),
    evidence: input.evidence,
    assessor: who.by,
    enteredAt: who.at,
  });
  return { id, scoreCenti: toCenti(input.score), pointsCenti: points };
}
