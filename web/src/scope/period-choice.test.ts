import { describe, expect, it } from 'vitest';
import {
  monthsToDate,
  PERIODS_PER_YEAR,
  periodChoice,
  periodLabel,
  periodText,
  previousPeriod,
  type PeriodKind,
} from './period-choice';

describe('period choices', () => {
  it('writes the texts the API reads', () => {
    expect(periodText({ year: 2020, kind: 'year', index: 1 })).toBe('2020');
    expect(periodText({ year: 2020, kind: 'half', index: 1 })).toBe('2020H1');
    expect(periodText({ year: 2020, kind: 'quarter', index: 2 })).toBe('2020Q2');
    expect(periodText({ year: 2020, kind: 'month', index: 6 })).toBe('2020-06');
    expect(periodText({ year: 2020, kind: 'dekad', index: 1 })).toBe('2020-01-1');
    expect(periodText({ year: 2020, kind: 'dekad', index: 17 })).toBe('2020-06-2');
    expect(periodText({ year: 2020, kind: 'dekad', index: 36 })).toBe('2020-12-3');
  });

  it('reads back every period of every kind it writes', () => {
    for (const kind of Object.keys(PERIODS_PER_YEAR) as PeriodKind[]) {
      for (let index = 1; index <= PERIODS_PER_YEAR[kind]; index += 1) {
        const choice = { year: 2021, kind, index };
        expect(periodChoice(periodText(choice))).toEqual(choice);
      }
    }
  });

  it('refuses texts that are not periods', () => {
    for (const text of ['', '2020H3', '2020Q5', '2020-13', '2020-00', '2020-06-4', '20201', 'x']) {
      expect(periodChoice(text)).toBeNull();
    }
  });

  it('steps back one period, across the new year', () => {
    expect(previousPeriod({ year: 2020, kind: 'quarter', index: 2 })).toEqual({
      year: 2020,
      kind: 'quarter',
      index: 1,
    });
    expect(previousPeriod({ year: 2020, kind: 'quarter', index: 1 })).toEqual({
      year: 2019,
      kind: 'quarter',
      index: 4,
    });
    expect(previousPeriod({ year: 2020, kind: 'dekad', index: 1 })).toEqual({
      year: 2019,
      kind: 'dekad',
      index: 36,
    });
    expect(previousPeriod({ year: 2020, kind: 'year', index: 1 })).toEqual({
      year: 2019,
      kind: 'year',
      index: 1,
    });
  });

  it('lists the months of the year up to the period end', () => {
    expect(monthsToDate({ year: 2020, kind: 'half', index: 1 })).toHaveLength(6);
    expect(monthsToDate({ year: 2020, kind: 'quarter', index: 2 }).at(-1)).toBe('2020-06');
    expect(monthsToDate({ year: 2020, kind: 'dekad', index: 17 }).at(-1)).toBe('2020-06');
    expect(monthsToDate({ year: 2020, kind: 'year', index: 1 })).toHaveLength(12);
  });

  it('labels periods as a bureau speaks them', () => {
    expect(periodLabel({ year: 2020, kind: 'half', index: 1 }, 'zh-CN')).toBe('2020年上半年');
    expect(periodLabel({ year: 2020, kind: 'quarter', index: 2 }, 'zh-CN')).toBe('2020年第二季度');
    expect(periodLabel({ year: 2020, kind: 'month', index: 6 }, 'zh-CN')).toBe('2020年6月');
    expect(periodLabel({ year: 2020, kind: 'dekad', index: 16 }, 'zh-CN')).toBe('2020年6月上旬');
    expect(periodLabel({ year: 2020, kind: 'quarter', index: 2 }, 'en')).toBe('2020 Q2');
  });
});
