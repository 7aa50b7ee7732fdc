import { describe, expect, it } from 'vitest';
import { addDays, addMonths, daysBetween } from './calendar.js';

describe('due-date calendar', () => {
  it('clamps months to the month end, leap days included', () => {
    expect(addMonths('2019-11-30', 3)).toBe('2020-02-29');
    expect(addMonths('2020-11-30', 3)).toBe('2021-02-28');
    expect(addMonths('2020-02-29', 12)).toBe('2021-02-28');
    expect(addMonths('2019-12-31', 1)).toBe('2020-01-31');
    expect(addMonths('2019-10-15', 3)).toBe('2020-01-15');
  });
  it('adds days across year ends and leap days', () => {
    expect(addDays('2019-12-25', 10)).toBe('2020-01-04');
    expect(addDays('2020-02-28', 1)).toBe('2020-02-29');
    expect(addDays('2020-02-29', 1)).toBe('2020-03-01');
    expect(addDays('2020-01-01', -1)).toBe('2019-12-31');
  });
  it('counts days between dates', () => {
    expect(daysBetween('2020-02-29', '2020-03-01')).toBe(1);
    expect(daysBetween('2020-03-01', '2020-02-29')).toBe(-1);
    expect(daysBetween('2019-12-31', '2020-12-31')).toBe(366);
  });
});
