/**
 * Rule `aggregate_outliers` (汇总数据异常值): a unit whose monthly count of services, or
 * whose monthly share of hypertension follow-ups at a BP below 140/90, lies far from its own
 * previous months or (a share) from the other units of its parent that month — the outlier
 * detection DHIS2 offers on aggregates, by the modified z-score (src/domain/audits/outliers.ts).
 * One finding per unit, month and measure.
 */
import { sql, type RawBuilder } from 'kysely';
import { z } from 'zod';
import { findingSubject, type DraftFinding } from '../../../domain/audits/classify.js';
import {
  addMonths,
  aggregateOutliers,
  monthEnd,
  monthSlices,
  monthsOfWindow,
  type MonthSlice,
  peerGroupOf,
  type AggregateOutlier,
  type Deviation,
  type Month,
  type MonthlyPoint,
  type UnitSeries,
} from '../../../domain/audits/outliers.js';
import { BP_CONTROL_THRESHOLD } from '../../../domain/records/control.js';
import { rowsInScope, type OrgScope } from '../../orgs/org-scope.js';
import type { Handle } from '../audit-tables.js';
import { judgedRule, ServiceTypes } from './audit-rule.js';

const parameters = z
  .object({
    serviceTypes: ServiceTypes.default([
      'hypertension_followup',
      'diabetes_followup',
      'elderly_checkup',
      'child_visit',
      'vaccination',
    ]).describe('按月计数的服务类型 / service types counted per unit and month'),
    controlledShare: z
      .boolean()
      .default(true)
      .describe(
        '同时检查高血压随访血压<140/90的比例（与本单位历史及同级单位比较） / also check the monthly share of hypertension follow-ups below 140/90 (against the unit’s history and its peers)',
      ),
    unitLevel: z
      .union([z.literal(3), z.literal(4), z.literal(5)])
      .default(4)
      .describe(
        '单位的层级：3 县，4 乡镇（卫生院），5 村 / org level of a unit: 3 county, 4 township (health centre), 5 village',
      ),
    threshold: z
      .number()
      .min(1)
      .max(20)
      .default(3.5)
      .describe(
        '修正z值（中位数绝对偏差）绝对值高于此值为异常 / |modified z-score| (over the MAD) above which a value is an outlier',
      ),
    historyMonths: z
      .number()
      .int()
      .min(3)
      .max(36)
      .default(12)
      .describe('与本单位此前几个月比较 / months before a judged month that form the unit’s own history'),
    minHistory: z
      .number()
      .int()
      .min(3)
      .default(6)
      .describe(
        '历史月份少于此数不与历史比较 / a unit with fewer history months than this is not judged against its history',
      ),
    minPeers: z
      .number()
      .int()
      .min(3)
      .default(5)
      .describe(
        '同级单位少于此数不与同级比较 / a share is judged against its peers only when this many peers have one that month',
      ),
    minFollowups: z
      .number()
      .int()
      .min(1)
      .default(20)
      .describe(
        '当月测血压随访少于此数不计比例 / a month with fewer hypertension follow-ups with a BP gives no share',
      ),
  })
  .refine((p) => p.minHistory <= p.historyMonths, {
    path: ['minHistory'],
    message: 'need minHistory ≤ historyMonths',
  });

/** Services of one type in one unit and month, with the hypertension follow-ups' BPs. */
export interface UnitMonthRow {
  unit: string;
  countyCode: string;
  month: Month;
  type: string;
  services: number;
  /** Hypertension follow-ups with both readings. */
  withBp: number;
  /** Of those, below 140/90. */
  controlled: number;
}

/** The measure of the share of hypertension follow-ups below 140/90. */
export const CONTROLLED_SHARE = 'share:hypertension_followup_below_140_90';

/**
 * Per unit (county, township or village), month and service type: the services from
 * `from` to `to` (ISO dates), and of hypertension follow-ups those with a BP and below 140/90,
 * ordered by unit, month and type.
 */
export async function selectUnitMonths(
  h: Handle,
  types: readonly string[],
  unitLevel: 3 | 4 | 5,
  scope: OrgScope,
  from: string,
  to: string,
): Promise<UnitMonthRow[]> {
  const rows: UnitMonthRow[] = [];
  // Counted month by month and type by type (SQLite sorts many small sets of services
  // instead of one of every service of the history: a third less time at county scale).
  // The slices hold each month's services whole, malformed dates included, so the groups
  // are those of counting the whole range at once.
  for (const type of new Set(types))
    for (const slice of monthSlices(from, to))
      rows.push(...(await selectSliceUnitMonths(h, type, unitLevel, scope, to, slice)));
  return rows.sort(
    (a, b) => compareText(a.unit, b.unit) || compareText(a.month, b.month) || compareText(a.type, b.type),
  );
}

/** Texts in the order of their characters' codes (SQLite's and the C collation's order of these codes). */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * {@link selectUnitMonths} of one service type in one slice of the range ending at `to`. The
 * slice's bounds are the only bounds of the date (a slice lies within the range), so that
 * SQLite reads the slice's part of the index and not the whole range's.
 */
async function selectSliceUnitMonths(
  h: Handle,
  type: string,
  unitLevel: 3 | 4 | 5,
  scope: OrgScope,
  to: string,
  slice: MonthSlice,
): Promise<UnitMonthRow[]> {
  const unit = { 3: sql`x.county_code`, 4: sql`coalesce(o.township_code, x.org_code)`, 5: sql`x.org_code` }[
    unitLevel
  ];
  const count = (cond: RawBuilder<unknown>): RawBuilder<unknown> =>
    sql`sum(case when ${cond} then 1 else 0 end)`;
  const bp = sql`s.sbp is not null and s.dbp is not null`;
  // Only hypertension follow-ups have a share; the others' BP columns are not looked at.
  const [withBp, controlled] =
    type === 'hypertension_followup'
      ? [
          count(bp),
          count(
            sql`${bp} and s.sbp < ${sql.lit(BP_CONTROL_THRESHOLD.sbp)} and s.dbp < ${sql.lit(BP_CONTROL_THRESHOLD.dbp)}`,
          ),
        ]
      : [sql`0`, sql`0`];
  // Counted per org first (per county for county units), from the index of services by type
  // and date alone (it holds the county, org and BP: migration 021), then per unit: the orgs
  // table is joined once per org and month instead of once per service. A township or
  // village unit depends on the org alone, so the org's county is not part of the key (the
  // least county code of the groups is kept): sums of sums and the least county code, the
  // same figures as grouping the services by unit directly.
  const perOrg = unitLevel !== 3;
  const result = await sql<Record<string, number | string>>`
    select ${unit} as unit, min(x.county_code) as county_code, x.month as month,
      sum(x.services) as services, sum(x.with_bp) as with_bp, sum(x.controlled) as controlled
    from (
      select min(s.county_code) as county_code, ${perOrg ? sql`s.org_code` : sql`null`} as org_code,
        substr(s.service_date, 1, 7) as month, count(*) as services,
        ${withBp} as with_bp, ${controlled} as controlled
      from services s
      where s.type = ${type} and s.service_date >= ${slice.from}
        and ${slice.before === null ? sql`s.service_date <= ${to}` : sql`s.service_date < ${slice.before}`}
        and ${rowsInScope(scope, { county: 's.county_code', org: 's.org_code' })}
      group by ${perOrg ? sql`s.org_code` : sql`s.county_code`}, substr(s.service_date, 1, 7)
    ) x left join orgs o on o.code = x.org_code
    group by ${unit}, x.month`.execute(h);
  return result.rows.map((r) => ({
    unit: String(r.unit),
    countyCode: String(r.county_code),
    month: String(r.month),
    type,
    services: Number(r.services),
    withBp: Number(r.with_bp),
    controlled: Number(r.controlled),
  }));
}

/** The monthly series of every unit: a count per service type and, if asked, the controlled share. */
export function unitSeries(
  rows: readonly UnitMonthRow[],
  p: { readonly controlledShare: boolean; readonly minFollowups: number },
): UnitSeries[] {
  const byKey = new Map<string, { series: UnitSeries; points: Map<Month, MonthlyPoint> }>();
  const add = (row: UnitMonthRow, measure: string, kind: 'count' | 'rate', point: MonthlyPoint): void => {
    const key = `${row.unit}|${measure}`;
    let entry = byKey.get(key);
    if (!entry) {
      const points = new Map<Month, MonthlyPoint>();
      entry = { series: { unit: row.unit, countyCode: row.countyCode, measure, kind, points }, points };
      byKey.set(key, entry);
    }
    entry.points.set(row.month, point);
  };
  for (const r of rows) {
    add(r, `count:${r.type}`, 'count', { value: r.services, denominator: null });
    if (p.controlledShare && r.type === 'hypertension_followup' && r.withBp >= p.minFollowups)
      add(r, CONTROLLED_SHARE, 'rate', { value: r.controlled / r.withBp, denominator: r.withBp });
  }
  return [...byKey.values()].map((e) => e.series);
}

/** The candidates of a run: the months judged and the monthly rows from the history's start. */
export interface OutlierCandidates {
  readonly months: readonly Month[];
  readonly rows: readonly UnitMonthRow[];
}

const round4 = (x: number): number => Math.round(x * 10_000) / 10_000;

function deviationEvidence(d: Deviation | null): Record<string, number> | null {
  return d === null
    ? null
    : { median: round4(d.median), z: round4(d.z), n: d.n, min: round4(d.min), max: round4(d.max) };
}

/** The finding of one outlier: keyed by unit, month and measure, dated at the month's end. */
export function outlierFinding(o: AggregateOutlier): DraftFinding {
  const from = `${o.month}-01`;
  const to = monthEnd(o.month);
  return {
    severity: 'warning',
    subject: `${findingSubject.unit(o.unit, from, to)}:${o.measure}`,
    orgCode: o.unit,
    countyCode: o.countyCode,
    residentId: null,
    serviceId: null,
    subjectDate: to,
    weight: 1,
    evidence: {
      month: o.month,
      measure: o.measure,
      kind: o.kind,
      value: round4(o.value),
      denominator: o.denominator,
      history: deviationEvidence(o.history),
      peers: deviationEvidence(o.peers),
      flags: o.flags,
    },
  };
}

/** Rule `aggregate_outliers`. */
export const aggregateOutliersRule = judgedRule({
  id: 'aggregate_outliers',
  name: { zh: '汇总数据异常值', en: 'Outliers on aggregates' },
  description: {
    zh: '单位某月的服务数或高血压随访血压达标比例明显偏离本单位此前各月（或同级单位当月），按中位数绝对偏差的修正z值判断（默认|z|>3.5）。',
    en: 'A unit whose monthly count of services, or share of hypertension follow-ups below 140/90, lies far from its own previous months (or from its peers that month), by the modified z-score over the median absolute deviation (|z| > 3.5 by default).',
  },
  severities: {
    warning: { zh: '月度数据异常波动，需核实', en: 'a monthly value far from the usual: to be checked' },
  },
  subject: 'unit',
  parameters,
  async candidates(h, { scope, window }, p): Promise<OutlierCandidates> {
    const months = monthsOfWindow(window.from, window.to, p.historyMonths);
    if (months.length === 0) return { months, rows: [] };
    const from = `${addMonths(months[0]!, -p.historyMonths)}-01`;
    const to = monthEnd(months[months.length - 1]!);
    return { months, rows: await selectUnitMonths(h, p.serviceTypes, p.unitLevel, scope, from, to) };
  },
  judge({ months, rows }, p): DraftFinding[] {
    return aggregateOutliers(unitSeries(rows, p), months, p, peerGroupOf).map(outlierFinding);
  },
});
