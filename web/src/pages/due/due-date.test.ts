import { describe, expect, it } from 'vitest';
import { defaultDueDate, periodEndDate } from './due-date';

describe('periodEndDate', () => {
  it('ends each kind of period on its last day', () => {
    expect(periodEndDate({ year: 2020, kind: 'year', index: 1 })).toBe('2020-12-31');
    expect(periodEndDate({ year: 2020, kind: 'half', index: 1 })).toBe('2020-06-30');
    expect(periodEndDate({ year: 2020, kind: 'quarter', index: 1 })).toBe('2020-03-31');
    expect(periodEndDate({ year: 2020, kind: 'month', index: 2 })).toBe('2020-02-29');
    expect(periodEndDate({ year: 2021, kind: 'month', index: 2 })).toBe('2021-02-28');
  });

  it('ends the 旬 on the 10th, the 20th and the month end', () => {
    expect(periodEndDate({ year: 2020, kind: 'dekad', index: 4 })).toBe('2020-02-10');
    expect(periodEndDate({ year: 2020, kind: 'dekad', index: 5 })).toBe('2020-02-20');
    expect(periodEndDate({ year: 2020, kind: 'dekad', index: 6 })).toBe('2020-02-29');
    expect(periodEndDate({ year: 2020, kind: 'dekad', index: 36 })).toBe('2020-12-31');
  });
});

describe('defaultDueDate', () => {
  it('is the period end when it has passed, else today', () => {
    const today = new Date(2026, 11, 5);
    expect(defaultDueDate({ year: 2020, kind: 'quarter', index: 2 }, today)).toBe('2020-06-30');
    expect(defaultDueDate({ year: 2026, kind: 'year', index: 1 }, today)).toBe('2026-12-05');
    expect(defaultDueDate({ year: 2026, kind: 'dekad', index: 34 }, today)).toBe('2026-12-05');
    expect(defaultDueDate({ year: 2026, kind: 'month', index: 11 }, today)).toBe('2026-11-30');
  });
});
