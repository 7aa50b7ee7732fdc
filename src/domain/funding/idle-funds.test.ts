import { describe, expect, it } from 'vitest';
import { daysBetween, fundsPosition } from './idle-funds.js';

const RULE = { idleAfter: '2020-09-30', thresholdBp: 3000, lateAfterDays: 30 };
const base = { allocatedFen: 100000, advanceFen: 70000, allocatedOn: '2020-06-01' };

describe('fundsPosition', () => {
  it('is idle only after the date, and only above the threshold', () => {
    const on = fundsPosition({ ...base, disbursedFen: 0, asOf: '2020-09-30' }, RULE);
    expect(on.idle).toBe(false);
    const after = fundsPosition({ ...base, disbursedFen: 0, asOf: '2020-10-01' }, RULE);
    expect(after).toMatchObject({ idle: true, balanceFen: 100000, thresholdFen: 30000 });
    // balance exactly at the threshold is not idle; one fen above is
    expect(fundsPosition({ ...base, disbursedFen: 70000, asOf: '2020-10-01' }, RULE).idle).toBe(false);
    expect(fundsPosition({ ...base, disbursedFen: 69999, asOf: '2020-10-01' }, RULE).idle).toBe(true);
  });
  it('is late after the grace days while the advance is not paid on', () => {
    expect(fundsPosition({ ...base, disbursedFen: 0, asOf: '2020-07-01' }, RULE)).toMatchObject({
      daysSinceAllocation: 30,
      late: false,
    });
    expect(fundsPosition({ ...base, disbursedFen: 69999, asOf: '2020-07-02' }, RULE).late).toBe(true);
    expect(fundsPosition({ ...base, disbursedFen: 70000, asOf: '2020-07-02' }, RULE).late).toBe(false);
  });
  it('counts days across month and leap-year ends', () => {
    expect(daysBetween('2020-02-28', '2020-03-01')).toBe(2);
    expect(daysBetween('2020-12-31', '2021-01-01')).toBe(1);
    expect(daysBetween('2020-06-02', '2020-06-01')).toBe(-1);
  });
});
