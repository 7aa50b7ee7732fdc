/**
 * Use-case: assess the children of an org (the township centres of a county, the counties
 * of a city) for a period by a stored scheme version, and store the run: each unit's items
 * with value, target, rule, score and explanation, the totals and ranks, the scheme version
 * and the data cut-off (the period end).
 */
import type { Db } from '../../db/database.js';
import {
  assessUnit,
  type IndicatorCounts,
  type ManualEntry,
  type UnitTarget,
} from '../../domain/assessment/assess-unit.js';
import { toCenti } from '../../domain/assessment/exact.js';
import { rankUnits } from '../../domain/assessment/ranking.js';
import { schemeItems, type Scheme } from '../../domain/assessment/scheme.js';
import { GongweiError } from '../../domain/gongwei-error.js';
import { parsePeriod, type Period } from '../../domain/periods/period.js';
import { milestoneDueBy } from '../../domain/targets/milestones.js';
import { countFindings } from '../audits/finding-queries.js';
import { orgWithinScope } from '../bulletins/bulletin-scope.js';
import { computeIndicatorValues } from '../indicators/indicator-values.js';
import { listChildren } from '../orgs/org-repository.js';
import { narrowScope, type OrgScope } from '../orgs/org-scope.js';
import { listTargets } from '../targets/targets-repository.js';
import { selectManualEntries } from './manual-repository.js';
import { insertRun } from './run-repository.js';
import { loadScheme } from './schemes.js';

/** What to assess. */
export interface AssessmentRequest {
  readonly schemeCode: string;
  readonly schemeVersion?: number;
  /** The org whose children are assessed. */
  readonly orgCode: string;
  readonly period: string;
}

async function unitTargets(
  db: Db,
  scope: OrgScope,
  scheme: Scheme,
  period: Period,
  level: number,
): Promise<Map<string, Map<string, UnitTarget>>> {
  const wanted = new Set(
    schemeItems(scheme).flatMap(({ item }) =>
      item.kind === 'indicator' && item.target.source === 'targets' ? [item.indicator] : [],
    ),
  );
  const out = new Map<string, Map<string, UnitTarget>>();
  if (wanted.size === 0) return out;
  const targets = await listTargets(db, scope, { maxLevel: level as 1 | 2 | 3 | 4 | 5, year: period.year });
  for (const t of targets) {
    if (t.level !== level || !wanted.has(t.indicator)) continue;
    // A target without milestones has only its annual figure due.
    const milestone = t.milestones.length === 0 ? t.target : milestoneDueBy(t.milestones, period.end);
    const forUnit = out.get(t.orgCode) ?? new Map<string, UnitTarget>();
    forUnit.set(t.indicator, { annual: t.target, milestone });
    out.set(t.orgCode, forUnit);
  }
  return out;
}

/**
 * Runs an assessment and stores it; the org must lie wholly inside the caller's scope (a
 * ranking of part of it would mislead). Answers the new run's id.
 *
 * @example
 * await runAssessment(db, OPERATOR_SCOPE, { schemeCode: 'national-basic', orgCode: '620800', period: '2020H1' },
 *   { by: 'operator:ops', at: new Date().toISOString() })
 */
export async function runAssessment(
  db: Db,
  callerScope: OrgScope,
  request: AssessmentRequest,
  who: { by: string; at: string },
): Promise<number> {
  const period = parsePeriod(request.period);
  const org = await orgWithinScope(db, callerScope, request.orgCode, 'org');
  if (!org)
    throw GongweiError.notFound(
      { zh: `机构 ${request.orgCode} 不在机构树中`, en: `org '${request.orgCode}' is not in the org tree` },
      'org',
    );
  const scope = narrowScope(callerScope, org);
  const { stored, scheme } = await loadScheme(db, request.schemeCode, request.schemeVersion);
  const units = await listChildren(db, scope, org.code);
  if (units.length === 0)
    throw GongweiError.unprocessable(
      { zh: `机构 ${org.code} 没有下级单位可考核`, en: `org '${org.code}' has no units below it to assess` },
      'org',
    );
  const ids = [
    ...new Set(
      schemeItems(scheme).flatMap(({ item }) => (item.kind === 'indicator' ? [item.indicator] : [])),
    ),
  ];
  const values =
    ids.length === 0
      ? []
      : await computeIndicatorValues(db, scope, { orgCode: org.code, period: period.text, depth: 1, ids });
  const targets = await unitTargets(db, scope, scheme, period, org.level + 1);
  const findings = await countFindings(db, scope, { orgCode: org.code, depth: 1 });
  const entries = await selectManualEntries(db, scope, {
    schemeCode: stored.code,
    period: period.text,
    unitCodes: units.map((u) => u.code),
  });
  const points = new Map(schemeItems(scheme).map(({ item }) => [item.id, toCenti(item.points)]));

  const results = units.map((u) => {
    const indicators = new Map<string, IndicatorCounts>(
      values
        .filter((v) => v.org === u.code)
        .map((v) => [v.indicator, { numerator: v.numerator, denominator: v.denominator }]),
    );
    const unitFindings: Record<string, number> = {};
    for (const f of findings.filter((x) => x.org === u.code))
      unitFindings[f.rule] = (unitFindings[f.rule] ?? 0) + f.count;
    const manual = new Map<string, ManualEntry>();
    // The newest entry of an item counts; one above the item's points (entered under another version) does not.
    for (const e of entries)
      if (e.unitCode === u.code && e.scoreCenti <= (points.get(e.itemId) ?? -1))
        manual.set(e.itemId, {
          centi: e.scoreCenti,
          evidence: e.evidence,
          assessor: e.assessor,
          enteredAt: e.enteredAt,
        });
    const r = assessUnit(scheme, {
      code: u.code,
      name: u.name,
      indicators,
      targets: targets.get(u.code) ?? new Map(),
      findings: unitFindings,
      manual,
    });
    return { ...r, countyCode: u.countyCode };
  });
  const ranked = rankUnits(results);
  return db.kysely.transaction().execute((trx) =>
    insertRun(trx, {
      schemeId: stored.id,
      orgCode: org.code,
      countyCode: org.countyCode,
      period: period.text,
      dataCutoff: period.end,
      createdBy: who.by,
      createdAt: who.at,
      units: ranked.map((u) => ({
        unitCode: u.code,
        unitName: u.name,
        countyCode: u.countyCode,
        totalCenti: u.totalCenti,
        maxCenti: u.maxCenti,
        applicableCenti: u.applicableCenti,
        convertedCenti: u.convertedCenti,
        missing: u.missing,
        rank: u.rank,
        items: u.items,
      })),
    }),
  );
}
