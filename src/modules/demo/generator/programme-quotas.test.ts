import { describe, expect, it } from 'vitest';
import { allocateByTownship } from './programme-quotas.js';

describe('allocateByTownship', () => {
  it('keeps each township within the whole part of its bound, the rest going elsewhere', () => {
    expect(
      allocateByTownship(4, ['a', 'a', 'b'], [1, 1, 2], { caps: [9, 9, 9], bounds: [0.8, 0.8, 3] }),
    ).toEqual([1, 0, 3]);
  });

  it('splits as one proportional allocation per township without bounds, minimums first', () => {
    expect(allocateByTownship(10, ['a', 'a', 'b', 'b'], [1, 1, 1, 1], { caps: [9, 9, 9, 9] })).toEqual([
      3, 2, 3, 2,
    ]);
    expect(allocateByTownship(4, ['a', 'b'], [1, 1], { caps: [9, 9], mins: [0, 3], bounds: [9, 1] })).toEqual(
      [1, 3],
    );
  });
});
