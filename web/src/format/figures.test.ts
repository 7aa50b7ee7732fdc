import { describe, expect, it } from 'vitest';
import { formatCount, formatDate, formatGap, formatRate, isOverHundred } from './figures';

describe('figures as a bureau writes them', () => {
  it('counts of 10,000 and more in 万 with two decimals, smaller ones with separators', () => {
    expect(formatCount(1_911_700, 'zh-CN')).toBe('191.17万');
    expect(formatCount(10_000, 'zh-CN')).toBe('1.00万');
    expect(formatCount(9_999, 'zh-CN')).toBe('9,999');
    expect(formatCount(0, 'zh-CN')).toBe('0');
    expect(formatCount(1_911_700, 'en')).toBe('1,911,700');
  });

  it('rates with two decimals and %, a dash without a denominator', () => {
    expect(formatRate(0.85234)).toBe('85.23%');
    expect(formatRate(0.852351)).toBe('85.24%');
    expect(formatRate(1)).toBe('100.00%');
    expect(formatRate(null)).toBe('—');
    expect(formatRate(Number.NaN)).toBe('—');
  });

  it('flags a rate above 100 % but not 100 % itself', () => {
    expect(isOverHundred(1)).toBe(false);
    expect(isOverHundred(1.0001)).toBe(true);
    expect(isOverHundred(null)).toBe(false);
  });

  it('gaps in percentage points, signed', () => {
    expect(formatGap(0.8, 0.85, 'zh-CN')).toBe('-5.00个百分点');
    expect(formatGap(0.9, 0.85, 'zh-CN')).toBe('+5.00个百分点');
    expect(formatGap(0.9, 0.85, 'en')).toBe('+5.00 pp');
    expect(formatGap(null, 0.85, 'en')).toBe('—');
  });

  it('dates as 2020年6月30日 without leading zeros', () => {
    expect(formatDate('2020-06-30', 'zh-CN')).toBe('2020年6月30日');
    expect(formatDate('2020-01-01T08:00:00Z', 'zh-CN')).toBe('2020年1月1日');
    expect(formatDate('2020-06-30', 'en')).toBe('30 Jun 2020');
    expect(formatDate('not a date', 'en')).toBe('not a date');
  });
});
