import { describe, expect, it } from 'vitest';
import { digitPreference, type UnitDigitRow } from './digit-preference.js';
import { Q2_2020 } from './rules.fixture.js';

const unit = (code: string, stats: Partial<UnitDigitRow>): UnitDigitRow => ({
  unit: code,
  countyCode: code.slice(0, 6),
  readings: 200,
  endingZeroFive: 40,
  endingZero: 30,
  sbp130to139: 30,
  sbp140to149: 20,
  ...stats,
});

describe('digit_preference', () => {
  const p = digitPreference.parameters.parse({});

  it('judges townships with at least 100 readings by default', () => {
    expect(p).toMatchObject({ unitLevel: 4, minReadings: 100, zeroFiveShareOver: 0.5, below140RatioOver: 4 });
    expect(digitPreference.parameters.safeParse({ unitLevel: 2 }).success).toBe(false);
    expect(digitPreference.parameters.safeParse({ zeroFiveShareOver: 1.5 }).success).toBe(false);
  });

  it('flags a unit, keyed by the unit and the window, and passes an unbiased one', () => {
    const found = digitPreference.judge(
      [unit('620881100', {}), unit('620881101', { endingZeroFive: 150, endingZero: 101 })],
      p,
      Q2_2020,
    );
    expect(found).toEqual([
      {
        severity: 'warning',
        subject: 'unit:620881101:2020-01-01..2020-06-30',
        orgCode: '620881101',
        countyCode: '620881',
        residentId: null,
        serviceId: null,
        subjectDate: null,
        weight: 1,
        evidence: {
          from: '2020-01-01',
          to: '2020-06-30',
          readings: 200,
          endingZeroFive: 150,
          endingZero: 101,
          sbp130to139: 30,
          sbp140to149: 20,
          zeroFiveShare: 0.75,
          zeroShare: 0.505,
          below140Ratio: 1.5,
          flags: ['zero_five_share'],
        },
      },
    ]);
  });

  it('does not judge a unit with too few readings', () => {
    expect(
      digitPreference.judge([unit('620881100', { readings: 99, endingZeroFive: 99 })], p, Q2_2020),
    ).toEqual([]);
  });
});
