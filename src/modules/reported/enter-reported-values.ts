/**
 * Entering reported values: every report checked by the pure rules
 * (src/domain/reported/reported-value.ts), every org checked against the tree and the
 * caller's scope, then all written in one transaction — or none, when any is wrong (every
 * problem of every row in one error, each naming its row and field).
 */
import type { Db } from '../../db/database.js';
import { GongweiError, type ErrorIssue, type LocalizedText } from '../../domain/gongwei-error.js';
import {
  validateReportedValue,
  type ReportedField,
  type ReportedValueInput,
  type ValidReportedValue,
} from '../../domain/reported/reported-value.js';
import { findOrgLineages, scopeIncludes, type OrgScope } from '../orgs/org-scope.js';
import { writeReportedValue } from './reported-repository.js';

/** Who enters the reports, and when (the clock is a parameter). */
export interface ReportActor {
  readonly by: string;
  readonly at: string;
}

/** What {@link enterReportedValues} did. */
export interface EnterReportedResult {
  readonly inserted: number;
  readonly updated: number;
  readonly unchanged: number;
}

/**
 * How a problem's place is named: the API says `items.2.numerator`, an import says
 * `第3行「分子」列`. `index` is 0-based.
 */
export type ProblemPlace = (index: number, field: ReportedField) => string;

/** The place of the API: `items.<index>.<field>`. */
export const itemPlace: ProblemPlace = (index, field) => `items.${index}.${field}`;

/**
 * Stores reports of orgs within `scope`. Refused as a whole (400, every problem listed in
 * `issues`, the first one's place as `field`) when any report breaks a rule or names an org
 * the tree does not hold; 403 when one names an org outside the caller's scope.
 *
 * @example
 * await enterReportedValues(db, OPERATOR_SCOPE, [{ orgCode: '620802', period: '2020Q2', indicator: 'infectious_disease.report_rate', numerator: 98, denominator: 100, source: '传染病报告信息管理系统' }], { by: 'operator:root', at: new Date().toISOString() });
 */
export async function enterReportedValues(
  db: Db,
  scope: OrgScope,
  inputs: readonly ReportedValueInput[],
  actor: ReportActor,
  place: ProblemPlace = itemPlace,
): Promise<EnterReportedResult> {
  const issues: { field: string; text: LocalizedText }[] = [];
  const valid: { index: number; value: ValidReportedValue }[] = [];
  inputs.forEach((input, i) => {
    const r = validateReportedValue(input);
    if (r.ok) valid.push({ index: i, value: r.value });
    else for (const p of r.problems) issues.push({ field: place(i, p.field), text: p.text });
  });
  const lineages = await findOrgLineages(
    db.kysely,
    inputs.map((r) => r.orgCode),
  );
  inputs.forEach((input, i) => {
    const org = lineages.get(input.orgCode);
    if (!org && /^\d{6}(\d{3}(\d{3})?)?$/.test(input.orgCode))
      issues.push({
        field: place(i, 'orgCode'),
        text: {
          zh: `单位 ${input.orgCode} 不在机构树中`,
          en: `org '${input.orgCode}' is not in the org tree`,
        },
      });
  });
  const outside = inputs.findIndex((input) => {
    const org = lineages.get(input.orgCode);
    return org !== undefined && !scopeIncludes(scope, org);
  });
  if (outside >= 0)
    throw GongweiError.forbidden(
      {
        zh: `单位 ${inputs[outside]!.orgCode} 不在您的权限范围内`,
        en: `org '${inputs[outside]!.orgCode}' is outside your scope`,
      },
      place(outside, 'orgCode'),
    );
  // Two reports of one org, period and indicator in one batch: which one should stand is
  // the sender's to say, so the second is refused rather than silently replacing the first.
  const first = new Map<string, number>();
  for (const { index, value: v } of valid) {
    const key = `${v.orgCode} ${v.period} ${v.indicator}`;
    const earlier = first.get(key);
    if (earlier === undefined) first.set(key, index);
    else
      issues.push({
        field: place(index, 'indicator'),
        text: {
          zh: `与第${earlier + 1}条重复（同一单位、时期、指标）：${key}`,
          en: `repeats entry ${earlier + 1} (same org, period and indicator): ${key}`,
        },
      });
  }
  if (issues.length > 0) {
    const list: ErrorIssue[] = issues.map((p) => ({
      field: p.field,
      message: `${p.text.zh} / ${p.text.en}`,
    }));
    throw new GongweiError(
      'bad_request',
      {
        zh: `${issues.length}处错误，未保存任何上报数据：${issues[0]!.text.zh}`,
        en: `${issues.length} problem(s), nothing stored: ${issues[0]!.text.en}`,
      },
      { field: issues[0]!.field, issues: list },
    );
  }
  let inserted = 0;
  let updated = 0;
  let unchanged = 0;
  await db.kysely.transaction().execute(async (trx) => {
    for (const { value: v } of valid) {
      const outcome = await writeReportedValue(trx, v, actor.by, actor.at);
      if (outcome === 'inserted') inserted += 1;
      else if (outcome === 'updated') updated += 1;
      else unchanged += 1;
    }
  });
  return { inserted, updated, unchanged };
}
