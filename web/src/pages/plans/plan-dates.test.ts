import { describe, expect, it } from 'vitest';
import { defaultAsOf, periodEnd } from './plan-dates';

describe('the dates a push plan opens with', () => {
  it('ends a period on its last day, February of a leap year included', () => {
    expect(periodEnd({ year: 2020, kind: 'half', index: 1 })).toBe('2020-06-30');
    expect(periodEnd({ year: 2020, kind: 'year', index: 1 })).toBe('2020-12-31');
    expect(periodEnd({ year: 2020, kind: 'month', index: 2 })).toBe('2020-02-29');
    expect(periodEnd({ year: 2021, kind: 'dekad', index: 6 })).toBe('2021-02-28');
    expect(periodEnd({ year: 2020, kind: 'dekad', index: 5 })).toBe('2020-02-20');
    expect(periodEnd({ year: 2020, kind: 'quarter', index: 3 })).toBe('2020-09-30');
  });

  it('is as of the checkpoint before the end', () => {
    expect(defaultAsOf({ year: 2020, kind: 'quarter', index: 2 })).toBe('2020-06-20');
    expect(defaultAsOf({ year: 2020, kind: 'dekad', index: 5 })).toBe('2020-02-10');
    expect(defaultAsOf({ year: 2020, kind: 'dekad', index: 4 })).toBe('2020-02-01');
  });
});
