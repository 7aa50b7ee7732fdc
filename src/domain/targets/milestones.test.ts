import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  accumulateIncrements,
  isCompleteCurve,
  milestoneDueBy,
  monthlyPlan,
  planMilestones,
  splitAlongCurve,
} from './milestones.js';
import { PlanInputError } from './plan-input-error.js';

describe('splitAlongCurve', () => {
  it('rounds each increment half up and lets the last absorb the remainder', () => {
    expect(splitAlongCurve(1465, [0.3, 0.3, 0.4])).toEqual({
      increments: [440, 440, 585],
      cumulative: [440, 880, 1465],
    });
    expect(splitAlongCurve(1060, [40, 30, 30])).toEqual({
      increments: [424, 318, 318],
      cumulative: [424, 742, 1060],
    });
    expect(splitAlongCurve(0, [0.4, 0.3, 0.3]).cumulative).toEqual([0, 0, 0]);
  });
  it('always ends exactly on the total, whatever the curve', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.array(fc.integer({ min: 1, max: 100 }), { minLength: 1, maxLength: 12 }),
        (total, curve) => {
          // Curves whose last weight is not tiny never drive the last increment negative.
          const weights = [...curve, curve.reduce((a, b) => a + b, 0)];
          const { increments, cumulative } = splitAlongCurve(total, weights);
          expect(cumulative[cumulative.length - 1]).toBe(total);
          expect(increments.every((n) => Number.isInteger(n) && n >= 0)).toBe(true);
        },
      ),
    );
  });
  it('refuses empty, negative and lopsided curves', () => {
    expect(() => splitAlongCurve(10, [])).toThrow(PlanInputError);
    expect(() => splitAlongCurve(10, [0.5, -0.5, 1])).toThrow(/negative/);
    expect(() => splitAlongCurve(10, [0, 0])).toThrow(/zero/);
  });
  it('rounds the cumulative shares when the increments would overshoot the total', () => {
    // Increments 2 + 2 would leave −1 for the last; cumulative 1.5 → 2, 3 → 3, 3.
    expect(splitAlongCurve(3, [0.5, 0.5, 0])).toEqual({ increments: [2, 1, 0], cumulative: [2, 3, 3] });
    const months = splitAlongCurve(
      6,
      Array.from({ length: 12 }, () => 1),
    );
    expect(months.cumulative).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6]);
  });
});

describe('accumulateIncrements', () => {
  it('keeps the planner minimums and sums them', () => {
    expect(accumulateIncrements([15, 7, 7])).toEqual({ increments: [15, 7, 7], cumulative: [15, 22, 29] });
    expect(() => accumulateIncrements([15, -1])).toThrow(PlanInputError);
    expect(() => accumulateIncrements([1.5])).toThrow(PlanInputError);
  });
});

describe('curves written by people', () => {
  it('accepts shares summing to 1 and percents summing to 100 only', () => {
    expect(isCompleteCurve([0.4, 0.3, 0.3])).toBe(true);
    expect(isCompleteCurve([40, 30, 30])).toBe(true);
    expect(isCompleteCurve([40, 30, 20])).toBe(false);
  });
});

describe('planMilestones', () => {
  it('puts the stage along its curve and the whole target at the end of the year', () => {
    expect(
      planMilestones(2011, 19200, {
        share: 0.5,
        due: ['2011-04', '2011-05', '2011-06'],
        curve: [0.4, 0.3, 0.3],
      }),
    ).toEqual([
      { due: '2011-04', cumulative: 3840 },
      { due: '2011-05', cumulative: 6720 },
      { due: '2011-06', cumulative: 9600 },
      { due: '2011', cumulative: 19200 },
    ]);
  });
  it('spreads a year over twelve equal months by default, exactly', () => {
    const milestones = planMilestones(2020, 6, monthlyPlan(2020));
    expect(milestones).toHaveLength(12);
    // 6/12 = 0.5 exactly rounds up to 1; a float 0.4999… would give 0.
    expect(
      planMilestones(2020, 6, { share: 1, due: ['2020-01', '2020-12'], curve: [1, 11] })[0]?.cumulative,
    ).toBe(1);
    expect(milestones[11]).toEqual({ due: '2020-12', cumulative: 6 });
    expect(planMilestones(2020, 1200, monthlyPlan(2020)).map((m) => m.cumulative)).toEqual(
      Array.from({ length: 12 }, (_, i) => (i + 1) * 100),
    );
  });
  it('supports ten-day milestones', () => {
    const m = planMilestones(2020, 300, {
      share: 0.1,
      due: ['2020-06-1', '2020-06-2', '2020-06-3'],
      curve: [1, 1, 1],
    });
    expect(m).toEqual([
      { due: '2020-06-1', cumulative: 10 },
      { due: '2020-06-2', cumulative: 20 },
      { due: '2020-06-3', cumulative: 30 },
      { due: '2020', cumulative: 300 },
    ]);
  });
  it('refuses mismatched, misplaced or unordered milestones', () => {
    expect(() => planMilestones(2020, 10, { share: 1, due: ['2020-01'], curve: [1, 1] })).toThrow(
      /2 curve weights/,
    );
    expect(() => planMilestones(2020, 10, { share: 1, due: ['2021-01'], curve: [1] })).toThrow(/within 2020/);
    expect(() => planMilestones(2020, 10, { share: 1, due: ['2020-02', '2020-01'], curve: [1, 1] })).toThrow(
      /chronological/,
    );
    expect(() => planMilestones(2020, 10, { share: 0, due: ['2020-01'], curve: [1] })).toThrow(/share/);
  });
});

describe('milestoneDueBy', () => {
  const milestones = [
    { due: '2011-04', cumulative: 3840 },
    { due: '2011-05', cumulative: 6720 },
    { due: '2011-06', cumulative: 9600 },
    { due: '2011', cumulative: 19200 },
  ];
  it('is the last milestone whose period has ended', () => {
    expect(milestoneDueBy(milestones, '2011-03-31')).toBe(0);
    expect(milestoneDueBy(milestones, '2011-04-30')).toBe(3840);
    expect(milestoneDueBy(milestones, '2011-05-20')).toBe(3840);
    expect(milestoneDueBy(milestones, '2011-06-30')).toBe(9600);
    expect(milestoneDueBy(milestones, '2011-11-30')).toBe(9600);
    expect(milestoneDueBy(milestones, '2011-12-31')).toBe(19200);
  });
});
