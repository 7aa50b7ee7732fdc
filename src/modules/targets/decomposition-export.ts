/**
 * A decomposition (the Yumen-style 任务分解方案) as an Excel workbook in the plan-check
 * layout of docs/targets.md, so the exported sheet can be edited and checked again.
 */
import ExcelJS from 'exceljs';
import type { PlanDecomposition } from '../../domain/targets/plan-decomposition.js';

/**
 * One row per area: 区域, 辖区人口数, 责任单位, 责任人, then per indicator 全年, 半年 and
 * the cumulative milestones, headed `<indicator>:<field>`.
 *
 * @example
 * writeFileSync('plan.xlsx', await decompositionXlsx(decomposePlan(plan), '玉门市城市基本公共卫生服务上半年任务分解方案'));
 */
export async function decompositionXlsx(decomposition: PlanDecomposition, title: string): Promise<Buffer> {
  const indicators = [...new Set(decomposition.areas.flatMap((a) => Object.keys(a.indicators)))];
  const headers = ['区域', '辖区人口数', '责任单位', '责任人'];
  for (const indicator of indicators) {
    headers.push(
      `${indicator}:全年`,
      `${indicator}:半年`,
      ...decomposition.milestones.map((m) => `${indicator}:${m}`),
    );
  }
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('任务分解');
  sheet.mergeCells(1, 1, 1, headers.length);
  sheet.getCell(1, 1).value = title;
  sheet.getCell(1, 1).font = { size: 16, bold: true };
  sheet.getCell(1, 1).alignment = { horizontal: 'center' };
  sheet.addRow(headers).font = { bold: true };
  for (const area of decomposition.areas) {
    const cells: (string | number | null)[] = [
      area.name,
      area.population,
      area.responsibleUnit,
      area.responsiblePerson,
    ];
    for (const indicator of indicators) {
      const d = area.indicators[indicator];
      cells.push(
        d?.annual ?? null,
        d?.half ?? null,
        ...decomposition.milestones.map((_, i) => d?.cumulative[i] ?? null),
      );
    }
    sheet.addRow(cells);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
