/**
 * The allocation and settlement tables as a bureau sends them: .xlsx (one sheet each) and
 * .docx (title, the parameters and their sources, both tables). Figures in 元 with two
 * decimals and a 合计 row computed in fen, so the total always equals its column; every
 * figure sits beside its inputs (population, standard, shares, score).
 */
import ExcelJS from 'exceljs';
import { formatChineseDate } from '../../domain/bulletins/chinese-format.js';
import { formatCenti } from '../../domain/assessment/exact.js';
import { fenToYuan, formatYuan } from '../../domain/funding/money.js';
import { addTableSheet, renderDocx, type DocBlock } from '../assessment/document-layout.js';
import type { FundsStatus, UnitStatus } from './funds-status.js';

const pct = (bp: number): string => `${(bp / 100).toFixed(2).replace(/\.?0+$/, '')}%`;

function allocationTitle(s: FundsStatus, orgName: string): string {
  return `${orgName}${s.allocation.year}年基本公共卫生服务补助经费分配表`;
}

function settlementTitle(s: FundsStatus, orgName: string): string {
  return `${orgName}${s.allocation.year}年基本公共卫生服务补助经费结算表`;
}

/** The parameters line: standard, earmark, shares, dates and source notice. */
export function parametersText(s: FundsStatus): string {
  const a = s.allocation;
  return (
    `人均标准${formatYuan(a.perCapitaFen)}元（其中新增${formatYuan(a.earmarkFen)}元全部用于村卫生室和社区卫生服务站），` +
    `按村级常住人口分配；扣除新增经费后${pct(a.villageShareBp)}拨付村卫生室；预拨${pct(a.advanceShareBp)}，` +
    `其余按绩效考核折算得分结算；县级配套${pct(a.countyShareBp)}。分配日期${formatChineseDate(a.allocatedOn)}，` +
    `统计至${formatChineseDate(s.asOf)}；${formatChineseDate(a.idleAfter)}后结余超过分配额${pct(a.idleThresholdBp)}视为经费沉淀。依据：${a.source}。`
  );
}

const sum = (units: readonly UnitStatus[], f: (u: UnitStatus) => number | null): number =>
  units.reduce((a, u) => a + (f(u) ?? 0), 0);

function allocationRows(s: FundsStatus): (string | number | null)[][] {
  const rows: (string | number | null)[][] = s.units.map((u, i) => [
    i + 1,
    u.unitName,
    u.population,
    fenToYuan(s.allocation.perCapitaFen),
    fenToYuan(u.amountFen),
    fenToYuan(u.earmarkFen),
    fenToYuan(u.villageFen),
    fenToYuan(u.amountFen - u.villageFen),
    fenToYuan(u.advanceFen),
    fenToYuan(u.settlementBaseFen),
  ]);
  const f = (g: (u: UnitStatus) => number): number => fenToYuan(sum(s.units, g));
  rows.push([
    '合计',
    null,
    sum(s.units, (u) => u.population),
    null,
    f((u) => u.amountFen),
    f((u) => u.earmarkFen),
    f((u) => u.villageFen),
    f((u) => u.amountFen - u.villageFen),
    f((u) => u.advanceFen),
    f((u) => u.settlementBaseFen),
  ]);
  return rows;
}

const ALLOCATION_HEADER = [
  '序号',
  '单位',
  '常住人口（人）',
  '人均标准（元）',
  '分配金额（元）',
  '其中：新增经费（元）',
  '拨付村卫生室（元）',
  '卫生院（中心）留用（元）',
  '预拨（元）',
  '待考核结算（元）',
];

const SETTLEMENT_HEADER = [
  '序号',
  '单位',
  '分配金额（元）',
  '预拨（元）',
  '待考核结算（元）',
  '考核周期',
  '折算得分',
  '满分',
  '结算金额（元）',
  '扣减（元）',
  '全年应拨（元）',
  '已拨付（元）',
  '结余（元）',
  '距分配天数',
  '经费沉淀',
];

function settlementRows(s: FundsStatus): (string | number | null)[][] {
  const y = (fen: number | null): number | null => (fen === null ? null : fenToYuan(fen));
  const rows: (string | number | null)[][] = s.units.map((u, i) => [
    i + 1,
    u.unitName,
    y(u.amountFen),
    y(u.advanceFen),
    y(u.settlementBaseFen),
    u.score?.period ?? '未考核',
    u.score ? u.score.centi / 100 : null,
    u.score ? u.score.maxCenti / 100 : null,
    y(u.settledFen),
    y(u.withheldFen),
    y(u.finalFen),
    y(u.disbursedFen),
    y(u.balanceFen),
    u.daysSinceAllocation,
    u.idle ? '是' : u.late ? '拨付滞后' : '',
  ]);
  rows.push([
    '合计',
    null,
    y(sum(s.units, (u) => u.amountFen)),
    y(sum(s.units, (u) => u.advanceFen)),
    y(sum(s.units, (u) => u.settlementBaseFen)),
    null,
    null,
    null,
    y(sum(s.units, (u) => u.settledFen)),
    y(sum(s.units, (u) => u.withheldFen)),
    y(sum(s.units, (u) => u.finalFen)),
    y(sum(s.units, (u) => u.disbursedFen)),
    y(sum(s.units, (u) => u.balanceFen)),
    null,
    `${s.totals.idleUnits}个单位沉淀`,
  ]);
  return rows;
}

const MONEY = '#,##0.00';

/**
 * The .xlsx: sheet 经费分配 and sheet 经费结算, each with its title, a 合计 row and the
 * parameters line under the table.
 */
export async function fundsXlsx(s: FundsStatus, orgName: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Gongwei 公卫';
  const a = addTableSheet(
    workbook,
    '经费分配',
    allocationTitle(s, orgName),
    ALLOCATION_HEADER,
    allocationRows(s),
    {
      3: MONEY,
      4: MONEY,
      5: MONEY,
      6: MONEY,
      7: MONEY,
      8: MONEY,
      9: MONEY,
    },
  );
  a.addRow([]);
  a.addRow([`说明：${parametersText(s)}`]);
  const b = addTableSheet(
    workbook,
    '经费结算',
    settlementTitle(s, orgName),
    SETTLEMENT_HEADER,
    settlementRows(s),
    {
      2: MONEY,
      3: MONEY,
      4: MONEY,
      6: '0.00',
      7: '0.00',
      8: MONEY,
      9: MONEY,
      10: MONEY,
      11: MONEY,
      12: MONEY,
    },
  );
  b.addRow([]);
  b.addRow([
    '说明：结算金额 = 待考核结算 × 折算得分 ÷ 满分（四舍五入到分）；全年应拨 = 预拨 + 结算金额；结余 = 分配金额 − 已拨付。',
  ]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function text(cell: string | number | null, money: boolean): string {
  if (cell === null) return '—';
  if (typeof cell === 'number' && money) return formatYuan(Math.round(cell * 100));
  return String(cell);
}

/** The .docx: title, the parameters paragraph, the allocation and the settlement tables. */
export async function fundsDocx(s: FundsStatus, orgName: string, issuer: string): Promise<Buffer> {
  const moneyA = new Set([3, 4, 5, 6, 7, 8, 9]);
  const moneyS = new Set([2, 3, 4, 8, 9, 10, 11, 12]);
  const blocks: DocBlock[] = [
    { kind: 'title', text: `${orgName}${s.allocation.year}年基本公共卫生服务补助经费分配及结算情况` },
    { kind: 'paragraph', text: parametersText(s) },
    { kind: 'heading', text: '一、经费分配' },
    {
      kind: 'table',
      header: ALLOCATION_HEADER,
      rows: allocationRows(s).map((r) => r.map((c, i) => text(c, moneyA.has(i)))),
    },
    { kind: 'heading', text: '二、考核结算与拨付' },
    {
      kind: 'table',
      header: SETTLEMENT_HEADER,
      rows: settlementRows(s).map((r) =>
        r.map((c, i) =>
          i === 6 || i === 7
            ? c === null
              ? '—'
              : formatCenti(Math.round(Number(c) * 100))
            : text(c, moneyS.has(i)),
        ),
      ),
    },
    { kind: 'paragraph', text: issuer, align: 'right' },
    { kind: 'paragraph', text: formatChineseDate(s.asOf), align: 'right' },
  ];
  return renderDocx(blocks);
}
