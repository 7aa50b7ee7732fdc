/**
 * Use-cases on files a planner made by hand: check a decomposition table, compute a push
 * plan from a table, decompose a plan given as JSON (the Yumen fixture's shape).
 */
import { readFileSync } from 'node:fs';
import { checkPlanTable, type PlanCheckReport } from '../../domain/targets/plan-check.js';
import {
  decomposePlan,
  parseDecompositionPlan,
  type PlanDecomposition,
} from '../../domain/targets/plan-decomposition.js';
import { PlanInputError } from '../../domain/targets/plan-input-error.js';
import {
  computePushPlan,
  readPushPlanTable,
  type PushPlan,
  type PushPlanOptions,
} from '../../domain/targets/push-plan.js';
import { readTableFile } from './table-file.js';

/**
 * Checks a hand-made decomposition table (.xlsx or CSV, layout of docs/targets.md).
 *
 * @example
 * (await checkPlanFile('yumen.xlsx', 0.5)).findings
 */
export async function checkPlanFile(path: string, halfShare: number): Promise<PlanCheckReport> {
  return checkPlanTable(await readTableFile(path, ['区域', '地区', 'area']), { halfShare });
}

/**
 * The push plan of a table file (.xlsx or CSV: 单位, 任务, 目标数 or 基数 + 目标率, 已完成,
 * 负责人, 联系电话).
 *
 * @example
 * await pushPlanFromFile('plan.csv', { asOf: '2020-06-20', deadline: '2020-06-30', days: 'calendar' })
 */
export async function pushPlanFromFile(path: string, options: PushPlanOptions): Promise<PushPlan> {
  const inputs = readPushPlanTable(await readTableFile(path, ['单位', '责任单位', 'unit']));
  return computePushPlan(inputs, options);
}

/**
 * Decomposes a plan given as a JSON file in the fixture's shape.
 *
 * @example
 * decomposeFile('../shared/fixtures/yumen-2011-h1-decomposition.json').areas[0]
 */
export function decomposeFile(path: string): PlanDecomposition {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new PlanInputError({
      zh: `无法读取JSON文件：${(error as Error).message}`,
      en: `cannot read the JSON file: ${(error as Error).message}`,
    });
  }
  return decomposePlan(parseDecompositionPlan(raw));
}
