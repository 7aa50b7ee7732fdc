import { describe, expect, it } from 'vitest';
import { excelSerialToIso, parseChineseDate } from './chinese-date.js';

describe('parseChineseDate', () => {
  it.each([
    ['2020-06-30', '2020-06-30'],
    ['2020/6/30', '2020-06-30'],
    ['2020/06/30', '2020-06-30'],
    ['2020.6.30', '2020-06-30'],
    ['2020年6月30日', '2020-06-30'],
    ['2020年06月30日', '2020-06-30'],
    ['2020 年 6 月 30 日', '2020-06-30'],
    ['20200630', '2020-06-30'],
    ['２０２０－０６－３０', '2020-06-30'],
    ['２０２０年６月３０日', '2020-06-30'],
    ['  2020-6-1 ', '2020-06-01'],
    ['2020/6/30 0:00:00', '2020-06-30'],
    ['2020-06-30T08:15', '2020-06-30'],
    ['2020-02-29', '2020-02-29'],
    ['2000-02-29', '2000-02-29'],
    ['44012', '2020-06-30'],
    ['44012.5', '2020-06-30'],
    // Exports often drop the closing 日.
    ['2020年6月30', '2020-06-30'],
  ])('reads %s as %s', (text, iso) => {
    expect(parseChineseDate(text)).toEqual({ ok: true, value: iso });
  });

  it.each([
    '2019-02-29',
    '1900-02-29',
    '2020-02-30',
    '2020-13-01',
    '2020-00-10',
    '2020-06-31',
    '20201301',
    '1899-12-31',
    '2101-01-01',
    '30/06/2020',
    '2020-6',
    'abc',
    '',
    '六月三十日',
  ])('refuses %s', (text) => {
    expect(parseChineseDate(text)).toEqual({ ok: false });
  });

  it('reads Excel serial numbers given as numbers', () => {
    expect(parseChineseDate(43982)).toEqual({ ok: true, value: '2020-05-31' });
    expect(parseChineseDate(0)).toEqual({ ok: false });
    expect(parseChineseDate(Number.NaN)).toEqual({ ok: false });
  });
});

describe('excelSerialToIso', () => {
  it('follows the 1900 date system past its fake leap day', () => {
    expect(excelSerialToIso(61)).toBe('1900-03-01');
    expect(excelSerialToIso(36526)).toBe('2000-01-01');
    expect(excelSerialToIso(43890)).toBe('2020-02-29');
    expect(excelSerialToIso(73415)).toBe('2100-12-31');
  });

  it('refuses serials of January–February 1900 (ambiguous) and beyond 2100', () => {
    expect(excelSerialToIso(60)).toBeNull();
    expect(excelSerialToIso(1)).toBeNull();
    expect(excelSerialToIso(73416)).toBeNull();
    expect(excelSerialToIso(-5)).toBeNull();
  });
});
