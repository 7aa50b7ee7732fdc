import { describe, expect, it } from 'vitest';
import { cellKey, findingsByCell, type Finding } from './check-cells';

const finding = (row: number, column: string, stated: number, computed: number): Finding => ({
  row,
  column,
  area: '新市区老城区',
  indicator: 'elderly',
  field: 'milestone',
  milestone: '2011-05',
  stated,
  computed,
  note: { zh: `表中 ${stated}，应为 ${computed}`, en: `stated ${stated}, computed ${computed}` },
});

describe('the findings of a plan check in the table', () => {
  it('puts row 2 of the report on the first body row, by column', () => {
    const cells = findingsByCell([
      finding(2, 'elderly:2011-05', 762, 742),
      finding(3, 'diabetes:半年', 7, 35),
    ]);
    expect(cells.get(cellKey(0, 'elderly:2011-05'))?.computed).toBe(742);
    expect(cells.get(cellKey(1, 'diabetes:半年'))?.stated).toBe(7);
    expect(cells.has(cellKey(0, 'diabetes:半年'))).toBe(false);
    expect(cells.size).toBe(2);
  });
});
