import { describe, expect, it } from 'vitest';
import { GongweiError } from '../gongwei-error.js';
import {
  addMonthsIso,
  daysInMonth,
  isLeapYear,
  monthsElapsed,
  parsePeriod,
  PeriodError,
  periodLabel,
  periodOrNull,
  slotEnd,
  slotOfDate,
  slotPeriod,
} from './period.js';

describe('parsePeriod', () => {
  it.each([
    ['2020', 'year', '2020-01-01', '2020-12-31', 35],
    ['2020H1', 'half', '2020-01-01', '2020-06-30', 17],
    ['2020h2', 'half', '2020-07-01', '2020-12-31', 35],
    ['2020Q1', 'quarter', '2020-01-01', '2020-03-31', 8],
    ['2020Q2', 'quarter', '2020-04-01', '2020-06-30', 17],
    ['2020Q3', 'quarter', '2020-07-01', '2020-09-30', 26],
    ['2020q4', 'quarter', '2020-10-01', '2020-12-31', 35],
    ['2020-06', 'month', '2020-06-01', '2020-06-30', 17],
    ['2021-02', 'month', '2021-02-01', '2021-02-28', 5],
    ['2020-06-1', 'dekad', '2020-06-01', '2020-06-10', 15],
    ['2020-06-2', 'dekad', '2020-06-11', '2020-06-20', 16],
    ['2020-06-3', 'dekad', '2020-06-21', '2020-06-30', 17],
    ['2020-01-3', 'dekad', '2020-01-21', '2020-01-31', 2],
    ['2020-02-3', 'dekad', '2020-02-21', '2020-02-29', 5],
    ['2019-02-3', 'dekad', '2019-02-21', '2019-02-28', 5],
    ['2000-02-3', 'dekad', '2000-02-21', '2000-02-29', 5],
    ['2100-02-3', 'dekad', '2100-02-21', '2100-02-28', 5],
    ['2020-12-3', 'dekad', '2020-12-21', '2020-12-31', 35],
  ])('%s is a %s from %s to %s ending in slot %i', (text, kind, start, end, slot) => {
    const p = parsePeriod(text);
    expect(p).toMatchObject({ kind, start, end, endSlot: slot, ytdStart: `${text.slice(0, 4)}-01-01` });
    expect(slotEnd(p.year, p.endSlot)).toBe(end);
  });

  it('canonicalises the text', () => {
    expect(parsePeriod(' 2020q2 ').text).toBe('2020Q2');
    expect(parsePeriod('2020h1').text).toBe('2020H1');
  });

  it.each([
    '',
    '20',
    '2020Q5',
    '2020Q0',
    '2020H3',
    '2020-13',
    '2020-00',
    '2020-06-4',
    '2020-06-0',
    '2020-6',
    '1800',
    'abc',
    '2020/06',
  ])('rejects %j with a message naming it and the accepted forms', (text) => {
    expect(() => parsePeriod(text)).toThrow(PeriodError);
    expect(() => parsePeriod(text)).toThrow(
      text === '' ? /accepted|must/ : new RegExp(text.replace(/[/]/g, '\\/')),
    );
  });
});

describe('periodOrNull', () => {
  // Moved from the targets calendar, which parsed the period syntax a second time.
  it('gives the first and last day of every period syntax', () => {
    expect(periodOrNull('2020')).toMatchObject({
      text: '2020',
      year: 2020,
      start: '2020-01-01',
      end: '2020-12-31',
    });
    expect(periodOrNull('2020H1')?.end).toBe('2020-06-30');
    expect(periodOrNull('2020H2')?.start).toBe('2020-07-01');
    expect(periodOrNull('2020Q1')?.end).toBe('2020-03-31');
    expect(periodOrNull('2020Q2')).toMatchObject({ start: '2020-04-01', end: '2020-06-30' });
    expect(periodOrNull('2020-02')?.end).toBe('2020-02-29');
    expect(periodOrNull('2021-02')?.end).toBe('2021-02-28');
    expect(periodOrNull('2020-02-1')).toMatchObject({ start: '2020-02-01', end: '2020-02-10' });
    expect(periodOrNull('2020-02-2')).toMatchObject({ start: '2020-02-11', end: '2020-02-20' });
    expect(periodOrNull('2020-02-3')).toMatchObject({ start: '2020-02-21', end: '2020-02-29' });
    expect(periodOrNull('2020-13')).toBeNull();
    expect(periodOrNull('2020H3')).toBeNull();
    expect(() => parsePeriod('2020Q5')).toThrow(/period/);
  });

  it('is a 400 blaming the field period', () => {
    const error = (() => {
      try {
        parsePeriod('2020Q5');
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(GongweiError);
    expect(error).toMatchObject({ code: 'bad_request', status: 400, field: 'period' });
  });
});

describe('calendar helpers', () => {
  it('knows leap years', () => {
    expect([1900, 2000, 2019, 2020, 2100].map(isLeapYear)).toEqual([false, true, false, true, false]);
    expect(daysInMonth(2020, 2)).toBe(29);
    expect(daysInMonth(2021, 2)).toBe(28);
    expect(daysInMonth(2019, 2)).toBe(28);
    expect(daysInMonth(2021, 4)).toBe(30);
    expect(daysInMonth(2021, 12)).toBe(31);
  });

  it('maps dates to 旬 slots at the boundaries', () => {
    expect(slotOfDate('2020-01-01')).toBe(0);
    expect(slotOfDate('2020-01-10')).toBe(0);
    expect(slotOfDate('2020-01-11')).toBe(1);
    expect(slotOfDate('2020-01-20')).toBe(1);
    expect(slotOfDate('2020-01-21')).toBe(2);
    expect(slotOfDate('2020-02-29')).toBe(5);
    expect(slotOfDate('2020-12-31')).toBe(35);
  });

  it('gives every slot end and its period', () => {
    expect(slotEnd(2020, 5)).toBe('2020-02-29');
    expect(slotEnd(2021, 5)).toBe('2021-02-28');
    expect(slotPeriod(2020, 16).text).toBe('2020-06-2');
    for (let s = 0; s < 36; s++) expect(slotOfDate(slotEnd(2020, s))).toBe(s);
  });

  it('counts months elapsed with 旬 as thirds', () => {
    expect(monthsElapsed(17)).toBe(6);
    expect(monthsElapsed(35)).toBe(12);
    expect(monthsElapsed(15)).toBeCloseTo(5 + 1 / 3, 12);
  });

  it('shifts dates by months, clamping to the month end', () => {
    expect(addMonthsIso('2020-05-31', -3)).toBe('2020-02-29');
    expect(addMonthsIso('2021-05-31', -3)).toBe('2021-02-28');
    expect(addMonthsIso('2020-03-10', -12)).toBe('2019-03-10');
    expect(addMonthsIso('2020-01-31', 1)).toBe('2020-02-29');
    expect(addMonthsIso('2020-12-31', 1)).toBe('2021-01-31');
  });

  it('labels periods in Chinese and English', () => {
    expect(periodLabel(parsePeriod('2020Q2'))).toEqual({ zh: '2020年第2季度', en: '2020 Q2' });
    expect(periodLabel(parsePeriod('2020H1')).zh).toBe('2020年上半年');
    expect(periodLabel(parsePeriod('2020-06-2')).zh).toBe('2020年6月中旬');
    expect(periodLabel(parsePeriod('2020-06')).zh).toBe('2020年6月');
    expect(periodLabel(parsePeriod('2020')).zh).toBe('2020年');
  });
});
