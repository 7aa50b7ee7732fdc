import { describe, expect, it } from 'vitest';
import { yearsToStartPreparing } from './fact-year-preparation.js';

describe('yearsToStartPreparing', () => {
  it('starts the next year on 1 December, not on 30 November', () => {
    expect(yearsToStartPreparing('2026-11-30', [2026], [])).toEqual([]);
    expect(yearsToStartPreparing('2026-12-01', [2026], [])).toEqual([2027]);
    expect(yearsToStartPreparing('2026-12-31', [2026], [])).toEqual([2027]);
  });

  it('does not start a year already being prepared or maintained', () => {
    expect(yearsToStartPreparing('2026-12-15', [2026], [2027])).toEqual([]);
    expect(yearsToStartPreparing('2026-12-15', [2026, 2027], [])).toEqual([]);
  });

  it('starts this year when the server was down in December', () => {
    expect(yearsToStartPreparing('2027-01-01', [2026], [])).toEqual([2027]);
    expect(yearsToStartPreparing('2027-03-10', [2025, 2026], [])).toEqual([2027]);
  });

  it('starts this year and the next when last year is known and it is December', () => {
    expect(yearsToStartPreparing('2027-12-05', [2026], [])).toEqual([2027, 2028]);
  });

  it('counts a year being prepared as known', () => {
    expect(yearsToStartPreparing('2027-01-01', [], [2026])).toEqual([2027]);
    expect(yearsToStartPreparing('2026-12-01', [], [2026])).toEqual([2027]);
  });

  it('carries nothing forward from a database of a past year, nor starts an empty one', () => {
    expect(yearsToStartPreparing('2026-12-05', [2020], [])).toEqual([]);
    expect(yearsToStartPreparing('2026-12-05', [], [])).toEqual([]);
  });

  it('handles the leap day like any other day', () => {
    expect(yearsToStartPreparing('2028-02-29', [2027], [])).toEqual([2028]);
    expect(yearsToStartPreparing('2028-02-29', [2028], [])).toEqual([]);
  });
});
