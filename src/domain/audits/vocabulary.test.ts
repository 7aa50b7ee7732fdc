import { describe, expect, it } from 'vitest';
import { PLAUSIBLE_RANGES, rangesContain } from './vocabulary.js';

describe('rangesContain', () => {
  it('holds when every outer range contains the inner one, bounds included', () => {
    expect(rangesContain(PLAUSIBLE_RANGES, PLAUSIBLE_RANGES)).toBe(true);
    expect(rangesContain({ sbp: { min: 50, max: 300 } }, { sbp: { min: 60, max: 260 } })).toBe(true);
    expect(rangesContain({ sbp: { min: 60, max: 260 } }, { sbp: { min: 60, max: 260 } })).toBe(true);
  });

  it('fails when an outer range is narrower at either end, or checks a value the inner does not', () => {
    expect(rangesContain({ sbp: { min: 61, max: 260 } }, { sbp: { min: 60, max: 260 } })).toBe(false);
    expect(rangesContain({ sbp: { min: 60, max: 259.9 } }, { sbp: { min: 60, max: 260 } })).toBe(false);
    expect(rangesContain({ waist: { min: 40, max: 170 } }, { sbp: { min: 60, max: 260 } })).toBe(false);
    // A value the outer ranges do not check breaks none of them.
    expect(rangesContain({}, { sbp: { min: 60, max: 260 } })).toBe(true);
  });
});
