import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { changeLanguage } from '../../i18n/i18n';
import { MergePreviewTable, type MergePreview } from './DuplicateSets';

const FIELDS = [
  'id_number',
  'name',
  'sex',
  'birth_date',
  'ethnicity',
  'org_code',
  'phone',
  'contact_name',
  'contact_phone',
  'death_date',
  'moved_out_date',
] as const;

function values(phone: string | null): Record<string, string | null> {
  return {
    id_number: '620881********0025',
    name: '朱**',
    sex: null,
    birth_date: null,
    ethnicity: '汉族',
    org_code: '620881100004',
    phone,
    contact_name: null,
    contact_phone: null,
    death_date: null,
    moved_out_date: null,
  };
}

/** A preview as the server answers it: masked values, birth date and sex withheld. */
const PREVIEW: MergePreview = {
  setId: 7,
  status: 'open',
  keys: ['id_number'],
  survivorRecordNo: 'A0001',
  records: [
    {
      recordNo: 'A0001',
      org: '620881100004',
      survivor: true,
      recordCreated: '2011-03-03',
      recordUpdated: null,
      services: 5,
      enrollments: 2,
      values: values(null),
    },
    {
      recordNo: 'A0002',
      org: '620881100004',
      survivor: false,
      recordCreated: '2014-09-19',
      recordUpdated: null,
      services: 1,
      enrollments: 0,
      values: values('137****7864'),
    },
  ],
  fields: FIELDS.map((field) => ({
    field,
    agree: field !== 'phone',
    merged:
      field === 'phone'
        ? '137****7864'
        : field === 'sex' || field === 'birth_date'
          ? null
          : values(null)[field]!,
    source: field === 'phone' ? 'A0002' : 'A0001',
  })),
};

describe('the merge preview', () => {
  it('puts the records side by side, marks the survivor, the merged value and its source', async () => {
    await changeLanguage('zh-CN');
    render(<MergePreviewTable preview={PREVIEW} />);
    const headers = screen.getAllByRole('columnheader').map((h) => h.textContent);
    expect(headers).toEqual(['项目', 'A0001保留档案', 'A0002并入后删除', '合并后']);
    const phone = screen.getByText('电话').closest('tr')!;
    expect(within(phone).getAllByText('137****7864')).toHaveLength(2);
    expect(within(phone).getByText('取自 A0002')).toBeTruthy();
    // Disagreeing fields are marked; withheld fields show only whether the records agree.
    expect(screen.getByText('电话').className).toContain('danger');
    const birth = screen.getByText('出生日期').closest('tr')!;
    expect(within(birth).getAllByText('＝')).toHaveLength(3);
    const services = screen.getByText('服务记录').closest('tr')!;
    expect(within(services).getByText('6')).toBeTruthy();
  });

  it('speaks English', async () => {
    await changeLanguage('en');
    render(<MergePreviewTable preview={PREVIEW} />);
    expect(screen.getAllByText('Kept').length).toBeGreaterThan(0);
    expect(screen.getByText('From A0002')).toBeTruthy();
    await changeLanguage('zh-CN');
  });
});
