import { describe, expect, it } from 'vitest';
import { PlanInputError } from '../../../../src/domain/targets/plan-input-error';
import { pushRows } from './push-table';

describe('an uploaded push table', () => {
  it('reads targets, or base and rate, below a title row', () => {
    const rows = pushRows([
      ['崆峒区攻坚计划'],
      ['单位', '任务', '基数', '目标率', '已完成', '负责人', '联系电话'],
      ['北坪', '高血压健康管理', '1,200', '80%', 600, '王医生', '13812341234'],
    ]);
    expect(rows).toEqual([
      {
        unit: '北坪',
        task: '高血压健康管理',
        target: null,
        base: 1200,
        rate: 0.8,
        done: 600,
        leader: '王医生',
        phone: '13812341234',
      },
    ]);
  });

  it('names the row and column of a bad cell, and a missing header', () => {
    const bad = (): unknown =>
      pushRows([
        ['单位', '任务', '目标数', '已完成'],
        ['北坪', '建档', 100, 40],
        ['南坪', '建档', 100, '-3'],
      ]);
    expect(bad).toThrow(PlanInputError);
    expect(bad).toThrow(/第3行「已完成」列/);
    expect(() => pushRows([['区域', 'x']])).toThrow(/单位/);
  });
});
