import { describe, expect, it } from 'vitest';
import { findHeader, isTotalRow, MAX_TITLE_ROWS, type SheetRow } from './table-layout.js';

const rows = (...cells: (string | number | null)[][]): SheetRow[] =>
  cells.map((c, i) => ({ row: i + 1, cells: c }));

const knowsResidents = { recognises: (h: string): boolean => ['档案编号', '姓名', '性别'].includes(h) };
const planJoin = {
  recognises: (h: string): boolean => h === '区域',
  joinHeader: (group: string, sub: string): string => (sub === '' ? group : `${group}:${sub}`),
};

describe('findHeader', () => {
  it('reads a plain header on the first row', () => {
    const found = findHeader(rows(['档案编号', '姓名'], ['620802001001000001', '张三']), knowsResidents);
    expect(found).toEqual({
      headers: ['档案编号', '姓名'],
      headerRows: [1],
      titleRows: [],
      firstDataIndex: 1,
    });
  });

  it('skips a title row and a date line above the header', () => {
    const found = findHeader(
      rows(
        ['崆峒区居民健康档案花名册'],
        ['填报日期：2020年6月30日'],
        ['档案编号', '姓名'],
        ['620802001001000001', '张三'],
      ),
      knowsResidents,
    );
    expect(found?.titleRows).toEqual([1, 2]);
    expect(found?.headerRows).toEqual([3]);
    expect(found?.firstDataIndex).toBe(3);
  });

  it('joins a group merged over sub-columns, a fixed column merged down over both rows', () => {
    const found = findHeader(
      rows(
        ['2011年上半年任务分解'],
        ['区域', '高血压患者管理', null, null, '糖尿病患者管理', null],
        [null, '基数', '全年率', '全年', '基数', '全年'],
        ['老城区', 1200, '40%', 480, 300, 120],
      ),
      planJoin,
    );
    expect(found).toEqual({
      headers: [
        '区域',
        '高血压患者管理:基数',
        '高血压患者管理:全年率',
        '高血压患者管理:全年',
        '糖尿病患者管理:基数',
        '糖尿病患者管理:全年',
      ],
      headerRows: [2, 3],
      titleRows: [1],
      firstDataIndex: 3,
    });
  });

  it('takes the sub-column by default, so a group row naming no known column is still found', () => {
    const found = findHeader(
      rows(
        ['基本信息', null, null, '联系方式'],
        ['档案编号', '姓名', '性别', '本人电话'],
        ['620802001001000001', '张三', '男', '13900000000'],
      ),
      knowsResidents,
    );
    expect(found?.headers).toEqual(['档案编号', '姓名', '性别', '本人电话']);
    expect(found?.headerRows).toEqual([1, 2]);
    expect(found?.firstDataIndex).toBe(2);
  });

  it('does not take the first data row for a sub-header: data rows hold numbers, dates or codes', () => {
    const found = findHeader(
      rows(['档案编号', '姓名', null], ['620802001001000001', '张三', null]),
      knowsResidents,
    );
    expect(found?.headerRows).toEqual([1]);
  });

  it('a row under the header with words only but no column under a group is data, not a header', () => {
    const found = findHeader(rows(['姓名', '性别'], ['张三', '男']), knowsResidents);
    expect(found?.headerRows).toEqual([1]);
  });

  it(`gives up after ${MAX_TITLE_ROWS} rows without a known header`, () => {
    const lead = Array.from({ length: MAX_TITLE_ROWS }, (_, i) => [`说明${i}`]);
    expect(findHeader(rows(...lead, ['档案编号', '姓名']), knowsResidents)).toBeNull();
    expect(findHeader(rows(...lead.slice(1), ['档案编号', '姓名']), knowsResidents)?.headerRows).toEqual([
      MAX_TITLE_ROWS,
    ]);
  });

  it('an empty sheet has no header', () => {
    expect(findHeader([], knowsResidents)).toBeNull();
  });
});

describe('isTotalRow', () => {
  it.each([
    [['合计', 10, 20]],
    [['合 计', null]],
    [[null, '总计', 3]],
    [['全县合计', 3]],
    [['小计：', 1]],
    [['Total', 1]],
  ])('%j is a total row', (cells) => {
    expect(isTotalRow(cells)).toBe(true);
  });

  it.each([
    [['崆峒区', 10]],
    [['合水县', 1]],
    [['620802001001000001', '合计']],
    [[null, null, null, '合计']],
    [['全市', '合计']],
    [[]],
  ])('%j is not a total row', (cells) => {
    expect(isTotalRow(cells)).toBe(false);
  });
});
