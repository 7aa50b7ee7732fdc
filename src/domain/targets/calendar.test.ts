import { describe, expect, it } from 'vitest';
import {
  addDays,
  checkpointDates,
  daysFrom,
  daysLeft,
  latestCheckpoint,
  parseDate,
  periodEndingBy,
  periodEndingOn,
  requireDate,
  requirePeriod,
  weekday,
} from './calendar.js';
import { PlanInputError } from './plan-input-error.js';

describe('dates', () => {
  it('reads the ways people write dates', () => {
    expect(parseDate('2020-06-30')).toBe('2020-06-30');
    expect(parseDate('2020/6/3')).toBe('2020-06-03');
    expect(parseDate('2020年2月29日')).toBe('2020-02-29');
    expect(parseDate(' 2020.12.1 ')).toBe('2020-12-01');
  });
  it('refuses dates that do not exist', () => {
    expect(parseDate('2021-02-29')).toBeNull();
    expect(parseDate('2100-02-29')).toBeNull();
    expect(parseDate('2000-02-29')).toBe('2000-02-29');
    expect(parseDate('2020-13-01')).toBeNull();
    expect(parseDate('2020-04-31')).toBeNull();
    expect(parseDate('tomorrow')).toBeNull();
    expect(() => requireDate('2021-02-29', '--deadline')).toThrow(/--deadline/);
    expect(() => requireDate('x', 'deadline', 4)).toThrow(PlanInputError);
  });
  it('does day arithmetic across month and leap-year ends', () => {
    expect(addDays('2020-02-28', 1)).toBe('2020-02-29');
    expect(addDays('2020-02-29', 1)).toBe('2020-03-01');
    expect(addDays('2021-02-28', 1)).toBe('2021-03-01');
    expect(addDays('2020-12-31', 1)).toBe('2021-01-01');
    expect(daysFrom('2020-01-01', '2021-01-01')).toBe(366);
    expect(daysFrom('2021-01-01', '2022-01-01')).toBe(365);
    expect(weekday('2020-06-30')).toBe(2);
  });
});

describe('daysLeft', () => {
  it('counts calendar days from the day after as-of to the deadline inclusive', () => {
    expect(daysLeft('2020-06-20', '2020-06-30', 'calendar')).toBe(10);
    expect(daysLeft('2020-02-27', '2020-03-01', 'calendar')).toBe(3);
    expect(daysLeft('2019-02-27', '2019-03-01', 'calendar')).toBe(2);
    expect(daysLeft('2020-06-30', '2020-06-30', 'calendar')).toBe(0);
  });
  it('counts working days, skipping weekends and holidays and adding worked weekend days', () => {
    // 2020-06-22 is a Monday; 25-26 June 2020 were the Dragon Boat holiday, 28 June (Sunday) worked.
    expect(daysLeft('2020-06-21', '2020-06-28', 'working')).toBe(5);
    expect(
      daysLeft('2020-06-21', '2020-06-28', 'working', {
        holidays: ['2020-06-25', '2020-06-26'],
        workdays: ['2020-06-28'],
      }),
    ).toBe(4);
    expect(daysLeft('2020-06-26', '2020-06-28', 'working')).toBe(0);
    expect(daysLeft('2020-06-30', '2020-06-20', 'working')).toBe(-10);
  });
});

describe('periods', () => {
  // The syntax itself is tested in src/domain/periods/period.test.ts (periodOrNull).
  it('reads a typed period, naming the field when it is none', () => {
    expect(requirePeriod('2020H1', 'period')).toMatchObject({
      year: 2020,
      start: '2020-01-01',
      end: '2020-06-30',
    });
    expect(() => requirePeriod('2020Q5', 'period')).toThrow(/period/);
    expect(() => requirePeriod('2020Q5', 'period')).toThrow(PlanInputError);
  });
});

describe('checkpoints', () => {
  it('lists the 10th, 20th and last day of each month, leap years included', () => {
    expect(checkpointDates('2020-02-05', '2020-03-10')).toEqual([
      '2020-02-10',
      '2020-02-20',
      '2020-02-29',
      '2020-03-10',
    ]);
    expect(checkpointDates('2021-02-11', '2021-02-28')).toEqual(['2021-02-20', '2021-02-28']);
    expect(checkpointDates('2020-12-25', '2021-01-10')).toEqual(['2020-12-31', '2021-01-10']);
    expect(checkpointDates('2020-06-01', '2020-06-30', [15, 'last'])).toEqual(['2020-06-15', '2020-06-30']);
  });
  it('finds the latest checkpoint on or before a day', () => {
    expect(latestCheckpoint('2020-06-15')).toBe('2020-06-10');
    expect(latestCheckpoint('2020-06-10')).toBe('2020-06-10');
    expect(latestCheckpoint('2020-03-05')).toBe('2020-02-29');
    expect(latestCheckpoint('2021-01-01')).toBe('2020-12-31');
  });
  it('maps a checkpoint to the engine period ending on it', () => {
    expect(periodEndingOn('2020-02-29')).toBe('2020-02-3');
    expect(periodEndingOn('2020-06-10')).toBe('2020-06-1');
    expect(periodEndingOn('2020-06-20')).toBe('2020-06-2');
    expect(periodEndingOn('2020-06-15')).toBeNull();
    expect(periodEndingBy('2020-06-15')).toEqual({ period: '2020-06-1', end: '2020-06-10' });
    expect(periodEndingBy('2020-03-09')).toEqual({ period: '2020-02-3', end: '2020-02-29' });
    expect(periodEndingBy('2020-06-30')).toEqual({ period: '2020-06-3', end: '2020-06-30' });
  });
});
