import { describe, expect, it } from 'vitest';
import { settle } from './settlement.js';

describe('settle', () => {
  it('pays the settlement base in proportion to the score', () => {
    expect(settle({ amountFen: 100000, advanceFen: 70000, scoreCenti: 8500, maxCenti: 10000 })).toMatchObject(
      {
        settlementBaseFen: 30000,
        settledFen: 25500,
        withheldFen: 4500,
        finalFen: 95500,
      },
    );
  });
  it('full marks pay everything, zero pays nothing beyond the advance', () => {
    expect(settle({ amountFen: 333, advanceFen: 233, scoreCenti: 10000, maxCenti: 10000 }).finalFen).toBe(
      333,
    );
    expect(settle({ amountFen: 333, advanceFen: 233, scoreCenti: 0, maxCenti: 10000 })).toMatchObject({
      settledFen: 0,
      withheldFen: 100,
      finalFen: 233,
    });
  });
  it('rounds half up to a fen, exactly', () => {
    // 1 fen × 50 % = 0.5 → 1; 3 fen × 1/3 = 1
    expect(settle({ amountFen: 1, advanceFen: 0, scoreCenti: 5000, maxCenti: 10000 }).settledFen).toBe(1);
    expect(settle({ amountFen: 3, advanceFen: 0, scoreCenti: 1, maxCenti: 3 }).settledFen).toBe(1);
    // 0.4999 → 0
    expect(settle({ amountFen: 1, advanceFen: 0, scoreCenti: 4999, maxCenti: 10000 }).settledFen).toBe(0);
  });
  it('waits without a score and refuses a score above full marks', () => {
    expect(settle({ amountFen: 100, advanceFen: 70, scoreCenti: null, maxCenti: 10000 })).toMatchObject({
      settlementBaseFen: 30,
      settledFen: null,
      finalFen: null,
    });
    expect(() => settle({ amountFen: 100, advanceFen: 70, scoreCenti: 10001, maxCenti: 10000 })).toThrow(
      /score/,
    );
    expect(() => settle({ amountFen: 100, advanceFen: 70, scoreCenti: -1, maxCenti: 10000 })).toThrow(
      /score/,
    );
  });
});
