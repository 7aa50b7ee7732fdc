import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { nameListXlsx } from './name-list-workbook.js';

describe('nameListXlsx', () => {
  it('writes the title across the sheet, the header, the rows, long numbers as text, two rows frozen', async () => {
    const workbook = new ExcelJS.Workbook();
    const file = await nameListXlsx({
      sheet: '名单',
      title: '东华村 名单',
      orientation: 'portrait',
      columns: [
        { header: '序号', width: 6 },
        { header: '档案编号', width: 20, text: true },
        { header: '姓名', width: 10 },
      ],
      rows: [
        [1, '62088110020100001', '张**'],
        [2, '62088110020100002', '李**'],
      ],
    });
    await workbook.xlsx.load(file as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('名单')!;
    expect(sheet.getCell(1, 1).value).toBe('东华村 名单');
    expect(sheet.getCell(1, 3).isMerged).toBe(true);
    expect((sheet.getRow(2).values as unknown[]).slice(1)).toEqual(['序号', '档案编号', '姓名']);
    expect((sheet.getRow(4).values as unknown[]).slice(1)).toEqual([2, '62088110020100002', '李**']);
    expect([sheet.getCell(3, 2).numFmt, sheet.getCell(3, 3).numFmt]).toEqual(['@', undefined]);
    expect(sheet.getColumn(2).width).toBe(20);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(sheet.pageSetup.orientation).toBe('portrait');
  });
});
