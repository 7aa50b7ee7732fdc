import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCHEME, DEFAULT_SCHEME_JSON } from '../../domain/assessment/default-scheme.js';
import type { Scheme } from '../../domain/assessment/scheme.js';
import { GongweiError } from '../../domain/gongwei-error.js';
import { schemeFromXlsx, schemeToXlsx } from './scheme-workbook.js';

async function edited(scheme: Scheme, edit: (items: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await schemeToXlsx(scheme)) as unknown as ArrayBuffer);
  edit(book.getWorksheet('项目')!);
  return Buffer.from(await book.xlsx.writeBuffer());
}

async function refusal(bytes: Buffer): Promise<GongweiError> {
  const error = await schemeFromXlsx(bytes).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(GongweiError);
  return error as GongweiError;
}

describe('scheme workbook', () => {
  it('round-trips the default scheme unchanged: scheme → xlsx → scheme', async () => {
    const back = await schemeFromXlsx(await schemeToXlsx(DEFAULT_SCHEME));
    expect(back).toEqual(DEFAULT_SCHEME);
    expect(back).toEqual(JSON.parse(JSON.stringify(DEFAULT_SCHEME_JSON)));
  });

  it('round-trips notes, annual targets and a deduction cap', async () => {
    const scheme: Scheme = JSON.parse(JSON.stringify(DEFAULT_SCHEME));
    const items = scheme.sections[2]!.items;
    items[0] = { ...items[0]!, note: { zh: '备注', en: 'a note' } };
    const elderly = items.find((i) => i.id === 'exe.elderly')!;
    if (elderly.kind === 'indicator') elderly.target = { source: 'targets', basis: 'annual' };
    const quality = items.find((i) => i.id === 'exe.data_quality')!;
    if (quality.scoring.rule === 'deductions')
      quality.scoring = { rule: 'deductions', perFinding: quality.scoring.perFinding };
    expect(await schemeFromXlsx(await schemeToXlsx(scheme))).toEqual(scheme);
  });

  it('refuses a cell that is not a number, naming sheet, row and column', async () => {
    const bytes = await edited(DEFAULT_SCHEME, (sheet) => {
      sheet.getCell('H3').value = '四分';
    });
    const error = await refusal(bytes);
    expect(error.status).toBe(400);
    expect(error.issues).toEqual([
      expect.objectContaining({
        field: '项目!H3',
        message: expect.stringContaining("sheet '项目', row 3, column H"),
      }),
    ]);
  });

  it('names the row and column of an item the scheme refuses (unknown indicator, bad rule for the kind)', async () => {
    const bytes = await edited(DEFAULT_SCHEME, (sheet) => {
      sheet.getCell('I12').value = 'no.such_indicator';
      sheet.getCell('M2').value = 'pro_rata';
    });
    const fields = (await refusal(bytes)).issues.map((i) => i.field);
    expect(fields).toEqual(expect.arrayContaining(['项目!I12', '项目!M2']));
  });

  it('refuses a badly written deduction and a file that is no workbook', async () => {
    const bytes = await edited(DEFAULT_SCHEME, (sheet) => {
      const row = sheet.getColumn(5).values.findIndex((v) => v === 'exe.data_quality');
      sheet.getCell(`P${row}`).value = 'duplicate_records: 0.05';
    });
    expect((await refusal(bytes)).issues[0]!.field).toMatch(/^项目!P\d+$/);
    expect((await refusal(Buffer.from('not a workbook'))).status).toBe(400);
  });
});
