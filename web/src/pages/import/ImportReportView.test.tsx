import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { changeLanguage } from '../../i18n/i18n';
import { ImportReportView, type ImportReport } from './ImportPage';

const report: ImportReport = {
  kind: 'residents',
  file: '居民.csv',
  encoding: 'utf-8',
  rowsRead: 12_345,
  valid: 12_344,
  inserted: 12_000,
  updated: 344,
  rejected: 1,
  landed: false,
  rejections: [
    {
      row: 3,
      column: '建档日期',
      field: 'recordCreated',
      value: '2020-02-30',
      reason: { zh: '日期不存在', en: 'no such date' },
    },
  ],
  rejectionsListed: true,
  ignoredColumns: ['备注'],
  titleRows: [],
  totalRows: [],
};

describe('the import report', () => {
  it('shows the counts the Chinese way and each refused row with row, column, value and reason', async () => {
    await changeLanguage('zh-CN');
    render(<ImportReportView report={report} />);
    // Read and valid: 12,345 and 12,344 rows, both 1.23万.
    expect(screen.getAllByText('1.23万')).toHaveLength(2);
    expect(screen.getByText('将新增')).toBeTruthy();
    const row = screen.getByText('日期不存在').closest('tr')!;
    expect(within(row).getByText('3')).toBeTruthy();
    expect(within(row).getByText('建档日期')).toBeTruthy();
    expect(within(row).getByText('2020-02-30')).toBeTruthy();
    expect(screen.getByText('未读取的列：备注')).toBeTruthy();
  });

  it('speaks English, and says the rows landed once they have', async () => {
    await changeLanguage('en');
    render(<ImportReportView report={{ ...report, landed: true }} />);
    expect(screen.getByText('no such date')).toBeTruthy();
    expect(screen.getByText('Inserted')).toBeTruthy();
    expect(screen.getByText(/Import result/)).toBeTruthy();
    await changeLanguage('zh-CN');
  });
});
