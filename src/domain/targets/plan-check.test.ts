import { describe, expect, it } from 'vitest';
import { checkPlanTable } from './plan-check.js';
import type { PlanInputError } from './plan-input-error.js';
import type { Table } from './table-cells.js';
import {
  expectedFindingEssentials,
  findingEssentials,
  readYumenFixture,
  yumenPlanTable,
} from './yumen-decomposition.fixture.js';

describe('plan check on the Yumen paper', () => {
  const fixture = readYumenFixture();
  const report = checkPlanTable(yumenPlanTable(fixture), { halfShare: fixture.halfYearShare });

  it('reports exactly the fixture expectedFindings, with stated and computed values', () => {
    const essentials = findingEssentials(report.findings);
    const expected = expectedFindingEssentials(fixture);
    expect(essentials).toEqual(expected);
  });

  it('names the file row and column of each finding', () => {
    expect(report.findings.map((f) => [f.row, f.column])).toEqual([
      [3, 'elderly:2011-05'],
      [4, 'diabetes:半年'],
    ]);
    expect(report.findings[0]?.note.zh).toContain('40/30/30');
  });

  it('checked every stated cell: 3 areas × 4 indicators × (annual, half, 3 milestones) minus the 2 unruled diabetes minimums per area', () => {
    expect(report.areas).toBe(3);
    expect(report.indicators).toEqual(['records', 'elderly', 'hypertension', 'diabetes']);
    expect(report.cellsChecked).toBe(3 * (3 * 5 + 3));
  });
});

function table(headers: string[], ...rows: (string | number | null)[][]): Table {
  return { headers, rows: rows.map((cells, i) => ({ row: i + 2, cells })) };
}

describe('plan check rules', () => {
  it('reports a wrong annual figure once, and checks the half against the computed annual', () => {
    const report = checkPlanTable(
      table(['区域', 'x:基数', 'x:全年率', 'x:全年', 'x:半年'], ['甲', 1000, '80%', 790, 400]),
      { halfShare: 0.5 },
    );
    expect(report.findings.map((f) => [f.field, f.stated, f.computed])).toEqual([['annual', 790, 800]]);
    // The note prints the rate as written (7%, not 7.000000000000001%).
    const seven = checkPlanTable(table(['区域', 'x:基数', 'x:全年率', 'x:全年'], ['甲', 1000, '7%', 71]), {
      halfShare: 0.5,
    });
    expect(seven.findings[0]?.note.zh).toBe('全年任务 = 基数 1000 × 7%，四舍五入');
  });
  it('works from a stated annual when the base is not printed', () => {
    const report = checkPlanTable(
      table(
        ['区域', 'x:全年', 'x:半年', 'x:进度', 'x:2011-04', 'x:2011-05', 'x:2011-06'],
        ['甲', 2930, 1465, '30/30/40', 440, 879, 1465],
      ),
      { halfShare: 0.5 },
    );
    expect(report.findings.map((f) => [f.milestone, f.stated, f.computed])).toEqual([['2011-05', 879, 880]]);
  });
  it('without a curve only the last milestone is ruled: it must equal the half-year target', () => {
    const report = checkPlanTable(
      table(['区域', 'x:全年', 'x:半年', 'x:2011-04', 'x:2011-05', 'x:2011-06'], ['甲', 70, 35, 15, 25, 30]),
      { halfShare: 0.5 },
    );
    expect(report.findings.map((f) => [f.milestone, f.stated, f.computed])).toEqual([['2011-06', 30, 35]]);
  });
  it('sorts milestone columns by date and accepts English field names and full-width colons', () => {
    const report = checkPlanTable(
      table(
        ['area', 'x：annual', 'x:half', 'x:curve', 'x:2011-06', 'x:2011-04', 'x:2011-05'],
        ['甲', 2930, 1465, '0.3/0.3/0.4', 1465, 440, 880],
      ),
      { halfShare: 0.5 },
    );
    expect(report.findings).toEqual([]);
    expect(report.cellsChecked).toBe(4);
  });
  it('skips blank rows and indicators an area does not have', () => {
    const report = checkPlanTable(
      table(
        ['区域', 'x:全年', 'x:半年', 'y:全年', 'y:半年'],
        ['甲', 10, 5, null, null],
        [null, null, null, null, null],
      ),
      { halfShare: 0.5 },
    );
    expect(report).toMatchObject({ areas: 1, cellsChecked: 1, findings: [] });
  });
  it('gives clear errors naming row and column for malformed tables', () => {
    const catchIt = (t: Table): PlanInputError => {
      try {
        checkPlanTable(t, { halfShare: 0.5 });
      } catch (error) {
        return error as PlanInputError;
      }
      throw new Error('no error');
    };
    expect(catchIt(table(['地名', 'x:全年'], ['甲', 1])).message).toContain('区域');
    expect(catchIt(table(['区域', '全年'], ['甲', 1])).message).toContain('no indicator columns');
    expect(catchIt(table(['区域', 'x:年底'], ['甲', 1])).location).toEqual({ row: 1, column: 'x:年底' });
    expect(catchIt(table(['区域', 'x:全年', 'x:全年'], ['甲', 1, 1])).message).toContain('duplicate');
    const text = catchIt(table(['区域', 'x:全年', 'x:半年'], ['甲', 10, 5], ['乙', '十', 5]));
    expect(text.location).toEqual({ row: 3, column: 'x:全年' });
    expect(text.message).toBe('第3行「x:全年」列：应为数字 | row 3, column x:全年: must be a number');
    expect(catchIt(table(['区域', 'x:全年'], ['甲', -4])).message).toContain('must not be negative');
    expect(catchIt(table(['区域', 'x:全年'], [null, 4])).location).toEqual({ row: 2, column: '区域' });
    expect(catchIt(table(['区域', 'x:基数', 'x:全年率'], ['甲', 100, 80])).message).toContain('within 0..1');
    expect(
      catchIt(table(['区域', 'x:半年', 'x:进度', 'x:2011-04', 'x:2011-05'], ['甲', 10, '40/30/30', 4, 7]))
        .location,
    ).toEqual({ row: 2, column: 'x:进度' });
    expect(
      catchIt(table(['区域', 'x:半年', 'x:进度', 'x:2011-04'], ['甲', 10, '40/30', 4])).message,
    ).toContain('100%');
  });
});
