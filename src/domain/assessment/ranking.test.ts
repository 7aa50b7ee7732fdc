import { describe, expect, it } from 'vitest';
import { compareRuns, rankUnits } from './ranking.js';

const u = (code: string, convertedCenti: number) => ({ code, convertedCenti, totalCenti: convertedCenti });

describe('ranking', () => {
  it('shares a rank between equal scores and skips the next', () => {
    expect(
      rankUnits([u('c', 8000), u('a', 9000), u('b', 9000), u('d', 7000)]).map((x) => [x.code, x.rank]),
    ).toEqual([
      ['a', 1],
      ['b', 1],
      ['c', 3],
      ['d', 4],
    ]);
  });

  it('ranks nothing as nothing', () => {
    expect(rankUnits([])).toEqual([]);
  });

  it('compares with the previous run, new units without change', () => {
    const out = compareRuns(
      [
        { code: 'a', convertedCenti: 9000, rank: 1 },
        { code: 'n', convertedCenti: 5000, rank: 2 },
      ],
      [
        { code: 'a', convertedCenti: 8550, rank: 3 },
        { code: 'gone', convertedCenti: 1, rank: 1 },
      ],
    );
    expect(out).toEqual([
      {
        code: 'a',
        convertedCenti: 9000,
        rank: 1,
        previousCenti: 8550,
        previousRank: 3,
        changeCenti: 450,
        rankChange: 2,
      },
      {
        code: 'n',
        convertedCenti: 5000,
        rank: 2,
        previousCenti: null,
        previousRank: null,
        changeCenti: null,
        rankChange: null,
      },
    ]);
  });
});
