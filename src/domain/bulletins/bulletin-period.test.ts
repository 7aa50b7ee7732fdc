import { describe, expect, it } from 'vitest';
import {
  bulletinTitle,
  latestCompletedPeriod,
  nextRunDate,
  parseBulletinPeriod,
  periodContaining,
  scheduleEveryName,
} from './bulletin-period.js';

describe('bulletin periods', () => {
  it.each([
    ['2020Q2', '2020年第二季度', '第二季度', '2020-06-30'],
    ['2020Q4', '2020年第四季度', '第四季度', '2020-12-31'],
    ['2020H1', '2020年上半年', '上半年', '2020-06-30'],
    ['2020H2', '2020年下半年', '下半年', '2020-12-31'],
    ['2020', '2020年', '全年', '2020-12-31'],
    ['2020-06', '2020年6月', '6月', '2020-06-30'],
    ['2020-02-3', '2020年2月下旬', '2月下旬', '2020-02-29'],
    ['2020-06-1', '2020年6月上旬', '6月上旬', '2020-06-10'],
    ['2020-06-2', '2020年6月中旬', '6月中旬', '2020-06-20'],
  ])('%s is %s ending %s', (code, label, short, end) => {
    const p = parseBulletinPeriod(code);
    expect(p.label).toBe(label);
    expect(p.shortLabel).toBe(short);
    expect(p.end).toBe(end);
  });

  it('rejects what is not a period, naming it', () => {
    expect(() => parseBulletinPeriod('2020Q5')).toThrow(/2020Q5/);
    expect(() => parseBulletinPeriod('June')).toThrow(/June/);
  });

  it('titles the bulletin after the model', () => {
    expect(bulletinTitle('平凉市', parseBulletinPeriod('2020Q2'))).toBe(
      '平凉市2020年第二季度基本公卫服务项目工作进度情况的通报',
    );
    expect(bulletinTitle('华亭市', parseBulletinPeriod('2020-06-3'))).toBe(
      '华亭市2020年6月下旬基本公卫服务项目工作进度情况的通报',
    );
  });
});

describe('schedule periods', () => {
  it.each([
    ['quarter', '2020-07-01', '2020Q2'],
    ['quarter', '2020-06-30', '2020Q1'],
    ['quarter', '2021-01-05', '2020Q4'],
    ['month', '2020-07-01', '2020-06'],
    ['month', '2020-01-15', '2019-12'],
    ['xun', '2020-06-21', '2020-06-2'],
    ['xun', '2020-06-11', '2020-06-1'],
    ['xun', '2020-03-01', '2020-02-3'],
    ['xun', '2020-03-10', '2020-02-3'],
  ] as const)('%s schedule on %s reports %s', (every, today, period) => {
    expect(latestCompletedPeriod(every, today).text).toBe(period);
  });

  it.each([
    ['quarter', '2020-05-12', '2020-07-01'],
    ['quarter', '2020-12-31', '2021-01-01'],
    ['month', '2020-02-10', '2020-03-01'],
    ['xun', '2020-02-25', '2020-03-01'],
    ['xun', '2020-02-05', '2020-02-11'],
    ['xun', '2020-02-11', '2020-02-21'],
  ] as const)('%s schedule run on %s runs next on %s', (every, today, next) => {
    expect(nextRunDate(every, today)).toBe(next);
  });

  it('names the frequencies', () => {
    expect(['quarter', 'month', 'xun'].map((e) => scheduleEveryName(e as 'quarter').zh)).toEqual([
      '每季度',
      '每月',
      '每旬',
    ]);
  });

  it('finds the period containing a day', () => {
    expect(periodContaining('xun', '2020-06-20').text).toBe('2020-06-2');
    expect(periodContaining('quarter', '2020-04-01').text).toBe('2020Q2');
  });
});
