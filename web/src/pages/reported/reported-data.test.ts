import { describe, expect, it } from 'vitest';
import { entryItem, entryValuesOf, reportValueText, type StoredReport } from './reported-data';

describe('reportValueText', () => {
  it('writes a survey percentage, a ratio as a rate, a count the Chinese way', () => {
    expect(reportValueText({ numerator: null, denominator: null, percent: 21.5 }, 'zh-CN')).toBe('21.50%');
    expect(reportValueText({ numerator: 19, denominator: 20, percent: null }, 'zh-CN')).toBe('95.00%');
    expect(reportValueText({ numerator: 12_345, denominator: null, percent: null }, 'zh-CN')).toBe('1.23万');
    expect(reportValueText({ numerator: 12_345, denominator: null, percent: null }, 'en')).toBe('12,345');
    expect(reportValueText({ numerator: 0, denominator: 0, percent: null }, 'en')).toBe('—');
    expect(reportValueText({ numerator: null, denominator: null, percent: null }, 'en')).toBe('—');
  });
});

describe('entryItem', () => {
  it('leaves out empty numbers, trims the source and writes the period as the API reads it', () => {
    expect(
      entryItem({
        orgCode: '620802',
        period: ' 2020q2 ',
        indicator: 'health_supervision.inspections',
        numerator: 0,
        denominator: null,
        source: ' 巡查登记 ',
      }),
    ).toEqual({
      orgCode: '620802',
      period: '2020Q2',
      indicator: 'health_supervision.inspections',
      numerator: 0,
      source: '巡查登记',
    });
  });

  it('round-trips a stored report through the form', () => {
    const stored: StoredReport = {
      orgCode: '620802',
      orgName: '崆峒区',
      period: '2020',
      indicator: 'health_literacy.level',
      numerator: null,
      denominator: null,
      percent: 21.35,
      source: '监测',
      enteredBy: 'a',
      enteredAt: '2020-07-05T08:00:00.000Z',
    };
    expect(entryItem(entryValuesOf(stored))).toEqual({
      orgCode: '620802',
      period: '2020',
      indicator: 'health_literacy.level',
      percent: 21.35,
      source: '监测',
    });
  });
});
