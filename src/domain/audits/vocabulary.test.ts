import { describe, expect, it } from 'vitest';
import { NOTHING, WHOLE_TREE, subtreeScope } from '../orgs/org-scope.js';
import { PLAUSIBLE_RANGES, rangesContain, spansCounties } from './vocabulary.js';

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

describe('spansCounties', () => {
  it('holds for the whole tree, a province or a city, not for a county or below', () => {
    expect(spansCounties(WHOLE_TREE)).toBe(true);
    expect(spansCounties(subtreeScope({ code: '620000', level: 1, countyCode: null }))).toBe(true);
    expect(spansCounties(subtreeScope({ code: '620800', level: 2, countyCode: null }))).toBe(true);
    expect(spansCounties(subtreeScope({ code: '620881', level: 3, countyCode: '620881' }))).toBe(false);
    expect(spansCounties(subtreeScope({ code: '620881100', level: 4, countyCode: '620881' }))).toBe(false);
    expect(spansCounties(NOTHING)).toBe(false);
  });
});
