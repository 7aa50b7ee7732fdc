import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { changeLanguage } from '../../i18n/i18n';
import { ContractIndicatorsTable, type ContractIndicatorsAnswer } from './ContractIndicatorsTable';

const answer: ContractIndicatorsAnswer = {
  period: '2020H1',
  periodLabel: { zh: '2020年上半年', en: 'H1 2020' },
  indicators: [
    {
      id: 'contract_rate',
      name: { zh: '家庭医生签约率', en: 'Family-doctor contract rate' },
      definition: { zh: '期末有效签约 / 常住人口', en: 'holding / population' },
    },
    {
      id: 'renewal_rate',
      name: { zh: '续约率', en: 'Renewal rate' },
      definition: { zh: '续约 / 到期', en: 'renewed / due' },
    },
  ],
  rows: [
    {
      orgCode: '620881100',
      orgName: '城关镇',
      level: 4,
      values: [
        { id: 'contract_rate', numerator: 4, denominator: 20, value: 20 },
        { id: 'renewal_rate', numerator: 1, denominator: 3, value: 100 / 3 },
      ],
    },
    {
      orgCode: '620881100201',
      orgName: '东关村',
      level: 5,
      values: [
        { id: 'contract_rate', numerator: 12_346, denominator: 20_000, value: 61.73 },
        { id: 'renewal_rate', numerator: 0, denominator: 0, value: null },
      ],
    },
  ],
};

describe('the contract indicators table', () => {
  it('shows each rate as a percent over its numerator and denominator, the org first and in bold', async () => {
    await changeLanguage('zh-CN');
    const { container } = render(<ContractIndicatorsTable answer={answer} />);
    expect(screen.getAllByText('家庭医生签约率').length).toBeGreaterThan(0);
    const rows = [...container.querySelectorAll<HTMLElement>('tr.ant-table-row')];
    expect(rows).toHaveLength(2);
    const town = within(rows[0]!);
    expect(town.getByText('城关镇').tagName).toBe('STRONG');
    expect(town.getByText('20.00%')).toBeTruthy();
    expect(town.getByText('4/20')).toBeTruthy();
    expect(town.getByText('33.33%')).toBeTruthy();
    const village = within(rows[1]!);
    expect(village.getByText('东关村').tagName).not.toBe('STRONG');
    // Counts the Chinese way, and a rate without a denominator says so rather than 0 %.
    expect(village.getByText('61.73%')).toBeTruthy();
    expect(village.getByText('1.23万/2.00万')).toBeTruthy();
    expect(village.getByText('无分母')).toBeTruthy();
    expect(village.queryByText('0.00%')).toBeNull();
  });

  it('speaks English', async () => {
    await changeLanguage('en');
    render(<ContractIndicatorsTable answer={answer} />);
    expect(screen.getAllByText('Renewal rate').length).toBeGreaterThan(0);
    expect(screen.getByText('no denominator')).toBeTruthy();
    expect(screen.getByText('12,346/20,000')).toBeTruthy();
    await changeLanguage('zh-CN');
  });
});
