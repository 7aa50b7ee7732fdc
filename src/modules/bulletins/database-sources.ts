/**
 * `BulletinSources` over the database: orgs from the orgs module, values from the indicator
 * engine (contract 4), finding counts and hotspots from the audits engine (contract 5),
 * target rates from the targets engine (contract 6) — each read confined to the org scope of
 * whoever asks for the bulletin.
 */
import type { Db } from '../../db/database.js';
import { INDICATORS } from '../../domain/indicators/catalogue.js';
import { countFindings, listHotspots } from '../audits/finding-queries.js';
import { computeIndicatorValues } from '../indicators/indicator-values.js';
import { WHOLE_TREE } from '../orgs/org-scope.js';
import { getOrg, listChildren } from '../orgs/org-repository.js';
import { progress } from '../targets/progress.js';
import type { OrgScope } from '../orgs/org-scope.js';
import { orgNames } from './bulletin-repository.js';
import type { BulletinSources } from './bulletin-sources.js';

/**
 * The real sources of a bulletin, reading only what `scope` (the caller's) sees.
 *
 * @example
 * await assembleBulletin(databaseSources(db, callerScope(request)), { orgCode: '620800', period: '2020Q2' }, today);
 */
export function databaseSources(db: Db, scope: OrgScope): BulletinSources {
  return {
    async getOrg(code) {
      const org = await getOrg(db, scope, code);
      return org ? { code: org.code, name: org.name, level: org.level } : null;
    },
    async listChildren(code) {
      return (await listChildren(db, scope, code)).map((o) => ({
        code: o.code,
        name: o.name,
        level: o.level,
      }));
    },
    orgNames: (codes) => orgNames(db, scope, codes),
    indicatorValues: (orgCode, period, depth) =>
      computeIndicatorValues(db, scope, { orgCode, period, depth }),
    indicatorCatalogue: () => INDICATORS.map((d) => ({ id: d.id, name: d.name, unit: d.unit })),
    async findingCounts(orgCode, depth) {
      return (await countFindings(db, scope, { orgCode, depth })).map((f) => ({
        org: f.org,
        orgName: f.orgName,
        level: f.level,
        rule: f.rule,
        severity: f.severity,
        count: f.count,
      }));
    },
    async hotspots(rule, orgCode, limit) {
      return (await listHotspots(db, scope, { rule, orgCode, limit })).map((h) => ({
        org: h.org,
        orgName: h.orgName,
        level: h.level,
        count: h.count,
        fullName: h.fullName,
      }));
    },
    async targetRates(orgCode, period) {
      // Targets are counts (contract 6); on a rate chart the line is the milestone due by
      // the period end over the indicator's denominator: the rate the unit should have now.
      const rows = await progress(db, scope, { orgCode, period });
      if (rows.length === 0) return [];
      const percent = new Set(INDICATORS.filter((d) => d.unit === 'percent').map((d) => d.id));
      const ids = [...new Set(rows.map((r) => r.indicator))].filter((id) => percent.has(id));
      if (ids.length === 0) return [];
      const values = await computeIndicatorValues(db, WHOLE_TREE, { orgCode, period, depth: 1, ids });
      const denominators = new Map(values.map((v) => [`${v.org}|${v.indicator}`, v.denominator]));
      return rows.flatMap((r) => {
        const denominator = denominators.get(`${r.org}|${r.indicator}`);
        if (!percent.has(r.indicator) || !denominator) return [];
        return [{ org: r.org, indicator: r.indicator, rate: Math.min(1, r.milestone / denominator) }];
      });
    },
  };
}
