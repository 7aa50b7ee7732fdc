import { describe, expect, it } from 'vitest';
import { INDICATORS } from './catalogue.js';
import { judgeIndicators, PLAUSIBLE_RANGES } from './plausible-ranges.js';

describe('plausible ranges', () => {
  it('gives every catalogue indicator exactly one range, and no range to anything else', () => {
    expect(Object.keys(PLAUSIBLE_RANGES).sort()).toEqual(INDICATORS.map((i) => i.id).sort());
  });

  it('bounds counts at 0 with no maximum, and percentages within 0–100 %', () => {
    for (const i of INDICATORS) {
      const r = PLAUSIBLE_RANGES[i.id]!;
      expect([i.id, r.basis.length > 5]).toEqual([i.id, true]);
      if (i.unit === 'count') expect([i.id, r.min, r.max, r.accumulates]).toEqual([i.id, 0, null, undefined]);
      else {
        expect([i.id, r.min >= 0 && r.min < r.max! && r.max! <= 1]).toEqual([i.id, true]);
        // Only year-to-date figures build up through the year.
        if (r.accumulates) expect([i.id, i.period]).toEqual([i.id, 'ytd']);
      }
    }
  });

  it('holds the bulletin’s own figures for 2020Q2 to be plausible', () => {
    expect(
      judgeIndicators([
        { indicator: 'records.effective_rate', value: 0.8207 },
        { indicator: 'elderly.checkup_rate', value: 0.3998 },
        { indicator: 'maternal.postpartum_42d_rate', value: 0.436 },
        { indicator: 'child.followup_rate', value: 0.5769 },
        { indicator: 'tuberculosis.followup_rate', value: 0.2277 },
        { indicator: 'severe_mental.followup_rate', value: 0.683 },
        { indicator: 'hypertension.followup2_rate', value: 0.9406 },
        { indicator: 'tuberculosis.managed', value: 600 },
      ]),
    ).toEqual([]);
  });

  it('names a rate above 100 % and one below its minimum, with the reason', () => {
    const out = judgeIndicators([
      { indicator: 'severe_mental.management_rate', value: 3.3333 },
      { indicator: 'elderly.management_rate', value: 0.8 },
      { indicator: 'vaccination.mmr_coverage', value: 0.62 },
      { indicator: 'hypertension.control_rate', value: 0.97 },
    ]);
    expect(out.map((x) => [x.indicator, x.value])).toEqual([
      ['severe_mental.management_rate', 3.3333],
      ['vaccination.mmr_coverage', 0.62],
      ['hypertension.control_rate', 0.97],
    ]);
    expect(out[0]!.reason).toMatch(/^333\.33 % is above 100 % \(/);
    expect(out[1]!.reason).toMatch(/^62 % is below the plausible 80 % \(.*90 %/);
    expect(out[2]!.reason).toMatch(/^97 % is above the plausible 90 % \(/);
  });

  it('judges counts whole and not negative, without a maximum', () => {
    const out = judgeIndicators([
      { indicator: 'tuberculosis.managed', value: -1 },
      { indicator: 'records.total', value: 2.5 },
      { indicator: 'health_education.participants', value: 10_000_000 },
    ]);
    expect(out.map((x) => [x.indicator, x.reason])).toEqual([
      ['tuberculosis.managed', '-1 is below the plausible 0 (a count: whole and never negative)'],
      ['records.total', '2.5 is no whole count'],
    ]);
  });

  it('judges the minimum of a building-up figure from the half year on, its maximum always', () => {
    const early = [
      { indicator: 'hypertension.followup2_rate', value: 0.05 },
      { indicator: 'elderly.checkup_rate', value: 1.2 },
      { indicator: 'hypertension.control_rate', value: 0.1 },
    ];
    expect(judgeIndicators(early, { monthsElapsed: 3 }).map((x) => x.indicator)).toEqual([
      'elderly.checkup_rate',
      'hypertension.control_rate',
    ]);
    expect(judgeIndicators(early, { monthsElapsed: 6 }).map((x) => x.indicator)).toEqual([
      'hypertension.followup2_rate',
      'elderly.checkup_rate',
      'hypertension.control_rate',
    ]);
    expect(judgeIndicators(early).map((x) => x.indicator)).toHaveLength(3);
  });

  it('judges a bound only over a denominator holding one person at it, but over 100 % always', () => {
    const of = (
      denominator: number,
      value: number,
      indicator = 'contracts.contract_rate_key_tuberculosis',
    ): number[] => judgeIndicators([{ indicator, value, denominator }]).map(() => denominator);
    expect(of(3, 0)).toEqual([]);
    expect(of(9, 0)).toEqual([]);
    expect(of(10, 0)).toEqual([10]);
    expect(of(3, 1, 'hypertension.control_rate')).toEqual([]);
    expect(of(10, 1, 'hypertension.control_rate')).toEqual([10]);
    expect(of(2, 1.5, 'severe_mental.management_rate')).toEqual([2]);
    expect(of(2, 1.5, 'hypertension.control_rate')).toEqual([2]);
  });

  it('skips values without a figure and names an indicator it does not know', () => {
    expect(
      judgeIndicators([
        { indicator: 'elderly.management_rate', value: null },
        { indicator: 'nope.rate', value: 0.5 },
      ]),
    ).toEqual([
      { indicator: 'nope.rate', value: 0.5, range: null, reason: 'nope.rate has no plausible range' },
    ]);
  });
});
