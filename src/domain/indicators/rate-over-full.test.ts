import { describe, expect, it } from 'vitest';
import { RATE_OVER_FULL_REMARK, rateRemark } from './rate-over-full.js';

describe('rateRemark', () => {
  it.each([
    [1.0001, RATE_OVER_FULL_REMARK],
    [3.3333, RATE_OVER_FULL_REMARK],
    [1, null],
    [0.99, null],
    [0, null],
    [null, null],
  ])('a percentage of %j → %j', (value, remark) => {
    expect(rateRemark({ unit: 'percent' }, value)).toEqual(remark);
  });

  it('a count is never remarked, however large', () => {
    expect(rateRemark({ unit: 'count' }, 12_000)).toBeNull();
  });
});
