import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { UnusedRecordPage } from './list-unused-records.js';
import { UNUSED_RECORD_COLUMNS, unusedRecordsTitle, unusedRecordsXlsx } from './unused-records-workbook.js';

const LIST: UnusedRecordPage = {
  findingId: 7,
  org: '620881100201',
  orgName: '东华村',
  noServiceSince: '2019-06-30',
  asOf: '2020-06-30',
  total: 2,
  page: 1,
  pageSize: 20_000,
  items: [
    {
      residentId: 1,
      recordNo: '62088110020100001',
      name: '张**',
      idNumber: '620881********0011',
      recordUpdated: '2018-03-02',
      lastService: null,
    },
    {
      residentId: 2,
      recordNo: '62088110020100002',
      name: '李**',
      idNumber: '620881********0027',
      recordUpdated: '2019-05-01',
      lastService: '2019-05-01',
    },
  ],
};

describe('unusedRecordsXlsx', () => {
  it('names the org and the period of use in Chinese dates', () => {
    expect(unusedRecordsTitle(LIST)).toBe(
      '东华村 非动态使用档案（2019年6月30日至2020年6月30日无更新无服务）',
    );
    expect(unusedRecordsTitle({ ...LIST, orgName: null })).toMatch(/^620881100201 非动态使用档案/);
  });

  it('writes a title row, the header and one row per record, record numbers as text', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await unusedRecordsXlsx(LIST)) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getCell(1, 1).value).toBe(unusedRecordsTitle(LIST));
    expect((sheet.getRow(2).values as unknown[]).slice(1)).toEqual(UNUSED_RECORD_COLUMNS);
    expect((sheet.getRow(3).values as unknown[]).slice(1)).toEqual([
      1,
      '62088110020100001',
      '张**',
      '620881********0011',
      '2018-03-02',
      '—',
    ]);
    expect((sheet.getRow(4).values as unknown[]).slice(1)).toEqual([
      2,
      '62088110020100002',
      '李**',
      '620881********0027',
      '2019-05-01',
      '2019-05-01',
    ]);
    expect(sheet.getCell(3, 2).numFmt).toBe('@');
    expect(sheet.rowCount).toBe(4);
  });
});
