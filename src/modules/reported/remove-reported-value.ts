/**
 * Removing a reported value: the org must be in the tree and within the caller's scope (the
 * same predicate as entering), the period is read in its canonical text, and the removal is
 * kept in the history as a `delete` entry. The data-version triggers of `reported_values`
 * (migration 017) advance the county's version on the delete, so no cached indicator answer
 * shows the removed figure.
 */
import type { Db } from '../../db/database.js';
import { GongweiError } from '../../domain/gongwei-error.js';
import { periodOrNull } from '../../domain/periods/period.js';
import { findOrgLineage, scopeIncludes, type OrgScope } from '../orgs/org-scope.js';
import type { ReportActor } from './enter-reported-values.js';
import { deleteReportedValue } from './reported-repository.js';

/** The report to remove, as a request names it. */
export interface ReportedKey {
  readonly orgCode: string;
  readonly period: string;
  readonly indicator: string;
}

/**
 * Removes the report of `key` within `scope`. 404 (field `org`) for an org the tree does not
 * hold, 403 for one outside the scope, 400 for a period that is not one, 404 when there is no
 * such report (nothing is written then).
 *
 * @example
 * await removeReportedValue(db, scope, { orgCode: '620802', period: '2020Q2', indicator: 'infectious_disease.report_rate' }, { by: 'admin', at: new Date().toISOString() });
 */
export async function removeReportedValue(
  db: Db,
  scope: OrgScope,
  key: ReportedKey,
  actor: ReportActor,
): Promise<void> {
  const org = await findOrgLineage(db.kysely, key.orgCode);
  if (!org)
    throw GongweiError.notFound(
      { zh: `机构 ${key.orgCode} 不在机构树中`, en: `org '${key.orgCode}' is not in the org tree` },
      'org',
    );
  if (!scopeIncludes(scope, org))
    throw GongweiError.forbidden(
      { zh: `机构 ${key.orgCode} 不在您的权限范围内`, en: `org '${key.orgCode}' is outside your scope` },
      'org',
    );
  const period = periodOrNull(key.period);
  if (!period)
    throw GongweiError.badRequest(
      {
        zh: `时期「${key.period}」无法识别，可用：'2020'、'2020H1'、'2020Q2'、'2020-06'`,
        en: `period '${key.period}' is not understood; use '2020', '2020H1', '2020Q2' or '2020-06'`,
      },
      'period',
    );
  const removed = await db.kysely
    .transaction()
    .execute((trx) =>
      deleteReportedValue(
        trx,
        { orgCode: key.orgCode, period: period.text, indicator: key.indicator },
        actor.by,
        actor.at,
      ),
    );
  if (!removed)
    throw GongweiError.notFound(
      {
        zh: `${key.orgCode} 没有 ${period.text} 的「${key.indicator}」上报数据`,
        en: `'${key.orgCode}' has no report of '${key.indicator}' for ${period.text}`,
      },
      'indicator',
    );
}
