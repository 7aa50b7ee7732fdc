/**
 * The dashboard's figures, worked out from the server's answers: an indicator's standing
 * against its target and the milestone due by the period end, the change against the
 * previous period, and the children ranked with the lagging ones marked (below the milestone,
 * below the level above) as a bulletin names them. Pure: the page only draws them.
 */
import type { paths } from '../../api/schema';
import { periodChoice, type PeriodChoice } from '../../scope/period-choice';

/** An indicator value as GET /api/indicators answers. */
export type IndicatorValue =
  paths['/api/indicators']['get']['responses'][200]['content']['application/json'][number];
/** A target as GET /api/targets answers. */
export type Target = paths['/api/targets']['get']['responses'][200]['content']['application/json'][number];
/** Whether an indicator is a rate or a count (the catalogue's unit). */
export type Unit = 'percent' | 'count';

/**
 * The last day (ISO) of a period: what "year to date as of the period end" means.
 *
 * @example periodEndDate({ year: 2020, kind: 'quarter', index: 2 }) // '2020-06-30'
 */
export function periodEndDate(choice: PeriodChoice): string {
  const { year, kind, index } = choice;
  const month = { year: 12, half: index * 6, quarter: index * 3, month: index, dekad: Math.ceil(index / 3) }[
    kind
  ];
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const dekad = ((index - 1) % 3) + 1;
  const day = kind === 'dekad' && dekad < 3 ? dekad * 10 : lastDay;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * The cumulative milestone due on or before `date` (0 before the first), as the server's
 * progress counts it (src/domain/targets/milestones.ts, milestoneDueBy).
 *
 * @example milestoneDueBy([{ due: '2020-04', cumulative: 40 }, { due: '2020-05', cumulative: 70 }], '2020-05-15') // 40
 */
export function milestoneDueBy(milestones: Target['milestones'], date: string): number {
  let due = 0;
  for (const m of milestones) {
    const choice = periodChoice(m.due);
    if (choice !== null && periodEndDate(choice) <= date) due = m.cumulative;
  }
  return due;
}

/** Where one org stands on one indicator. */
export interface Standing {
  /** The value: a fraction for a rate, a count for a count; null without a denominator. */
  readonly value: number | null;
  readonly numerator: number | null;
  readonly denominator: number | null;
  /** The annual target in the indicator's unit (the target's rate, or its count); null when none is set. */
  readonly target: number | null;
  /** The milestone due by the period end, in the indicator's unit; null when no target is set. */
  readonly milestone: number | null;
  /** value − milestone (in points of a rate ×100 for a rate, people for a count). */
  readonly gap: number | null;
  /** value − the previous period's value; null when either is missing. */
  readonly change: number | null;
  /** The previous period's value. */
  readonly previous: number | null;
}

function targetIn(unit: Unit, target: Target | undefined): number | null {
  if (!target) return null;
  return unit === 'percent' ? target.rate : target.target;
}

function milestoneIn(unit: Unit, target: Target | undefined, periodEnd: string): number | null {
  if (!target) return null;
  const due = milestoneDueBy(target.milestones, periodEnd);
  if (unit === 'count') return due;
  return target.baseValue > 0 ? due / target.baseValue : null;
}

/**
 * The standing of an org on an indicator.
 *
 * @example
 * standingOf('percent', { value: 0.8, … }, target90PercentHalfDue, { value: 0.75, … }, '2020-06-30')
 * // → { value: 0.8, target: 0.9, milestone: 0.45, gap: 0.35, change: 0.05, … }
 */
export function standingOf(
  unit: Unit,
  current: IndicatorValue | undefined,
  target: Target | undefined,
  previous: IndicatorValue | undefined,
  periodEnd: string,
): Standing {
  const value = current?.value ?? null;
  const milestone = milestoneIn(unit, target, periodEnd);
  const before = previous?.value ?? null;
  return {
    value,
    numerator: current?.numerator ?? null,
    denominator: current?.denominator ?? null,
    target: targetIn(unit, target),
    milestone,
    gap: value !== null && milestone !== null ? value - milestone : null,
    change: value !== null && before !== null ? value - before : null,
    previous: before,
  };
}

/** A child unit in the ranking. */
export interface RankedUnit extends Standing {
  readonly org: string;
  readonly orgName: string;
  /** 1 for the highest value; units without a value share the last place. */
  readonly rank: number;
  /** Below the milestone due (false when no target is set). */
  readonly belowMilestone: boolean;
  /** Below the value of the level above. */
  readonly belowParent: boolean;
  /** On a reported indicator: the unit's own report, or the sum of the reports below it. */
  readonly source?: 'reported' | 'summed';
  /** With `source`: where the figure comes from (a system, a survey). */
  readonly reportSource?: string;
  /** What the reader should know about the figure (a missing quarter, the survey's period). */
  readonly remark?: { readonly zh: string; readonly en: string };
}

/**
 * The children of an org on one indicator, ranked by value (highest first), each marked
 * when it lags the milestone due or the level above.
 */
export function rankChildren(
  unit: Unit,
  children: readonly IndicatorValue[],
  targets: readonly Target[],
  parentValue: number | null,
  periodEnd: string,
): RankedUnit[] {
  const standings = children.map((child) => {
    const target = targets.find((t) => t.orgCode === child.org && t.indicator === child.indicator);
    return { child, standing: standingOf(unit, child, target, undefined, periodEnd) };
  });
  standings.sort((a, b) => {
    const va = a.standing.value ?? -Infinity;
    const vb = b.standing.value ?? -Infinity;
    return vb - va || (a.child.org < b.child.org ? -1 : 1);
  });
  const ranked: RankedUnit[] = [];
  standings.forEach(({ child, standing }, i) => {
    const previous = ranked[i - 1];
    const tied = previous !== undefined && previous.value === standing.value;
    ranked.push({
      ...standing,
      org: child.org,
      orgName: child.orgName,
      rank: tied ? previous.rank : i + 1,
      belowMilestone: standing.gap !== null && standing.gap < 0,
      belowParent: standing.value !== null && parentValue !== null && standing.value < parentValue,
      ...(child.source === undefined ? {} : { source: child.source }),
      ...(child.reportSource === undefined ? {} : { reportSource: child.reportSource }),
      ...(child.remark === undefined ? {} : { remark: child.remark }),
    });
  });
  return ranked;
}
