/**
 * Push plan (攻坚计划): for each unit and task, the target, what is done, what remains, the
 * days left until the deadline, and the quota per day.
 *
 * target = base × rate rounded half up (unless given); remaining = max(target − done, 0);
 * days_left counts from the day after the as-of date to the deadline inclusive (calendar or
 * working days); per_day = ceil(remaining / days_left). Each task ends with a total row
 * whose per-day quota is computed from the total remaining, not summed.
 */
import { daysLeft, type DayCounting, type WorkCalendar } from './calendar.js';
import { PlanInputError } from './plan-input-error.js';
import { targetOf } from './target-rule.js';
import { readCount, readQuantity, readRate, readText, type Table } from './table-cells.js';

/** One unit's task as entered: a target, or a base and a rate; and the count done. */
export interface PushPlanInput {
  /** 1-based row of the file (or position in a request), for errors. */
  readonly row: number;
  readonly unit: string;
  readonly task: string;
  readonly target: number | null;
  readonly base: number | null;
  readonly rate: number | null;
  readonly done: number;
  readonly leader: string | null;
  readonly phone: string | null;
}

/** Dates and day counting of a push plan. */
export interface PushPlanOptions extends WorkCalendar {
  readonly asOf: string;
  readonly deadline: string;
  readonly days: DayCounting;
}

/** A row of the push plan; `total` rows sum a task over its units. */
export interface PushPlanRow {
  readonly unit: string;
  readonly task: string;
  readonly target: number;
  readonly done: number;
  readonly remaining: number;
  readonly daysLeft: number;
  readonly perDay: number;
  readonly leader: string | null;
  readonly phone: string | null;
  readonly total: boolean;
}

/** A computed push plan. */
export interface PushPlan {
  readonly asOf: string;
  readonly deadline: string;
  readonly days: DayCounting;
  readonly daysLeft: number;
  readonly rows: PushPlanRow[];
}

/** Label of a task's total row. */
export const TOTAL_UNIT = { zh: '合计', en: 'Total' } as const;

/**
 * The push plan of `inputs`. Throws a `PlanInputError` when the deadline is not after the
 * as-of date (nothing can be planned for days already gone) or no working day is left.
 *
 * @example
 * computePushPlan([{ row: 2, unit: '北坪', task: '建档', target: 100, base: null, rate: null, done: 40,
 *   leader: null, phone: null }], { asOf: '2020-06-20', deadline: '2020-06-30', days: 'calendar' })
 * // → rows [{ unit: '北坪', remaining: 60, daysLeft: 10, perDay: 6, … }, { unit: '合计', total: true, … }]
 */
export function computePushPlan(inputs: readonly PushPlanInput[], options: PushPlanOptions): PushPlan {
  const left = daysLeft(options.asOf, options.deadline, options.days, options);
  if (options.deadline <= options.asOf) {
    throw new PlanInputError(
      {
        zh: `截止日期 ${options.deadline} 已过（统计日期 ${options.asOf}）`,
        en: `the deadline ${options.deadline} has passed (as of ${options.asOf})`,
      },
      { column: 'deadline' },
    );
  }
  if (left <= 0) {
    throw new PlanInputError(
      {
        zh: `${options.asOf} 之后至 ${options.deadline} 没有工作日`,
        en: `no working day left after ${options.asOf} up to ${options.deadline}`,
      },
      { column: 'deadline' },
    );
  }
  const byTask = new Map<string, PushPlanRow[]>();
  for (const input of inputs) {
    let target = input.target;
    if (target === null) {
      if (input.base === null || input.rate === null) {
        throw new PlanInputError(
          { zh: '应填写目标数，或基数和目标率', en: 'give a target, or a base and a rate' },
          { row: input.row, column: 'target' },
        );
      }
      try {
        target = targetOf(input.base, input.rate);
      } catch (error) {
        if (error instanceof PlanInputError)
          throw new PlanInputError(error.reason, { row: input.row, ...error.location });
        throw error;
      }
    }
    const remaining = Math.max(target - input.done, 0);
    const rows = byTask.get(input.task) ?? [];
    byTask.set(input.task, rows);
    rows.push({
      unit: input.unit,
      task: input.task,
      target,
      done: input.done,
      remaining,
      daysLeft: left,
      perDay: Math.ceil(remaining / left),
      leader: input.leader,
      phone: input.phone,
      total: false,
    });
  }
  const rows: PushPlanRow[] = [];
  for (const [task, taskRows] of byTask) {
    rows.push(...taskRows);
    const sum = (pick: (r: PushPlanRow) => number): number => taskRows.reduce((acc, r) => acc + pick(r), 0);
    const remaining = sum((r) => r.remaining);
    rows.push({
      unit: TOTAL_UNIT.zh,
      task,
      target: sum((r) => r.target),
      done: sum((r) => r.done),
      remaining,
      daysLeft: left,
      perDay: Math.ceil(remaining / left),
      leader: null,
      phone: null,
      total: true,
    });
  }
  return { asOf: options.asOf, deadline: options.deadline, days: options.days, daysLeft: left, rows };
}

const PUSH_COLUMNS = {
  unit: ['单位', '责任单位', '机构', 'unit'],
  task: ['任务', '项目', '指标', 'task'],
  target: ['目标数', '任务数', '目标', 'target'],
  base: ['基数', 'base'],
  rate: ['目标率', '比例', 'rate'],
  done: ['已完成', '完成数', 'done'],
  leader: ['负责人', '责任人', 'leader'],
  phone: ['联系电话', '电话', 'phone'],
} as const;

/**
 * Reads a push-plan table (columns 单位/unit, 任务/task, 目标数/target or 基数/base +
 * 目标率/rate, 已完成/done, optional 负责人/leader and 联系电话/phone). Errors name the row
 * and column: a missing column, text in a number cell, a negative number.
 *
 * @example
 * readPushPlanTable({ headers: ['单位', '任务', '目标数', '已完成'], rows: [{ row: 2, cells: ['北坪', '建档', 100, 40] }] })
 */
export function readPushPlanTable(table: Table): PushPlanInput[] {
  const find = (names: readonly string[]): number | undefined => {
    const i = table.headers.findIndex(
      (h) => names.includes(h.trim()) || names.includes(h.trim().toLowerCase()),
    );
    return i < 0 ? undefined : i;
  };
  const required = (key: 'unit' | 'task' | 'done'): number => {
    const i = find(PUSH_COLUMNS[key]);
    if (i === undefined) {
      throw new PlanInputError(
        { zh: `缺少「${PUSH_COLUMNS[key][0]}」列`, en: `missing column ${PUSH_COLUMNS[key][0]} (${key})` },
        { row: 1, column: PUSH_COLUMNS[key][0] },
      );
    }
    return i;
  };
  const unit = required('unit');
  const task = required('task');
  const done = required('done');
  const target = find(PUSH_COLUMNS.target);
  const base = find(PUSH_COLUMNS.base);
  const rate = find(PUSH_COLUMNS.rate);
  const leader = find(PUSH_COLUMNS.leader);
  const phone = find(PUSH_COLUMNS.phone);
  if (target === undefined && (base === undefined || rate === undefined)) {
    const missing = base === undefined ? '基数' : '目标率';
    throw new PlanInputError(
      {
        zh: `缺少「目标数」列，或「基数」和「目标率」两列（缺「${missing}」）`,
        en: `missing column 目标数 (target), or both 基数 (base) and 目标率 (rate)`,
      },
      {
        row: 1,
        column: target === undefined && base === undefined && rate === undefined ? '目标数' : missing,
      },
    );
  }
  const header = (i: number): string => table.headers[i] as string;
  const inputs: PushPlanInput[] = [];
  for (const { row, cells } of table.rows) {
    if (cells.every((c) => readText(c) === null)) continue;
    const text = (i: number): string => {
      const value = readText(cells[i]);
      if (value === null)
        throw new PlanInputError({ zh: '不能为空', en: 'must not be empty' }, { row, column: header(i) });
      return value;
    };
    const targetValue = target === undefined ? null : readCount(cells[target], row, header(target), false);
    const baseValue = base === undefined ? null : readQuantity(cells[base], row, header(base), false);
    const rateValue = rate === undefined ? null : readRate(cells[rate], row, header(rate), false);
    if (targetValue === null && (baseValue === null || rateValue === null)) {
      const column =
        target !== undefined
          ? header(target)
          : baseValue === null
            ? header(base as number)
            : header(rate as number);
      throw new PlanInputError(
        { zh: '应填写目标数，或基数和目标率', en: 'give a target, or a base and a rate' },
        { row, column },
      );
    }
    inputs.push({
      row,
      unit: text(unit),
      task: text(task),
      target: targetValue,
      base: baseValue,
      rate: rateValue,
      done: readCount(cells[done], row, header(done)) as number,
      leader: leader === undefined ? null : readText(cells[leader]),
      phone: phone === undefined ? null : readText(cells[phone]),
    });
  }
  if (inputs.length === 0)
    throw new PlanInputError({ zh: '表中没有数据行', en: 'the table has no data rows' }, { row: 2 });
  return inputs;
}
