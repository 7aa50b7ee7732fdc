import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { changeLanguage } from '../../i18n/i18n';
import { ContractImportResult, type ContractImportReport } from './ContractImportPanel';

const refused: ContractImportReport = {
  kind: 'contracts',
  file: '签约.csv',
  encoding: 'gbk',
  rowsRead: 3,
  inserted: 0,
  updated: 0,
  renewals: 0,
  rejected: 2,
  landed: false,
  rejections: [
    {
      row: 3,
      column: '档案编号',
      field: 'recordNo',
      value: '62088110020199999',
      reason: { zh: '档案编号不存在或不在本机构管辖范围内', en: 'no such record number within your scope' },
    },
    {
      row: 4,
      column: '服务包',
      field: 'packageCode',
      value: '黄金包',
      reason: { zh: '服务包应为：basic、elderly', en: 'package must be one of basic, elderly' },
    },
  ],
  rejectionsListed: true,
  ignoredColumns: [],
};

describe('the contract import result', () => {
  it('says nothing was stored and names each refused row, column, value and reason', async () => {
    await changeLanguage('zh-CN');
    const { container } = render(<ContractImportResult report={refused} />);
    expect(screen.getByText('2 行被拒绝，未导入任何数据。请改正后重新导入。')).toBeTruthy();
    const rows = [...container.querySelectorAll<HTMLElement>('tr.ant-table-row')];
    expect(rows).toHaveLength(2);
    expect(within(rows[0]!).getByText('档案编号')).toBeTruthy();
    expect(within(rows[0]!).getByText('3')).toBeTruthy();
    expect(within(rows[1]!).getByText('黄金包')).toBeTruthy();
  });

  it('gives the counts of a landed import, in English too', async () => {
    await changeLanguage('en');
    const landed = {
      ...refused,
      landed: true,
      rejected: 0,
      rejections: [],
      inserted: 5,
      updated: 1,
      renewals: 2,
      rowsRead: 6,
    };
    const { container } = render(<ContractImportResult report={landed} />);
    expect(screen.getByText('Imported: 6 rows read, 5 new, 1 updated, 2 renewals.')).toBeTruthy();
    expect(container.querySelector('table')).toBeNull();
    await changeLanguage('zh-CN');
  });
});
