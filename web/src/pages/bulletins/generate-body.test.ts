import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { generateBody } from './GenerateForm';

describe('the body of a bulletin request', () => {
  it('leaves empty fields to the server and trims what was typed', () => {
    expect(
      generateBody('620881', '2020Q2', { format: 'docx', issuer: '  ', docNumber: '', nameLowest: null }),
    ).toEqual({
      orgCode: '620881',
      period: '2020Q2',
      format: 'docx',
    });
  });

  it('sends every option the API takes, the date as YYYY-MM-DD', () => {
    expect(
      generateBody('620800', '2020-06-1', {
        format: 'html',
        issuer: ' 平凉市卫生健康委员会 ',
        date: dayjs('2020-08-28'),
        docNumber: '平卫函发〔2020〕367号',
        compareTo: '620000=92.73%',
        nameLowest: 0,
        threshold: 'records=0.9',
        dataTakenOn: dayjs('2020-07-05'),
        copyTo: ' 市人民政府办公室 ',
        printedBy: '平凉市卫生健康委员会办公室',
      }),
    ).toEqual({
      orgCode: '620800',
      period: '2020-06-1',
      format: 'html',
      issuer: '平凉市卫生健康委员会',
      date: '2020-08-28',
      docNumber: '平卫函发〔2020〕367号',
      compareTo: '620000=92.73%',
      nameLowest: 0,
      threshold: 'records=0.9',
      dataTakenOn: '2020-07-05',
      copyTo: '市人民政府办公室',
      printedBy: '平凉市卫生健康委员会办公室',
    });
  });
});
