/**
 * Use-case: the indicator table of an org and its children for a period (every catalogue
 * indicator), for `gongwei export indicators` and GET /api/bulletins/indicators.xlsx.
 */
import type { Db } from '../../db/database.js';
import { buildIndicatorTable, type Annex } from '../../domain/bulletins/annex.js';
import type { OrgScope } from '../orgs/org-scope.js';
import { BulletinRequestError, requestedPeriod } from './assemble-bulletin.js';
import { orgWithinScope } from './bulletin-scope.js';
import type { BulletinSources } from './bulletin-sources.js';
import { databaseSources } from './database-sources.js';

/**
 * The table: children first (code order), the org's total last, read within `scope` (the
 * caller's). Throws 403 for an org not wholly inside `scope` (its total would be partial),
 * `BulletinRequestError` (400) for an unknown org or period.
 *
 * @example
 * await exportIndicatorTable(db, OPERATOR_SCOPE, '620800', '2020Q2') // 平凉市's 7 counties and its total
 */
export async function exportIndicatorTable(
  db: Db,
  scope: OrgScope,
  orgCode: string,
  period: string,
  sources: BulletinSources = databaseSources(db, scope),
): Promise<Annex> {
  const label = requestedPeriod(period).label;
  await orgWithinScope(db, scope, orgCode, 'org');
  const org = await sources.getOrg(orgCode);
  if (!org) throw BulletinRequestError.unknownOrg(orgCode, 'org');
  const children = await sources.listChildren(orgCode);
  const values = await sources.indicatorValues(orgCode, period, children.length > 0 ? 1 : 0);
  return buildIndicatorTable(
    `${org.name}${label}基本公卫指标`,
    [
      ...children.map((c) => ({ code: c.code, name: c.name, isTotal: false })),
      { code: org.code, name: `${org.name}合计`, isTotal: true },
    ],
    values,
    sources.indicatorCatalogue(),
  );
}
