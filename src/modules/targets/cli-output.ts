/**
 * What the `targets` and `plan` commands print or write: JSON, tab- or comma-separated
 * tables, and push plans in every export format.
 */
import { writeFileSync } from 'node:fs';
import { GongweiError } from '../../domain/gongwei-error.js';
import type { PushPlan } from '../../domain/targets/push-plan.js';
import { pushPlanCsv, pushPlanDocx, pushPlanText, pushPlanXlsx } from './push-plan-export.js';

/** Prints `value` as indented JSON on standard output. */
export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/**
 * Prints a table: a header line and one line per row, cells separated by `separator`.
 *
 * @example
 * printTable(['编号', '期间'], [[1, '2020H1']], '\t') // "编号\t期间\n1\t2020H1\n"
 */
export function printTable(
  head: readonly string[],
  rows: readonly (readonly unknown[])[],
  separator: string,
): void {
  process.stdout.write([head.join(separator), ...rows.map((r) => r.join(separator))].join('\n') + '\n');
}

/**
 * The `--out` file a binary format needs; a `bad_request` naming `--out` without one.
 *
 * @example requireOut('xlsx', o.out)
 */
export function requireOut(format: string, out: string | undefined): string {
  if (!out)
    throw GongweiError.badRequest(
      { zh: `--format ${format} 需要 --out 文件`, en: `--format ${format}: a file is required with --out` },
      '--out',
    );
  return out;
}

/**
 * Prints or writes a push plan as JSON (with `extra` fields in front), CSV, a text table,
 * Excel or Word; says where a file was written.
 *
 * @example
 * await writePushPlan(plan, 'xlsx', 'plan.xlsx', { title: '基本公共卫生服务' });
 */
export async function writePushPlan(
  plan: PushPlan,
  format: string,
  out: string | undefined,
  heading: { title: string; doneAsOf?: string },
  extra: Record<string, unknown> = {},
): Promise<void> {
  if (format === 'json') {
    const text = `${JSON.stringify({ ...extra, ...plan }, null, 2)}\n`;
    if (out) writeFileSync(out, text);
    else process.stdout.write(text);
  } else if (format === 'csv') {
    if (out) writeFileSync(out, pushPlanCsv(plan));
    else process.stdout.write(pushPlanCsv(plan));
  } else if (format === 'table') {
    if (out) writeFileSync(out, pushPlanText(plan, heading));
    else process.stdout.write(pushPlanText(plan, heading));
  } else if (format === 'xlsx') {
    writeFileSync(requireOut(format, out), await pushPlanXlsx(plan, heading));
  } else {
    writeFileSync(requireOut(format, out), await pushPlanDocx(plan, heading));
  }
  if (out) process.stdout.write(`已写入 written: ${out}\n`);
}
