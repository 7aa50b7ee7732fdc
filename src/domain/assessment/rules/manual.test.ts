import { describe, expect, it } from 'vitest';
import { manual } from './manual.js';
import { facts } from './rules.fixture.js';

const S = { rule: 'manual' } as const;

describe('manual entry', () => {
  it('takes the entered score, including 0 and full marks', () => {
    expect(manual.score(500, S, facts(null, null, { entered: 420 }))).toMatchObject({
      centi: 420,
      status: 'scored',
    });
    expect(manual.score(500, S, facts(null, null, { entered: 0 })).centi).toBe(0);
    expect(manual.score(500, S, facts(null, null, { entered: 500 })).centi).toBe(500);
  });

  it('marks a missing entry and counts 0', () => {
    expect(manual.score(500, S, facts(null, null))).toMatchObject({ centi: 0, status: 'missing' });
  });

  it('refuses an entry above the points or negative', () => {
    expect(() => manual.score(500, S, facts(null, null, { entered: 501 }))).toThrow(RangeError);
    expect(() => manual.score(500, S, facts(null, null, { entered: -1 }))).toThrow(RangeError);
  });
});
