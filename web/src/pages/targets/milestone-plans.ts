/**
 * The milestone plans a bureau picks when it sets or previews a target: the whole year or the
 * first half-year, by month or by 旬 (dekad), with an optional curve (40/30/30). The server
 * computes the milestones (src/domain/targets/milestones.ts); this only names the periods.
 */

/** The plans offered. */
export const MILESTONE_PLANS = ['yearMonths', 'yearDekads', 'h1Months', 'h1Dekads'] as const;
/** One of MILESTONE_PLANS. */
export type MilestonePlanKind = (typeof MILESTONE_PLANS)[number];

/** A plan as PUT /api/targets takes it: the share of the year due by the last milestone. */
export interface PlanBody {
  readonly share: number;
  readonly due: string[];
  readonly curve: number[];
}

/**
 * The milestone periods of a plan, in the API's period syntax.
 *
 * @example milestoneDue('h1Months', 2020) // ['2020-01', …, '2020-06']
 * @example milestoneDue('h1Dekads', 2020)[0] // '2020-01-1'
 */
export function milestoneDue(kind: MilestonePlanKind, year: number): string[] {
  const months = kind.startsWith('h1') ? 6 : 12;
  const dekads = kind.endsWith('Dekads');
  const due: string[] = [];
  for (let m = 1; m <= months; m += 1) {
    const month = `${year}-${String(m).padStart(2, '0')}`;
    if (dekads) for (let d = 1; d <= 3; d += 1) due.push(`${month}-${d}`);
    else due.push(month);
  }
  return due;
}

/** The share of the year a plan ends with: half for the first half-year. */
export function planShare(kind: MilestonePlanKind): number {
  return kind.startsWith('h1') ? 0.5 : 1;
}

/**
 * A curve as typed (40/30/30, 40,30,30 or 40 30 30), or null when empty. Throws a
 * `CurveError` naming the counts when the weights do not match the milestones.
 *
 * @example parseCurve('40/30/30', 3) // [40, 30, 30]
 */
export function parseCurve(text: string | undefined, milestones: number): number[] | null {
  const trimmed = (text ?? '').trim();
  if (trimmed === '') return null;
  const weights = trimmed.split(/[/,，、\s]+/).map((w) => Number(w.replace(/%$/, '')));
  if (weights.some((w) => !Number.isFinite(w) || w < 0) || weights.length !== milestones)
    throw new CurveError(weights.length, milestones);
  return weights;
}

/** A curve whose weights do not match the milestones. */
export class CurveError extends Error {
  constructor(
    readonly given: number,
    readonly needed: number,
  ) {
    super(`curve has ${given} weights for ${needed} milestones`);
    this.name = 'CurveError';
  }
}

/**
 * The plan of a target as PUT /api/targets takes it; equal weights when no curve is given.
 *
 * @example planBody('h1Months', 2020, '10/10/20/20/20/20').share // 0.5
 */
export function planBody(kind: MilestonePlanKind, year: number, curveText?: string): PlanBody {
  const due = milestoneDue(kind, year);
  const curve = parseCurve(curveText, due.length) ?? due.map(() => 1);
  return { share: planShare(kind), due, curve };
}

/**
 * A milestone period as a bureau writes it.
 *
 * @example milestoneLabel('2020-06-2', 'zh-CN') // '6月中旬'
 * @example milestoneLabel('2020-06', 'en') // 'Jun'
 */
export function milestoneLabel(due: string, language: string): string {
  const m = /^\d{4}-(\d{2})(?:-([1-3]))?$/.exec(due);
  if (!m) return due;
  const month = Number(m[1]);
  const dekad = m[2] ? Number(m[2]) : null;
  if (language === 'en') {
    const name = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][
      month - 1
    ];
    return dekad === null ? `${name}` : `${name} ${['1st', '2nd', '3rd'][dekad - 1]}`;
  }
  return dekad === null ? `${month}月` : `${month}月${['上旬', '中旬', '下旬'][dekad - 1]}`;
}
