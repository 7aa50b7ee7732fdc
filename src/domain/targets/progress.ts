/**
 * Progress against targets (C4, contract 6): for each target, the milestone due by the end of
 * the period, what the indicator engine counts as achieved (the indicator's numerator), the
 * gap and the completion ratio; children ranked.
 */
import { milestoneDueBy, type Milestone } from './milestones.js';

/** A stored target of one org, with its cumulative milestones. */
export interface TargetWithMilestones {
  readonly org: string;
  readonly orgName: string;
  readonly indicator: string;
  readonly target: number;
  readonly milestones: readonly Milestone[];
}

/** What the engine counted for an org and indicator (the numerator: people or services done). */
export interface Achievement {
  readonly org: string;
  readonly indicator: string;
  readonly achieved: number;
}

/** One line of progress (contract 6). */
export interface ProgressRow {
  readonly org: string;
  readonly orgName: string;
  readonly indicator: string;
  /** The annual target. */
  readonly target: number;
  /** Cumulative milestone due by the period end. */
  readonly milestone: number;
  readonly achieved: number;
  /** What is still missing to reach the milestone: max(milestone − achieved, 0). */
  readonly gap: number;
  /** achieved / milestone; null when nothing is due yet (milestone 0). */
  readonly completion: number | null;
}

/**
 * Progress of each target as of `periodEnd`, ranked within each indicator by completion
 * (highest first; nothing due last), then by org code. An org without an engine value has
 * achieved 0.
 *
 * @example
 * computeProgress([{ org: 'a', orgName: 'A', indicator: 'elderly.management_rate', target: 1920,
 *   milestones: [{ due: '2020-06', cumulative: 960 }] }], [{ org: 'a', indicator: 'elderly.management_rate', achieved: 480 }], '2020-06-30')
 * // → [{ org: 'a', …, milestone: 960, achieved: 480, gap: 480, completion: 0.5 }]
 */
export function computeProgress(
  targets: readonly TargetWithMilestones[],
  achievements: readonly Achievement[],
  periodEnd: string,
): ProgressRow[] {
  const achieved = new Map(achievements.map((a) => [`${a.org}|${a.indicator}`, a.achieved]));
  const rows = targets.map((t): ProgressRow => {
    const milestone = milestoneDueBy(t.milestones, periodEnd);
    const done = achieved.get(`${t.org}|${t.indicator}`) ?? 0;
    return {
      org: t.org,
      orgName: t.orgName,
      indicator: t.indicator,
      target: t.target,
      milestone,
      achieved: done,
      gap: Math.max(milestone - done, 0),
      completion: milestone > 0 ? done / milestone : null,
    };
  });
  return rows.sort((a, b) => {
    if (a.indicator !== b.indicator) return a.indicator < b.indicator ? -1 : 1;
    const ca = a.completion ?? -1;
    const cb = b.completion ?? -1;
    if (ca !== cb) return cb - ca;
    return a.org < b.org ? -1 : a.org > b.org ? 1 : 0;
  });
}
