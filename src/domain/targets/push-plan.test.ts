import { describe, expect, it } from 'vitest';
import type { PlanInputError } from './plan-input-error.js';
import { computePushPlan, readPushPlanTable, type PushPlanInput } from './push-plan.js';
import type { Table } from './table-cells.js';

function input(partial: Partial<PushPlanInput> & { unit: string; done: number }): PushPlanInput {
  return {
    row: 2,
    task: '高血压健康管理',
    target: null,
    base: null,
    rate: null,
    leader: null,
    phone: null,
    ...partial,
  };
}

describe('push-plan arithmetic', () => {
  it('computes remaining, days left and per-day quota, with a total row per task', () => {
    const plan = computePushPlan(
      [
        input({ unit: '北坪', target: 1465, done: 1000, leader: '杨洁', phone: '0937-1234567' }),
        input({ unit: '玉关', base: 2976, rate: 0.45, done: 1339 }),
        input({ unit: '北坪', task: '老年人体检', target: 960, done: 900 }),
      ],
      { asOf: '2020-06-20', deadline: '2020-06-30', days: 'calendar' },
    );
    expect(plan.daysLeft).toBe(10);
    expect(
      plan.rows.map((r) => [r.unit, r.task, r.target, r.done, r.remaining, r.daysLeft, r.perDay, r.total]),
    ).toEqual([
      ['北坪', '高血压健康管理', 1465, 1000, 465, 10, 47, false],
      // 2976 × 0.45 = 1339.2 → 1339, all done
      ['玉关', '高血压健康管理', 1339, 1339, 0, 10, 0, false],
      ['合计', '高血压健康管理', 2804, 2339, 465, 10, 47, true],
      ['北坪', '老年人体检', 960, 900, 60, 10, 6, false],
      ['合计', '老年人体检', 960, 900, 60, 10, 6, true],
    ]);
    expect(plan.rows[0]).toMatchObject({ leader: '杨洁', phone: '0937-1234567' });
  });
  it('rounds the target half up from base × rate', () => {
    const plan = computePushPlan([input({ unit: 'a', base: 1465, rate: 0.3, done: 0 })], {
      asOf: '2020-06-29',
      deadline: '2020-06-30',
      days: 'calendar',
    });
    expect(plan.rows[0]?.target).toBe(440);
  });
  it('gives remaining 0 when done is above target', () => {
    const plan = computePushPlan([input({ unit: 'a', target: 100, done: 130 })], {
      asOf: '2020-06-01',
      deadline: '2020-06-30',
      days: 'calendar',
    });
    expect(plan.rows[0]).toMatchObject({ remaining: 0, perDay: 0 });
    // The total's remaining is the sum of what is missing, not the net of surpluses.
    const two = computePushPlan(
      [input({ unit: 'a', target: 100, done: 130 }), input({ unit: 'b', target: 100, done: 50 })],
      { asOf: '2020-06-01', deadline: '2020-06-30', days: 'calendar' },
    );
    expect(two.rows[2]).toMatchObject({ total: true, target: 200, done: 180, remaining: 50, perDay: 2 });
  });
  it('counts days across month ends and leap days', () => {
    const over = (asOf: string, deadline: string): number =>
      computePushPlan([input({ unit: 'a', target: 100, done: 0 })], { asOf, deadline, days: 'calendar' })
        .rows[0]!.perDay;
    // 28 Feb → 29 Feb 2020 is one day left: the whole 100 in a day.
    expect(
      computePushPlan([input({ unit: 'a', target: 100, done: 0 })], {
        asOf: '2020-02-28',
        deadline: '2020-02-29',
        days: 'calendar',
      }).daysLeft,
    ).toBe(1);
    expect(over('2020-02-28', '2020-02-29')).toBe(100);
    // 2020-02-27 → 2020-03-01: 28, 29 Feb, 1 Mar = 3 days → ceil(100/3) = 34; 2019 has no 29 Feb.
    expect(over('2020-02-27', '2020-03-01')).toBe(34);
    expect(over('2019-02-27', '2019-03-01')).toBe(50);
    expect(over('2020-05-31', '2020-06-30')).toBe(4);
    expect(over('2020-12-30', '2021-01-02')).toBe(34);
  });
  it('counts working days, skipping weekends and the holiday list', () => {
    const plan = (calendar: { holidays?: string[]; workdays?: string[] }) =>
      computePushPlan([input({ unit: 'a', target: 100, done: 10 })], {
        asOf: '2020-06-19',
        deadline: '2020-06-30',
        days: 'working',
        ...calendar,
      });
    // 22–26, 29, 30 June 2020 = 7 working days.
    expect(plan({}).rows[0]).toMatchObject({ daysLeft: 7, perDay: 13 });
    // Dragon Boat 25–26 June off, Sunday 28 June worked: 6.
    expect(plan({ holidays: ['2020-06-25', '2020-06-26'], workdays: ['2020-06-28'] }).rows[0]).toMatchObject({
      daysLeft: 6,
      perDay: 15,
    });
  });
  it('refuses a deadline already passed, or no working day left, with a clear error', () => {
    const rows = [input({ unit: 'a', target: 100, done: 10 })];
    expect(() =>
      computePushPlan(rows, { asOf: '2020-07-01', deadline: '2020-06-30', days: 'calendar' }),
    ).toThrow(
      '截止日期 2020-06-30 已过（统计日期 2020-07-01） | deadline: the deadline 2020-06-30 has passed (as of 2020-07-01)',
    );
    expect(() =>
      computePushPlan(rows, { asOf: '2020-06-30', deadline: '2020-06-30', days: 'calendar' }),
    ).toThrow(/has passed/);
    expect(() =>
      computePushPlan(rows, { asOf: '2020-06-26', deadline: '2020-06-28', days: 'working' }),
    ).toThrow(/no working day/);
  });
  it('needs a target or base and rate on every row', () => {
    expect(() =>
      computePushPlan([input({ unit: 'a', row: 7, base: 10, done: 1 })], {
        asOf: '2020-06-01',
        deadline: '2020-06-30',
        days: 'calendar',
      }),
    ).toThrow(/row 7, column target/);
    expect(() =>
      computePushPlan([input({ unit: 'a', row: 7, base: 10, rate: 2, done: 1 })], {
        asOf: '2020-06-01',
        deadline: '2020-06-30',
        days: 'calendar',
      }),
    ).toThrow(/row 7, column rate/);
  });
});

function table(headers: string[], ...rows: (string | number | null)[][]): Table {
  return { headers, rows: rows.map((cells, i) => ({ row: i + 2, cells })) };
}

describe('reading a push-plan table', () => {
  it('reads Chinese and English headers, percentages and full-width digits', () => {
    const rows = readPushPlanTable(
      table(
        ['单位', '任务', '基数', '目标率', '已完成', '负责人', '联系电话'],
        ['北坪', '建档', '２４０００', '80%', '1,200', '杨洁', '0937'],
      ),
    );
    expect(rows).toEqual([
      {
        row: 2,
        unit: '北坪',
        task: '建档',
        target: null,
        base: 24000,
        rate: 0.8,
        done: 1200,
        leader: '杨洁',
        phone: '0937',
      },
    ]);
    expect(readPushPlanTable(table(['unit', 'task', 'target', 'done'], ['a', 'b', 5, 0]))[0]).toMatchObject({
      target: 5,
    });
  });
  const fail = (t: Table): PlanInputError => {
    try {
      readPushPlanTable(t);
    } catch (error) {
      return error as PlanInputError;
    }
    throw new Error('no error');
  };
  it('names the missing column', () => {
    expect(fail(table(['单位', '目标数', '已完成'], ['a', 1, 1])).location).toEqual({
      row: 1,
      column: '任务',
    });
    expect(fail(table(['单位', '任务', '已完成'], ['a', 'b', 1])).location).toEqual({
      row: 1,
      column: '目标数',
    });
    expect(fail(table(['单位', '任务', '基数', '已完成'], ['a', 'b', 1, 1])).location).toEqual({
      row: 1,
      column: '目标率',
    });
    expect(fail(table(['单位', '任务', '目标数'], ['a', 'b', 1])).message).toContain('missing column 已完成');
  });
  it('names row and column of text in a number cell, a negative number, an empty cell', () => {
    const headers = ['单位', '任务', '目标数', '已完成'];
    expect(fail(table(headers, ['a', 'b', 10, 2], ['c', 'd', '十', 1])).location).toEqual({
      row: 3,
      column: '目标数',
    });
    expect(fail(table(headers, ['a', 'b', 10, -2])).message).toBe(
      '第2行「已完成」列：不能为负数 | row 2, column 已完成: must not be negative',
    );
    expect(fail(table(headers, ['a', 'b', 10.5, 2])).message).toContain('whole number');
    expect(fail(table(headers, ['a', 'b', 10, null])).location).toEqual({ row: 2, column: '已完成' });
    expect(fail(table(headers, ['a', null, 10, 1])).location).toEqual({ row: 2, column: '任务' });
    expect(fail(table(headers, ['a', 'b', null, 1])).location).toEqual({ row: 2, column: '目标数' });
    expect(fail(table(headers, [null, null, null, null])).message).toContain('no data rows');
    expect(
      fail(table(['单位', '任务', '基数', '目标率', '已完成'], ['a', 'b', 100, '120%', 1])).location,
    ).toEqual({ row: 2, column: '目标率' });
  });
});
