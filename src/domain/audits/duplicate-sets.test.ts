import { describe, expect, it } from 'vitest';
import { buildDuplicateSets } from './duplicate-sets.js';

describe('buildDuplicateSets', () => {
  it('joins groups of different keys sharing a record into one set', () => {
    expect(
      buildDuplicateSets([
        { key: 0, residentIds: [9, 5] },
        { key: 1, residentIds: [9, 12] },
        { key: 1, residentIds: [30, 31, 32] },
      ]),
    ).toEqual([
      { residentIds: [5, 9, 12], keys: [0, 1] },
      { residentIds: [30, 31, 32], keys: [1] },
    ]);
  });
  it('ignores groups of one record', () => {
    expect(buildDuplicateSets([{ key: 0, residentIds: [4] }])).toEqual([]);
  });
});
