import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  chineseNumeral,
  formatChineseDate,
  formatCount,
  formatPercent,
  formatThreshold,
  formatPercentPoints,
  formatWan,
  itemMarker,
  joinEnumeration,
  quarterName,
  sectionMarker,
  subsectionMarker,
  enumerationMarker,
} from './chinese-format.js';

describe('formatWan / formatCount', () => {
  it.each([
    [1_911_700, '191.17万'],
    [1_600, '0.16万'],
    [1_910_100, '191.01万'],
    [171_200, '17.12万'],
    [119_000, '11.90万'],
    [10_000, '1.00万'],
    [0, '0.00万'],
    [49, '0.00万'],
    [50, '0.01万'],
    [1_234_567_890, '123456.79万'],
  ])('formatWan(%d) = %s', (n, text) => expect(formatWan(n)).toBe(text));

  it.each([
    [8_852, '8852'],
    [600, '600'],
    [9_999, '9999'],
    [10_000, '1.00万'],
    [24_300, '2.43万'],
    [0, '0'],
  ])('formatCount(%d) = %s', (n, text) => expect(formatCount(n)).toBe(text));

  it('rounds half up on the decimal value', () => {
    expect(formatWan(15_050)).toBe('1.51万');
    expect(formatWan(15_049)).toBe('1.50万');
  });

  it('never prints more or fewer than two decimals in 万 (property)', () => {
    expect(formatCount(56_672_650)).toBe('5667.27万'); // half up: the counterexample of a float comparison
    fc.assert(
      fc.property(fc.integer({ min: 10_000, max: 100_000_000 }), (n) => {
        const text = formatCount(n);
        expect(text).toMatch(/^\d+\.\d{2}万$/);
        // In whole hundredths of 万, so that binary fractions do not count: half up is off by 50 at most.
        const hundredthsOfWan = Math.round(Number(text.slice(0, -1)) * 100);
        expect(Math.abs(hundredthsOfWan * 100 - n)).toBeLessThanOrEqual(50);
      }),
    );
  });

  it('rejects non-finite counts', () => {
    expect(() => formatCount(Number.NaN)).toThrow(/not a finite number/);
    expect(() => formatWan(Number.POSITIVE_INFINITY)).toThrow(/not a finite number/);
  });
});

describe('formatPercent', () => {
  it.each([
    [0.9014, '90.14%'],
    [0.9273, '92.73%'],
    [0.564, '56.40%'],
    [0.885, '88.50%'],
    [1, '100.00%'],
    [0, '0.00%'],
    [0.90135, '90.14%'],
    [0.90125, '90.13%'],
    [0.000049, '0.00%'],
    [0.00005, '0.01%'],
    [0.5733, '57.33%'],
    [null, '—'],
  ])('formatPercent(%s) = %s', (f, text) => expect(formatPercent(f)).toBe(text));

  it('always has two decimals and is within half a hundredth (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), (f) => {
        const text = formatPercent(f);
        expect(text).toMatch(/^\d{1,3}\.\d{2}%$/);
        expect(Math.abs(Number(text.slice(0, -1)) - f * 100)).toBeLessThanOrEqual(0.005 + 1e-9);
      }),
    );
  });

  it('percentage points are positive with two decimals', () => {
    expect(formatPercentPoints(0.9273 - 0.9014)).toBe('2.59');
    expect(formatPercentPoints(0.9014 - 0.9273)).toBe('2.59');
    expect(formatPercentPoints(1 - 0.9546)).toBe('4.54');
  });
});

describe('Chinese numerals and markers', () => {
  it.each([
    [0, '零'],
    [1, '一'],
    [2, '二'],
    [9, '九'],
    [10, '十'],
    [11, '十一'],
    [19, '十九'],
    [20, '二十'],
    [21, '二十一'],
    [99, '九十九'],
    [100, '一百'],
    [105, '一百零五'],
    [110, '一百一十'],
    [1010, '一千零一十'],
    [2020, '二千零二十'],
  ])('chineseNumeral(%d) = %s', (n, text) => expect(chineseNumeral(n)).toBe(text));

  it('rejects numbers out of range', () => {
    expect(() => chineseNumeral(-1)).toThrow(RangeError);
    expect(() => chineseNumeral(1.5)).toThrow(RangeError);
    expect(() => chineseNumeral(10_000)).toThrow(RangeError);
    expect(() => itemMarker(0)).toThrow(RangeError);
  });

  it('writes the three list levels and the enumeration like the model', () => {
    expect(sectionMarker(1)).toBe('一、');
    expect(sectionMarker(2)).toBe('二、');
    expect(subsectionMarker(1)).toBe('（一）');
    expect(subsectionMarker(6)).toBe('（六）');
    expect(itemMarker(7)).toBe('7、');
    expect(enumerationMarker(3)).toBe('三是');
  });

  it('names quarters', () => {
    expect([1, 2, 3, 4].map(quarterName)).toEqual(['第一季度', '第二季度', '第三季度', '第四季度']);
    expect(() => quarterName(5)).toThrow(RangeError);
  });
});

describe('dates', () => {
  it('writes dates without leading zeros', () => {
    expect(formatChineseDate('2020-06-30')).toBe('2020年6月30日');
    expect(formatChineseDate('2020-08-28')).toBe('2020年8月28日');
    expect(formatChineseDate('2021-01-01')).toBe('2021年1月1日');
    expect(formatChineseDate('2020-12-31')).toBe('2020年12月31日');
  });

  it('rejects non-dates, naming them', () => {
    expect(() => formatChineseDate('2020/06/30')).toThrow(/2020\/06\/30/);
    expect(() => formatChineseDate('2020-02-30')).toThrow(/not a calendar date/);
    expect(() => formatChineseDate('2021-02-29')).toThrow(/not a calendar date/);
    expect(formatChineseDate('2020-02-29')).toBe('2020年2月29日');
  });

  it('joins enumerations with 、', () => {
    expect(joinEnumeration(['华亭市82.07%', '崆峒区87.52%'])).toBe('华亭市82.07%、崆峒区87.52%');
    expect(joinEnumeration([])).toBe('');
  });
});

describe('formatThreshold', () => {
  it.each([
    [0.9, '90%'],
    [0.925, '92.5%'],
    [0.9014, '90.14%'],
    [1, '100%'],
    [0.05, '5%'],
    [0, '0%'],
  ])('%d → %s', (fraction, text) => {
    expect(formatThreshold(fraction)).toBe(text);
  });
});
