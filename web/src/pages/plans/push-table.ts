/**
 * An uploaded push table turned into the rows POST /api/plans/push takes, read by the
 * domain's own reader (src/domain/targets/push-plan.ts) so the browser and the CLI read a
 * table the same way: 单位/unit, 任务/task, 目标数/target or 基数/base + 目标率/rate,
 * 已完成/done, 负责人/leader, 联系电话/phone. Errors name the row and column.
 */
import { PlanInputError } from '../../../../src/domain/targets/plan-input-error';
import { readPushPlanTable } from '../../../../src/domain/targets/push-plan';
import type { paths } from '../../api/schema';
import { withHeader, type Cell } from '../targets/read-table';

/** A row of the body of POST /api/plans/push. */
export type PushBodyRow =
  paths['/api/plans/push']['post']['requestBody']['content']['application/json']['rows'][number];

/**
 * The rows of a push table (title rows above the header skipped); throws a PlanInputError
 * naming the row and column of a bad cell or the missing column.
 *
 * @example pushRows([['单位', '任务', '目标数', '已完成'], ['北坪', '建档', 100, 40]])
 */
export function pushRows(rows: readonly Cell[][]): PushBodyRow[] {
  const table = withHeader(rows, ['单位', 'unit']);
  if (!table)
    throw new PlanInputError(
      { zh: '找不到表头：需要一行含“单位”的单元格', en: 'no header row: a row needs a cell “unit” (单位)' },
      { row: 1, column: '单位' },
    );
  const inputs = readPushPlanTable({
    headers: table.headers,
    rows: table.rows.map((cells, i) => ({ row: i + 2, cells })),
  });
  return inputs.map((r) => ({
    unit: r.unit,
    task: r.task,
    target: r.target,
    base: r.base,
    rate: r.rate,
    done: r.done,
    leader: r.leader,
    phone: r.phone,
  }));
}
