/**
 * Plan check (计划核对): reads a decomposition table made by hand and reports every cell
 * whose number disagrees with the target rule, with the stated and the computed value.
 *
 * Layout (docs/targets.md): one row per area; fixed columns 区域 (area), optionally 辖区人口数,
 * 责任单位, 责任人; then per indicator columns headed `<indicator>:<field>`, where field is
 * 基数/base, 全年率/rate, 进度/curve (e.g. 40/30/30), 全年/annual, 半年/half, or a milestone
 * period such as 2011-04 (the cumulative count due by its end).
 */
import { periodOrNull } from '../periods/period.js';
import { splitAlongCurve } from './milestones.js';
import { PlanInputError, type Message } from './plan-input-error.js';
import { roundProductHalfUp, roundShareHalfUp } from './rounding.js';
import { readCount, readCurve, readQuantity, readRate, readText, type Table } from './table-cells.js';

/** A cell of a plan whose number disagrees with the rule. */
export interface PlanFinding {
  /** 1-based row in the file. */
  readonly row: number;
  /** Column header as written. */
  readonly column: string;
  readonly area: string;
  readonly indicator: string;
  readonly field: 'annual' | 'half' | 'milestone' | 'total';
  /** The milestone period, for field 'milestone'. */
  readonly milestone?: string;
  readonly stated: number;
  readonly computed: number;
  /** How the computed value follows from the rule. */
  readonly note: Message;
}

/** The result of a plan check. */
export interface PlanCheckReport {
  readonly areas: number;
  readonly indicators: readonly string[];
  /** Number of stated cells compared with the rule. */
  readonly cellsChecked: number;
  readonly findings: PlanFinding[];
}

/** Options of a plan check. */
export interface PlanCheckOptions {
  /** Share of the annual target due by the end of the stage (0.5 for a half-year plan). */
  readonly halfShare: number;
}

const FIXED_COLUMNS = {
  area: ['区域', '地区', '单位', 'area'],
  population: ['辖区人口数', '人口数', 'population'],
  responsibleUnit: ['责任单位', 'responsible_unit'],
  responsiblePerson: ['责任人', 'responsible_person'],
} as const;

const FIELD_NAMES: Readonly<Record<string, 'base' | 'rate' | 'curve' | 'annual' | 'half'>> = {
  base: 'base',
  基数: 'base',
  rate: 'rate',
  全年率: 'rate',
  年度率: 'rate',
  curve: 'curve',
  进度: 'curve',
  曲线: 'curve',
  annual: 'annual',
  全年: 'annual',
  全年任务: 'annual',
  half: 'half',
  半年: 'half',
  半年任务: 'half',
};

interface IndicatorColumns {
  base?: number;
  rate?: number;
  curve?: number;
  annual?: number;
  half?: number;
  milestones: { label: string; end: string; index: number }[];
}

function percentText(fraction: number): string {
  return `${Number((fraction * 100).toPrecision(12))}%`;
}

function findFixed(headers: readonly string[], names: readonly string[]): number | undefined {
  const i = headers.findIndex((h) => names.includes(h.trim().toLowerCase()) || names.includes(h.trim()));
  return i < 0 ? undefined : i;
}

function layoutOf(headers: readonly string[]): Map<string, IndicatorColumns> {
  const indicators = new Map<string, IndicatorColumns>();
  headers.forEach((raw, index) => {
    const header = raw.trim();
    const cut = Math.max(header.lastIndexOf(':'), header.lastIndexOf('：'));
    if (cut <= 0) return;
    const indicator = header.slice(0, cut).trim();
    const fieldText = header.slice(cut + 1).trim();
    const columns = indicators.get(indicator) ?? { milestones: [] };
    indicators.set(indicator, columns);
    const field = FIELD_NAMES[fieldText.toLowerCase()];
    if (field) {
      if (columns[field] !== undefined) {
        throw new PlanInputError({ zh: '列重复', en: 'duplicate column' }, { row: 1, column: header });
      }
      columns[field] = index;
      return;
    }
    const range = periodOrNull(fieldText);
    if (range === null) {
      throw new PlanInputError(
        {
          zh: '未知的列（应为 指标:基数/全年率/进度/全年/半年 或 指标:2011-04）',
          en: 'unknown column (expected indicator:base/rate/curve/annual/half or indicator:2011-04)',
        },
        { row: 1, column: header },
      );
    }
    columns.milestones.push({ label: fieldText, end: range.end, index });
  });
  for (const columns of indicators.values()) columns.milestones.sort((a, b) => (a.end < b.end ? -1 : 1));
  return indicators;
}

/**
 * Checks every stated number of a plan table against the rule: annual = round(base × rate)
 * when both are given; half = round(annual × halfShare); cumulative milestones along the
 * row's curve (each increment rounded half up, the last absorbing the remainder); without a
 * curve the milestones are the planner's own increments (minimums), and only the last must
 * equal the half-year target. Each comparison uses the computed value of the cell before it,
 * so one wrong number is reported once, not again in every cell after it.
 *
 * @example
 * checkPlanTable(yumenTable, { halfShare: 0.5 }).findings
 * // → [{ area: '新市区老城区', indicator: 'elderly', field: 'milestone', milestone: '2011-05', stated: 762, computed: 742, … },
 * //    { area: '新市区新城区', indicator: 'diabetes', field: 'half', stated: 7, computed: 35, … }]
 */
export function checkPlanTable(table: Table, options: PlanCheckOptions): PlanCheckReport {
  const areaColumn = findFixed(table.headers, FIXED_COLUMNS.area);
  if (areaColumn === undefined) {
    throw new PlanInputError(
      { zh: '缺少「区域」列', en: 'missing column 区域 (area)' },
      { row: 1, column: '区域' },
    );
  }
  const layout = layoutOf(table.headers);
  if (layout.size === 0) {
    throw new PlanInputError(
      {
        zh: '没有指标列（列名应为 指标:全年、指标:半年 等）',
        en: 'no indicator columns (headed indicator:annual, indicator:half, …)',
      },
      { row: 1 },
    );
  }
  const findings: PlanFinding[] = [];
  let cellsChecked = 0;
  let areas = 0;
  for (const { row, cells } of table.rows) {
    const area = readText(cells[areaColumn]);
    if (area === null) {
      if (cells.every((c) => readText(c) === null)) continue;
      throw new PlanInputError(
        { zh: '区域不能为空', en: 'the area must not be empty' },
        { row, column: table.headers[areaColumn] as string },
      );
    }
    areas += 1;
    for (const [indicator, columns] of layout) {
      const header = (i: number): string => table.headers[i] as string;
      const cell = (i: number | undefined): string | number | null =>
        i === undefined ? null : (cells[i] ?? null);
      const base =
        columns.base === undefined
          ? null
          : readQuantity(cell(columns.base), row, header(columns.base), false);
      const rate =
        columns.rate === undefined ? null : readRate(cell(columns.rate), row, header(columns.rate), false);
      const curve =
        columns.curve === undefined ? null : readCurve(cell(columns.curve), row, header(columns.curve));
      const statedAnnual =
        columns.annual === undefined
          ? null
          : readCount(cell(columns.annual), row, header(columns.annual), false);
      const statedHalf =
        columns.half === undefined ? null : readCount(cell(columns.half), row, header(columns.half), false);
      const statedMilestones = columns.milestones.map((m) =>
        readCount(cell(m.index), row, header(m.index), false),
      );
      const anything =
        base !== null ||
        rate !== null ||
        statedAnnual !== null ||
        statedHalf !== null ||
        statedMilestones.some((v) => v !== null);
      if (!anything) continue;

      const report = (
        column: number,
        field: PlanFinding['field'],
        stated: number,
        computed: number,
        note: Message,
        milestone?: string,
      ): void => {
        findings.push({
          row,
          column: header(column),
          area,
          indicator,
          field,
          ...(milestone === undefined ? {} : { milestone }),
          stated,
          computed,
          note,
        });
      };

      let annual: number | null = statedAnnual;
      if (base !== null && rate !== null) {
        const computed = roundProductHalfUp(base, rate);
        if (statedAnnual !== null) {
          cellsChecked += 1;
          if (statedAnnual !== computed) {
            report(columns.annual as number, 'annual', statedAnnual, computed, {
              zh: `全年任务 = 基数 ${base} × ${percentText(rate)}，四舍五入`,
              en: `annual = base ${base} × rate ${rate}, rounded half up`,
            });
          }
        }
        annual = computed;
      }

      let half: number | null = statedHalf;
      if (annual !== null) {
        const computed = roundShareHalfUp(annual, options.halfShare, 1);
        if (statedHalf !== null) {
          cellsChecked += 1;
          if (statedHalf !== computed) {
            report(columns.half as number, 'half', statedHalf, computed, {
              zh: `半年任务 = 全年 ${annual} × ${percentText(options.halfShare)}，四舍五入`,
              en: `half = annual ${annual} × ${options.halfShare}, rounded half up`,
            });
          }
        }
        half = computed;
      }

      if (half === null || columns.milestones.length === 0) continue;
      if (curve !== null) {
        if (curve.length !== columns.milestones.length) {
          throw new PlanInputError(
            {
              zh: `进度有${curve.length}个数，而里程碑列有${columns.milestones.length}个`,
              en: `the curve has ${curve.length} weights but there are ${columns.milestones.length} milestone columns`,
            },
            { row, column: header(columns.curve as number) },
          );
        }
        const { cumulative } = splitAlongCurve(half, curve);
        columns.milestones.forEach((m, i) => {
          const stated = statedMilestones[i];
          if (stated === null || stated === undefined) return;
          cellsChecked += 1;
          const computed = cumulative[i] as number;
          if (stated !== computed) {
            report(
              m.index,
              'milestone',
              stated,
              computed,
              {
                zh: `累计任务 = 半年任务 ${half} 按进度 ${curve.join('/')} 逐期四舍五入后累加，末期补足`,
                en: `cumulative = half ${half} along ${curve.join('/')}, each increment rounded half up, the last absorbing the remainder`,
              },
              m.label,
            );
          }
        });
      } else {
        // Without a curve the milestones are the planner's minimums; only their total is ruled.
        const lastIndex = statedMilestones.length - 1;
        const stated = statedMilestones[lastIndex];
        if (stated !== null && stated !== undefined) {
          cellsChecked += 1;
          if (stated !== half) {
            const last = columns.milestones[lastIndex] as { label: string; index: number };
            report(
              last.index,
              'milestone',
              stated,
              half,
              {
                zh: `末期累计应等于半年任务 ${half}`,
                en: `the last cumulative milestone must equal the half-year target ${half}`,
              },
              last.label,
            );
          }
        }
      }
    }
  }
  const totals = checkTotalRows(table, areaColumn, layout);
  return {
    areas,
    indicators: [...layout.keys()],
    cellsChecked: cellsChecked + totals.cellsChecked,
    findings: [...findings, ...totals.findings],
  };
}

/**
 * The total rows (合计) against the sum of the areas above: each count column (基数, 全年,
 * 半年, milestones) whose total is stated and whose every area cell is filled. Rates and
 * curves are not sums and are left alone.
 */
function checkTotalRows(
  table: Table,
  areaColumn: number,
  layout: ReadonlyMap<string, IndicatorColumns>,
): { cellsChecked: number; findings: PlanFinding[] } {
  const findings: PlanFinding[] = [];
  let cellsChecked = 0;
  const areaRows = table.rows.filter(({ cells }) => readText(cells[areaColumn]) !== null);
  for (const total of table.totalRows ?? []) {
    const label = total.cells.map(readText).find((t) => t !== null) ?? '合计';
    for (const [indicator, columns] of layout) {
      const summed: { index: number; field: PlanFinding['field']; milestone?: string }[] = [
        ...(columns.base === undefined ? [] : [{ index: columns.base, field: 'total' as const }]),
        ...(columns.annual === undefined ? [] : [{ index: columns.annual, field: 'total' as const }]),
        ...(columns.half === undefined ? [] : [{ index: columns.half, field: 'total' as const }]),
        ...columns.milestones.map((m) => ({ index: m.index, field: 'total' as const, milestone: m.label })),
      ];
      for (const { index, field, milestone } of summed) {
        const column = table.headers[index] as string;
        const stated = readQuantity(total.cells[index] ?? null, total.row, column, false);
        if (stated === null) continue;
        const parts = areaRows.map(({ row, cells }) =>
          readQuantity(cells[index] ?? null, row, column, false),
        );
        if (parts.some((p) => p === null)) continue;
        cellsChecked += 1;
        // Sums of whole counts; rounding to 1e-9 keeps decimal bases (人口 in 万) exact enough.
        const computed = Math.round((parts as number[]).reduce((a, b) => a + b, 0) * 1e9) / 1e9;
        if (stated !== computed) {
          findings.push({
            row: total.row,
            column,
            area: label,
            indicator,
            field,
            ...(milestone === undefined ? {} : { milestone }),
            stated,
            computed,
            note: {
              zh: `${label}应等于${areaRows.length}个区域之和`,
              en: `the total must equal the sum of the ${areaRows.length} areas`,
            },
          });
        }
      }
    }
  }
  return { cellsChecked, findings };
}
