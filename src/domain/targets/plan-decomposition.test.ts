import { describe, expect, it } from 'vitest';
import { decomposeIndicator, decomposePlan, parseDecompositionPlan } from './plan-decomposition.js';
import { PlanInputError } from './plan-input-error.js';
import { readYumenFixture } from './yumen-decomposition.fixture.js';

describe('Yumen 2011 first-half decomposition (fixture)', () => {
  const fixture = readYumenFixture();
  const result = decomposePlan(parseDecompositionPlan(fixture));

  it('reproduces every expected figure of every area exactly', () => {
    expect(result.areas).toHaveLength(fixture.areas.length);
    fixture.areas.forEach((area, i) => {
      const computed = result.areas[i]!;
      expect(computed.name).toBe(area.name);
      expect(computed.responsibleUnit).toBe(area.responsibleUnit);
      expect(computed.responsiblePerson).toBe(area.responsiblePerson);
      const figures = Object.fromEntries(
        Object.entries(computed.indicators).map(([k, v]) => [
          k,
          { annual: v.annual, half: v.half, cumulative: v.cumulative },
        ]),
      );
      expect(figures).toEqual(area.expected);
    });
  });

  it('uses the curve where there is one and the planner increments for diabetes', () => {
    const first = result.areas[0]!.indicators;
    expect(first.hypertension?.rule).toBe('curve');
    expect(first.hypertension?.increments).toEqual([440, 440, 585]);
    expect(first.diabetes?.rule).toBe('increments');
    expect(first.diabetes?.mismatch).toBeUndefined();
  });
});

describe('decomposeIndicator', () => {
  it('flags increments that do not add up to the half-year target', () => {
    const d = decomposeIndicator(
      { base: 467, annualRate: 0.15, monthlyIncrements: [15, 10, 5] },
      0.5,
      undefined,
      3,
    );
    expect(d.half).toBe(35);
    expect(d.mismatch).toEqual({ sumOfIncrements: 30, half: 35 });
  });
  it('needs a curve or increments, of the right length', () => {
    expect(() => decomposeIndicator({ base: 10, annualRate: 0.5 }, 0.5, undefined)).toThrow(
      /neither a curve/,
    );
    expect(() => decomposeIndicator({ base: 10, annualRate: 0.5 }, 0.5, [1, 1], 3)).toThrow(
      /expected 3 milestones/,
    );
  });
});

describe('parseDecompositionPlan', () => {
  it('names the bad field', () => {
    const bad = {
      milestones: ['2011-04'],
      areas: [{ name: 'x', inputs: { records: { base: -1, annualRate: 0.8 } } }],
    };
    expect(() => parseDecompositionPlan(bad)).toThrow(/areas\.0\.inputs\.records\.base/);
    expect(() => parseDecompositionPlan({})).toThrow(PlanInputError);
  });
  it('names the area and indicator of a rule error', () => {
    const plan = parseDecompositionPlan({
      milestones: ['2011-04', '2011-05'],
      curves: { records: [1, 1, 1] },
      areas: [{ name: 'x', inputs: { records: { base: 10, annualRate: 0.8 } } }],
    });
    expect(() => decomposePlan(plan)).toThrow(/areas\.0\.inputs\.records/);
  });
});
