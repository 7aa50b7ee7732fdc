/**
 * Decomposition of a period target into cumulative milestones (任务分解), with the rounding
 * of the Yumen 2011 plan (fixtures/yumen-2011-h1-decomposition.json): each increment is
 * rounded half up, the last milestone absorbs the remainder so it equals the period target
 * exactly, and a cumulative milestone is the sum of the rounded increments (440 + 440 = 880,
 * not round(1465 × 0.6) = 879).
 */
import { periodOrNull } from '../periods/period.js';
import { PlanInputError } from './plan-input-error.js';
import { decimalWeights, roundShareHalfUp, sumsExactlyTo } from './rounding.js';

/** A cumulative milestone: what must be done by the end of the period `due`. */
export interface Milestone {
  /** A period of the engine's syntax: '2011-04', '2011-04-1' (旬), '2011H1', '2011'. */
  readonly due: string;
  /** Cumulative count due by the end of `due`. */
  readonly cumulative: number;
}

/** Increments and their running sums. */
export interface MilestoneSplit {
  readonly increments: number[];
  readonly cumulative: number[];
}

/**
 * Splits `total` along a curve of weights (shares 0.4/0.3/0.3, percents 40/30/30 or any
 * positive weights; they are normalised): increments rounded half up, the last absorbing the
 * remainder. When that would leave the last increment negative (a small total over many
 * periods), the cumulative shares are rounded half up instead. Throws when the curve is
 * empty, has a negative weight or sums to zero.
 *
 * @example
 * splitAlongCurve(1465, [0.3, 0.3, 0.4]) // → { increments: [440, 440, 585], cumulative: [440, 880, 1465] }
 */
export function splitAlongCurve(total: number, curve: readonly number[]): MilestoneSplit {
  if (curve.length === 0) throw new PlanInputError({ zh: '进度曲线为空', en: 'the curve is empty' });
  if (curve.some((w) => !Number.isFinite(w) || w < 0)) {
    throw new PlanInputError({ zh: '进度曲线不能有负数', en: 'curve weights must not be negative' });
  }
  const weights = decimalWeights(curve);
  const weightSum = weights.reduce((a, b) => a + b, 0n);
  if (weightSum === 0n) {
    throw new PlanInputError({ zh: '进度曲线之和为0', en: 'the curve weights sum to zero' });
  }
  const increments: number[] = [];
  let sum = 0;
  for (let i = 0; i < weights.length - 1; i += 1) {
    const step = roundShareHalfUp(total, Number(weights[i]), Number(weightSum));
    increments.push(step);
    sum += step;
  }
  const last = total - sum;
  if (last < 0) return splitCumulatively(total, weights, weightSum);
  increments.push(last);
  return { increments, cumulative: runningSums(increments) };
}

// When rounding every increment up would overshoot the total (6 people over 12 equal months:
// twelve halves rounded up), the last increment cannot absorb the excess. The cumulative
// shares are rounded instead: still exact at the end, never decreasing.
function splitCumulatively(total: number, weights: readonly bigint[], weightSum: bigint): MilestoneSplit {
  let running = 0n;
  const cumulative = weights.map((w, i) => {
    running += w;
    return i === weights.length - 1 ? total : roundShareHalfUp(total, Number(running), Number(weightSum));
  });
  const increments = cumulative.map((c, i) => c - (i === 0 ? 0 : (cumulative[i - 1] as number)));
  return { increments, cumulative };
}

/**
 * Cumulative milestones from increments a planner gave as minimums (Yumen's diabetes row:
 * "不少于15人, then 7 and 7"): their running sums, unchanged.
 *
 * @example
 * accumulateIncrements([15, 7, 7]) // → { increments: [15, 7, 7], cumulative: [15, 22, 29] }
 */
export function accumulateIncrements(increments: readonly number[]): MilestoneSplit {
  if (increments.some((n) => !Number.isInteger(n) || n < 0)) {
    throw new PlanInputError({
      zh: '每期任务数应为非负整数',
      en: 'increments must be non-negative integers',
    });
  }
  return { increments: [...increments], cumulative: runningSums(increments) };
}

function runningSums(values: readonly number[]): number[] {
  let sum = 0;
  return values.map((v) => (sum += v));
}

/**
 * True when a curve written by a person adds up to the whole: shares summing to 1 or
 * percents summing to 100.
 *
 * @example
 * isCompleteCurve([40, 30, 30]) // → true
 * isCompleteCurve([0.4, 0.3, 0.2]) // → false
 */
export function isCompleteCurve(curve: readonly number[]): boolean {
  return sumsExactlyTo(curve, 1) || sumsExactlyTo(curve, 100);
}

/** How a target of one year is spread over its milestones. */
export interface MilestonePlan {
  /** Share of the annual target due by the end of the stage (0.5 for a half-year plan). */
  readonly share: number;
  /** Milestone periods of the stage, in order ('2011-04', '2011-05', '2011-06'). */
  readonly due: readonly string[];
  /** Curve weights, one per milestone. */
  readonly curve: readonly number[];
}

/**
 * The default plan of a year: twelve monthly milestones of equal weight, the whole target
 * due in December.
 *
 * @example
 * monthlyPlan(2020).due // → ['2020-01', …, '2020-12']
 */
export function monthlyPlan(year: number): MilestonePlan {
  return {
    share: 1,
    due: Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`),
    curve: Array.from({ length: 12 }, () => 1),
  };
}

/**
 * The cumulative milestones of an annual target under a plan: the stage target
 * (annual × share, rounded half up) along the curve, then the whole annual target at the end
 * of the year when the stage ends earlier.
 *
 * @example
 * planMilestones(2011, 19200, { share: 0.5, due: ['2011-04', '2011-05', '2011-06'], curve: [0.4, 0.3, 0.3] })
 * // → [{ due: '2011-04', cumulative: 3840 }, { due: '2011-05', cumulative: 6720 },
 * //    { due: '2011-06', cumulative: 9600 }, { due: '2011', cumulative: 19200 }]
 */
export function planMilestones(year: number, annual: number, plan: MilestonePlan): Milestone[] {
  if (plan.due.length !== plan.curve.length) {
    throw new PlanInputError({
      zh: `里程碑有${plan.due.length}个而进度曲线有${plan.curve.length}个数`,
      en: `${plan.due.length} milestones but ${plan.curve.length} curve weights`,
    });
  }
  if (!(plan.share > 0 && plan.share <= 1)) {
    throw new PlanInputError({ zh: '阶段比例应在0到1之间', en: 'the stage share must be within (0, 1]' });
  }
  let previousEnd = '';
  for (const due of plan.due) {
    const range = periodOrNull(due);
    if (range === null || range.year !== year) {
      throw new PlanInputError(
        { zh: `里程碑期间无效或不在${year}年内`, en: `not a period within ${year}` },
        { column: due },
      );
    }
    if (range.end <= previousEnd) {
      throw new PlanInputError(
        { zh: '里程碑应按时间先后排列', en: 'milestones must be in chronological order' },
        { column: due },
      );
    }
    previousEnd = range.end;
  }
  const stageTarget = roundShareHalfUp(annual, plan.share, 1);
  const { cumulative } = splitAlongCurve(stageTarget, plan.curve);
  const milestones = plan.due.map((due, i) => ({ due, cumulative: cumulative[i] as number }));
  if (previousEnd < `${year}-12-31`) milestones.push({ due: String(year), cumulative: annual });
  return milestones;
}

/**
 * The milestone due by `date`: the cumulative count of the last milestone whose period ends
 * on or before `date`; 0 before the first.
 *
 * @example
 * milestoneDueBy([{ due: '2011-04', cumulative: 3840 }, { due: '2011-05', cumulative: 6720 }], '2011-05-15') // → 3840
 */
export function milestoneDueBy(milestones: readonly Milestone[], date: string): number {
  let due = 0;
  for (const m of milestones) {
    const range = periodOrNull(m.due);
    if (range !== null && range.end <= date) due = m.cumulative;
  }
  return due;
}
