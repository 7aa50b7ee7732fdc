/**
 * A run as a bureau sends it: the Excel table (results sheet ranked, with section scores,
 * converted score and change since the previous run; a detail sheet with every item's value,
 * target, rule and score) and the Word report (通报 layout: title, summary, ranking table,
 * and per unit the items that lost points).
 */
import ExcelJS from 'exceljs';
import { formatCenti } from '../../domain/assessment/exact.js';
import { parseBulletinPeriod } from '../../domain/bulletins/bulletin-period.js';
import { formatChineseDate } from '../../domain/bulletins/chinese-format.js';
import { addTableSheet, renderDocx, type DocBlock } from './document-layout.js';
import type { RunReport } from './run-report.js';

const STATUS = { scored: '已评分', not_applicable: '合理缺项', missing: '待录入' } as const;

function sectionCenti(report: RunReport, unit: string, section: string): number {
  return report.items
    .filter((i) => i.unitCode === unit && i.sectionId === section)
    .reduce((s, i) => s + (i.centi ?? 0), 0);
}

function title(report: RunReport, orgName: string): string {
  return `${orgName}${parseBulletinPeriod(report.run.period).label}基本公共卫生服务项目绩效考核结果`;
}

const change = (c: number | null): string => (c === null ? '—' : `${c > 0 ? '+' : ''}${formatCenti(c)}`);

/** The .xlsx of a run (the report must carry its items). */
export async function runReportXlsx(report: RunReport, orgName: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Gongwei 公卫';
  const header = [
    '排名',
    '单位',
    ...report.sections.map((s) => s.name.zh),
    '合计得分',
    '满分',
    '适用满分',
    '折算得分',
    '上次折算得分',
    '变化',
    '待录入项',
  ];
  const n = report.sections.length;
  addTableSheet(
    workbook,
    '考核结果',
    title(report, orgName),
    header,
    report.units.map((u) => [
      u.rank,
      u.unitName,
      ...report.sections.map((s) => sectionCenti(report, u.unitCode, s.id) / 100),
      u.totalCenti / 100,
      u.maxCenti / 100,
      u.applicableCenti / 100,
      u.convertedCenti / 100,
      u.previousCenti === null ? null : u.previousCenti / 100,
      u.changeCenti === null ? null : u.changeCenti / 100,
      u.missing,
    ]),
    Object.fromEntries(Array.from({ length: n + 6 }, (_, i) => [i + 2, '0.00'])),
  );
  const names = new Map(report.sections.flatMap((s) => s.items.map((i) => [i.id, i.name.zh] as const)));
  const sections = new Map(report.sections.map((s) => [s.id, s.name.zh]));
  const unitNames = new Map(report.units.map((u) => [u.unitCode, u.unitName]));
  addTableSheet(
    workbook,
    '考核明细',
    `${title(report, orgName)}明细（方案 ${report.run.schemeCode} 第${report.run.schemeVersion}版，数据截至${report.run.dataCutoff}）`,
    [
      '单位',
      '部分',
      '考核项',
      '指标',
      '实际值',
      '分子',
      '分母',
      '目标值',
      '目标来源',
      '评分规则',
      '分值',
      '得分',
      '状态',
      '计算说明',
    ],
    report.items.map((i) => [
      unitNames.get(i.unitCode) ?? i.unitCode,
      sections.get(i.sectionId) ?? i.sectionId,
      names.get(i.itemId) ?? i.itemId,
      i.indicator,
      i.value,
      i.numerator,
      i.denominator,
      i.target,
      i.targetSource,
      JSON.stringify(i.scoring),
      i.pointsCenti / 100,
      i.centi === null ? null : i.centi / 100,
      STATUS[i.status],
      i.explanation.zh,
    ]),
    { 10: '0.00', 11: '0.00' },
  );
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The .docx of a run (the report must carry its items). */
export async function runReportDocx(report: RunReport, orgName: string, issuer: string): Promise<Buffer> {
  const period = parseBulletinPeriod(report.run.period);
  const top = report.units.filter((u) => u.rank === 1).map((u) => u.unitName);
  const blocks: DocBlock[] = [
    { kind: 'title', text: title(report, orgName) },
    {
      kind: 'paragraph',
      text:
        `按照基本公共卫生服务项目绩效考核方案（${report.schemeName.zh}，第${report.run.schemeVersion}版），` +
        `对${report.units.length}个单位${period.label}工作进行了考核，数据截至${formatChineseDate(report.run.dataCutoff)}。` +
        `满分${formatCenti(report.units[0]?.maxCenti ?? 0)}分，合理缺项按适用满分折算。${top.length ? `${top.join('、')}排名第一。` : ''}`,
    },
    { kind: 'heading', text: '一、考核结果' },
    {
      kind: 'table',
      header: ['排名', '单位', ...report.sections.map((s) => s.name.zh), '合计', '折算得分', '较上次'],
      rows: report.units.map((u) => [
        String(u.rank),
        u.unitName,
        ...report.sections.map((s) => formatCenti(sectionCenti(report, u.unitCode, s.id))),
        formatCenti(u.totalCenti),
        formatCenti(u.convertedCenti),
        change(u.changeCenti),
      ]),
    },
    { kind: 'heading', text: '二、主要扣分项' },
  ];
  const names = new Map(report.sections.flatMap((s) => s.items.map((i) => [i.id, i.name.zh] as const)));
  for (const u of report.units) {
    const lost = report.items.filter(
      (i) => i.unitCode === u.unitCode && i.centi !== null && i.centi < i.pointsCenti,
    );
    blocks.push({
      kind: 'paragraph',
      text: lost.length
        ? `${u.unitName}：${lost
            .map(
              (i) =>
                `${names.get(i.itemId) ?? i.itemId}扣${formatCenti(i.pointsCenti - (i.centi ?? 0))}分（${i.explanation.zh}）`,
            )
            .join('；')}。`
        : `${u.unitName}：无扣分项。`,
    });
  }
  blocks.push(
    { kind: 'paragraph', text: issuer, align: 'right' },
    { kind: 'paragraph', text: formatChineseDate(report.run.createdAt.slice(0, 10)), align: 'right' },
  );
  return renderDocx(blocks);
}
