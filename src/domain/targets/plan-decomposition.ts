/**
 * A half-year (or any stage) decomposition plan for several areas, in the shape of
 * fixtures/yumen-2011-h1-decomposition.json: per area and indicator a base and an annual
 * rate, and either a curve per indicator or the planner's own increments (minimums).
 */
import { z } from 'zod';
import { accumulateIncrements, splitAlongCurve } from './milestones.js';
import { PlanInputError } from './plan-input-error.js';
import { roundProductHalfUp, roundShareHalfUp } from './rounding.js';

const count = z.number().int().nonnegative();

/** What a planner enters for one indicator of one area. */
export const indicatorInputSchema = z.object({
  base: z.number().nonnegative(),
  annualRate: z.number().min(0).max(1),
  /** Increments given as minimums instead of a curve (Yumen's diabetes row). */
  monthlyIncrements: z.array(count).optional(),
  /** A curve for this area only, overriding the plan's curve for the indicator. */
  curve: z.array(z.number().nonnegative()).optional(),
});

/** One area of a plan. */
export const planAreaSchema = z.object({
  name: z.string().min(1),
  population: count.optional(),
  responsibleUnit: z.string().optional(),
  responsiblePerson: z.string().optional(),
  inputs: z.record(z.string().min(1), indicatorInputSchema),
});

/**
 * A decomposition plan. `halfYearShare` is the share of the annual target due by the end of the
 * stage (0.5 for the first half-year); `milestones` are the stage's milestone periods;
 * `curves` one curve per indicator. Extra keys (the fixture's `expected`, `stated`) are ignored.
 */
export const decompositionPlanSchema = z.object({
  halfYearShare: z.number().gt(0).max(1).default(0.5),
  milestones: z.array(z.string().min(1)).min(1),
  curves: z.record(z.string(), z.array(z.number().nonnegative())).default({}),
  areas: z.array(planAreaSchema).min(1),
});

/** A decomposition plan as parsed (defaults applied). */
export type DecompositionPlan = z.infer<typeof decompositionPlanSchema>;

/** The decomposition of one indicator of one area. */
export interface IndicatorDecomposition {
  /** base × annual rate, rounded half up. */
  readonly annual: number;
  /** annual × halfYearShare, rounded half up: the stage target. */
  readonly half: number;
  /** Cumulative milestones, one per plan milestone. */
  readonly cumulative: number[];
  readonly increments: number[];
  /** 'curve' when split along a curve; 'increments' when the planner gave the increments. */
  readonly rule: 'curve' | 'increments';
  /**
   * Set when the planner's increments do not add up to the stage target: the plan is then
   * inconsistent, and the plan check reports the last milestone.
   */
  readonly mismatch?: { readonly sumOfIncrements: number; readonly half: number };
}

/** The decomposition of one area. */
export interface AreaDecomposition {
  readonly name: string;
  readonly population: number | null;
  readonly responsibleUnit: string | null;
  readonly responsiblePerson: string | null;
  readonly indicators: Record<string, IndicatorDecomposition>;
}

/** A whole plan decomposed. */
export interface PlanDecomposition {
  readonly halfYearShare: number;
  readonly milestones: readonly string[];
  readonly areas: AreaDecomposition[];
}

/**
 * Parses a plan (for example the fixture's JSON) with a clear error naming the field.
 *
 * @example
 * parseDecompositionPlan(JSON.parse(readFileSync('yumen-2011-h1-decomposition.json', 'utf8')))
 */
export function parseDecompositionPlan(raw: unknown): DecompositionPlan {
  const parsed = decompositionPlanSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue ? issue.path.join('.') : '';
    throw new PlanInputError(
      { zh: `分解方案格式错误：${issue?.message ?? ''}`, en: `invalid plan: ${issue?.message ?? ''}` },
      { column: field || '(plan)' },
    );
  }
  return parsed.data;
}

/**
 * Decomposes one indicator: annual = round(base × rate), half = round(annual × halfYearShare),
 * cumulative milestones along the curve (last absorbs the remainder) or, when the planner
 * gave increments, their running sums.
 *
 * @example
 * decomposeIndicator({ base: 3256, annualRate: 0.9 }, 0.5, [0.3, 0.3, 0.4])
 * // → { annual: 2930, half: 1465, cumulative: [440, 880, 1465], increments: [440, 440, 585], rule: 'curve' }
 */
export function decomposeIndicator(
  input: z.infer<typeof indicatorInputSchema>,
  halfYearShare: number,
  curve: readonly number[] | undefined,
  milestoneCount?: number,
): IndicatorDecomposition {
  const annual = roundProductHalfUp(input.base, input.annualRate);
  const half = roundShareHalfUp(annual, halfYearShare, 1);
  if (input.monthlyIncrements) {
    const { increments, cumulative } = accumulateIncrements(input.monthlyIncrements);
    checkLength(increments.length, milestoneCount);
    const sum = cumulative[cumulative.length - 1] ?? 0;
    return {
      annual,
      half,
      cumulative,
      increments,
      rule: 'increments',
      ...(sum === half ? {} : { mismatch: { sumOfIncrements: sum, half } }),
    };
  }
  if (!curve) {
    throw new PlanInputError({
      zh: '既没有进度曲线也没有每期任务数',
      en: 'neither a curve nor increments are given',
    });
  }
  checkLength(curve.length, milestoneCount);
  const { increments, cumulative } = splitAlongCurve(half, curve);
  return { annual, half, cumulative, increments, rule: 'curve' };
}

function checkLength(length: number, expected: number | undefined): void {
  if (expected !== undefined && length !== expected) {
    throw new PlanInputError({
      zh: `应有${expected}期，实有${length}期`,
      en: `expected ${expected} milestones, got ${length}`,
    });
  }
}

/**
 * Decomposes every indicator of every area of a plan.
 *
 * @example
 * decomposePlan(parseDecompositionPlan(yumen)).areas[0].indicators.records
 * // → { annual: 19200, half: 9600, cumulative: [3840, 6720, 9600], … }
 */
export function decomposePlan(plan: DecompositionPlan): PlanDecomposition {
  const areas = plan.areas.map((area, a): AreaDecomposition => {
    const indicators: Record<string, IndicatorDecomposition> = {};
    for (const [indicator, input] of Object.entries(area.inputs)) {
      try {
        indicators[indicator] = decomposeIndicator(
          input,
          plan.halfYearShare,
          input.curve ?? plan.curves[indicator],
          plan.milestones.length,
        );
      } catch (error) {
        if (error instanceof PlanInputError) {
          throw new PlanInputError(error.reason, { column: `areas.${a}.inputs.${indicator}` });
        }
        throw error;
      }
    }
    return {
      name: area.name,
      population: area.population ?? null,
      responsibleUnit: area.responsibleUnit ?? null,
      responsiblePerson: area.responsiblePerson ?? null,
      indicators,
    };
  });
  return { halfYearShare: plan.halfYearShare, milestones: plan.milestones, areas };
}
