/**
 * `BulletinSources` over the database: orgs from the orgs module, values from the indicator
 * engine (contract 4), finding counts and hotspots from the audits engine (contract 5),
 * target rates from the targets engine (contract 6) — each read confined to the org scope of
 * whoever asks for the bulletin.
 */
import type { Db } from '../../db/database.js';
import { INDICATORS } from '../../domain/indicators/catalogue.js';
import { countFindings, listHotspots } from '../audits/finding-queries.js';
import { findAllocation } from '../funding/funding-repository.js';
import { readFundsStatus } from '../funding/funds-status.js';
import { computeIndicatorValues } from '../indicators/indicator-values.js';
import { WHOLE_TREE } from '../orgs/org-scope.js';
import { getOrg, listChildren } from '../orgs/org-repository.js';
import { progress } from '../targets/progress.js';
import type { OrgScope } from '../orgs/org-scope.js';
import { orgNames } from './bulletin-repository.js';
import type { BulletinSources } from './bulletin-sources.js';

/** The significant part of a division code: 620800 → 6208, 620000 → 62; 9 and 12 digits as they are. */
function codeStem(code: string): string {
  return code.length === 6 ? code.replace(/(00)+$/, '') : code;
}

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
        // A bulletin counts records and people (健康档案N份, 个案数N人), not findings.
        count: f.affected,
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
    async funds(orgCode, year, asOf) {
      const org = await getOrg(db, scope, orgCode);
      if (!org) return null;
      // The allocation that covers the org: its own, else the nearest ancestor's (a city
      // allocates down to its counties' health centres).
      const lineage = [org.code, org.countyCode, org.cityCode, org.provinceCode].filter(
        (c, i, all): c is string => c !== null && all.indexOf(c) === i,
      );
      let covering: string | null = null;
      for (const code of lineage) {
        if (await findAllocation(db, scope, code, year)) {
          covering = code;
          break;
        }
      }
      if (covering === null) return null;
      const status = await readFundsStatus(db, scope, { orgCode: covering, year, asOf });
      const stem = codeStem(org.code);
      const units = status.units.filter((u) => u.unitCode.startsWith(stem));
      // Under a city or a province the centres are named with their county (崆峒区崆峒镇).
      const counties =
        org.level <= 2 ? await orgNames(db, scope, [...new Set(units.map((u) => u.countyCode))]) : null;
      return {
        year,
        asOf,
        allocatedOn: status.allocation.allocatedOn,
        perCapitaFen: status.allocation.perCapitaFen,
        idleAfter: status.allocation.idleAfter,
        idleThresholdBp: status.allocation.idleThresholdBp,
        lateAfterDays: status.allocation.lateAfterDays,
        units: units.map((u) => ({
          label: `${counties?.get(u.countyCode)?.name ?? ''}${u.unitName}`,
          amountFen: u.amountFen,
          advanceFen: u.advanceFen,
          disbursedFen: u.disbursedFen,
          balanceFen: u.balanceFen,
          late: u.late,
          idle: u.idle,
        })),
      };
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
