import { fireEvent, render, screen, within } from '@testing-library/react';
import { App } from 'antd';
import { MemoryRouter } from 'react-router-dom';
import { describe, expect, it, vi } from 'vitest';
import { changeLanguage } from '../../i18n/i18n';
import type { RunReport } from './assessment-data';
import { ResultsView } from './ResultsView';
import { UnitItemsTable } from './UnitItemsDrawer';

const report: RunReport = {
  run: {
    id: 7,
    schemeId: 1,
    schemeCode: 'national-basic',
    schemeVersion: 1,
    orgCode: '620800',
    orgName: '平凉市',
    period: '2020H1',
    dataCutoff: '2020-06-30',
    unitCount: 2,
    createdBy: 'bureau1',
    createdAt: '2020-07-02T08:00:00.000Z',
  },
  schemeName: { zh: '默认方案', en: 'Default' },
  previousRunId: 5,
  units: [
    {
      unitCode: '620881',
      unitName: '华亭市',
      totalCenti: 7000,
      maxCenti: 10000,
      applicableCenti: 8000,
      convertedCenti: 8750,
      missing: 2,
      rank: 1,
      previousCenti: 8500,
      previousRank: 2,
      changeCenti: 250,
      rankChange: 1,
    },
    {
      unitCode: '620802',
      unitName: '崆峒区',
      totalCenti: 6000,
      maxCenti: 10000,
      applicableCenti: 8000,
      convertedCenti: 7500,
      missing: 0,
      rank: 2,
      previousCenti: null,
      previousRank: null,
      changeCenti: null,
      rankChange: null,
    },
  ],
  sections: [
    {
      id: 'execution',
      name: { zh: '项目执行', en: 'Execution' },
      items: [{ id: 'exe.child', name: { zh: '0-6岁儿童健康管理率', en: 'Child health' } }],
    },
  ],
  items: [
    {
      unitCode: '620881',
      sectionId: 'execution',
      itemId: 'exe.child',
      kind: 'indicator',
      indicator: 'child.health_management_rate',
      value: 0.8,
      numerator: 80,
      denominator: 100,
      target: 0.85,
      targetSource: 'fixed',
      scoring: { rule: 'pro_rata' },
      pointsCenti: 400,
      centi: 376,
      status: 'scored',
      explanation: { zh: '4 × 0.8 ÷ 0.85 = 3.76', en: '4 × 0.8 ÷ 0.85 = 3.76' },
      inputs: {},
    },
  ],
};

describe('the assessment results', () => {
  it('ranks the units with converted score, score of the applicable maximum and the change', async () => {
    await changeLanguage('zh-CN');
    const onUnit = vi.fn();
    render(
      <App>
        <ResultsView report={report} onUnit={onUnit} />
      </App>,
    );
    const first = screen.getByText('华亭市').closest('tr')!;
    expect(within(first).getByText('87.50')).toBeTruthy();
    expect(within(first).getByText('70.00 / 80.00')).toBeTruthy();
    expect(within(first).getByText('+2.50 ↑1')).toBeTruthy();
    const second = screen.getByText('崆峒区').closest('tr')!;
    expect(within(second).getByText('—')).toBeTruthy();
    expect(screen.getByText(/对比第5次考核/)).toBeTruthy();
    expect(screen.getByText('下载通报（Word）')).toBeTruthy();
    fireEvent.click(within(first).getByText('87.50'));
    expect(onUnit).toHaveBeenCalledWith(report.units[0]);
  });

  it("shows a unit's items with value, target, rule and score, and links an indicator to its page", async () => {
    await changeLanguage('en');
    render(
      <MemoryRouter>
        <UnitItemsTable report={report} items={report.items} />
      </MemoryRouter>,
    );
    const row = screen.getByText('Child health').closest('tr')!;
    expect(within(row).getByText('80.00%')).toBeTruthy();
    expect(within(row).getByText('85.00%')).toBeTruthy();
    expect(within(row).getByText('pro_rata')).toBeTruthy();
    expect(within(row).getByText('3.76')).toBeTruthy();
    expect(within(row).getByText('Indicator').getAttribute('href')).toBe(
      '/indicators/child.health_management_rate?org=620881&period=2020H1',
    );
    expect(within(row).queryByText('People')).toBeNull();
    await changeLanguage('zh-CN');
  });
});
