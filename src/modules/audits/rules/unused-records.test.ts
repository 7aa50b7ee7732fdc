import { describe, expect, it } from 'vitest';
import { unusedRecords, unusedSince } from './unused-records.js';

describe('unused_records', () => {
  it('defaults to 12 months and refuses less than one', () => {
    expect(unusedRecords.parameters.parse({})).toEqual({ months: 12 });
    expect(unusedRecords.parameters.safeParse({ months: 0 }).success).toBe(false);
    expect(unusedRecords.parameters.safeParse({ months: 1.5 }).success).toBe(false);
  });

  it('counts the months of use back from the as-of date', () => {
    expect(unusedSince('2020-06-30', 12)).toBe('2019-06-30');
    expect(unusedSince('2020-03-31', 1)).toBe('2020-02-29');
  });
});
