/**
 * Use-case: the indicator table of an org and its children for a period (every catalogue
 * indicator), for `gongwei export indicators` and GET /api/bulletins/indicators.xlsx.
 */
import type { Db } from '../../db/database.js';
import { buildIndicatorTable, type Annex } from '../../domain/bulletins/annex.js';
import { parseBulletinPeriod } from '../../domain/bulletins/bulletin-period.js';
import { BulletinRequestError } from './assemble-bulletin.js';
import type { BulletinSources } from './bulletin-sources.js';
import { databaseSources } from './database-sources.js';

/** The table: children first (code order), the org's total last. */
export async function exportIndicatorTable(
  db: Db,
  orgCode: string,
  period: string,
  sources: BulletinSources = databaseSources(db),
): Promise<Annex> {
  let label: string;
  try {
    label = parseBulletinPeriod(period).label;
  } catch (error) {
    throw new BulletinRequestError((error as Error).message);
  }
  const org = await sources.getOrg(orgCode);
  if (!org) throw new BulletinRequestError(`org: 未找到单位 ${orgCode} / no org with code ${orgCode}`);
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
