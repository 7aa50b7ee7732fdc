import { describe, expect, it } from 'vitest';
import { changeText, figure, isRateItem, points, ruleText } from './assessment-data';

describe('assessment figures', () => {
  it('shows centipoints with two decimals', () => {
    expect(points(8550)).toBe('85.50');
    expect(points(5)).toBe('0.05');
    expect(points(0)).toBe('0.00');
    expect(points(-125)).toBe('-1.25');
  });

  it('shows the change since the previous run with the rank movement', () => {
    expect(changeText({ changeCenti: null, rankChange: null })).toBe('—');
    expect(changeText({ changeCenti: 125, rankChange: 2 })).toBe('+1.25 ↑2');
    expect(changeText({ changeCenti: -50, rankChange: -1 })).toBe('-0.50 ↓1');
    expect(changeText({ changeCenti: 0, rankChange: 0 })).toBe('0.00');
  });

  it('shows rates as percentages and counts as they are', () => {
    expect(figure(0.9, true)).toBe('90.00%');
    expect(figure(1234, false)).toBe('1234');
    expect(figure(null, true)).toBe('—');
    expect(isRateItem({ denominator: 200, targetSource: 'fixed' })).toBe(true);
    expect(figure(1.1764705882352942, isRateItem({ denominator: 17, targetSource: 'fixed' }))).toBe(
      '117.65%',
    );
    expect(isRateItem({ denominator: null, targetSource: 'targets' })).toBe(false);
  });

  it('names a rule with its parameters', () => {
    expect(ruleText({ rule: 'floor', floor: 0.5 })).toBe('floor · floor 0.5');
    expect(ruleText({ rule: 'deductions', perFinding: { id_problems: 0.05 }, cap: 5 })).toBe(
      'deductions · id_problems −0.05 · cap 5',
    );
  });
});
