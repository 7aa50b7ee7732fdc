import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { changeLanguage } from '../../i18n/i18n';
import { AllocationTable } from './AllocationTable';
import type { FundsStatus, UnitStatus } from './funding-data';
import { SettlementTable } from './SettlementTable';

const base: UnitStatus = {
  unitCode: '620802100',
  unitName: '崆峒镇',
  countyCode: '620802',
  population: 3001,
  amountFen: 22_207_400,
  earmarkFen: 1_500_500,
  villageFen: 9_000_000,
  advanceFen: 15_545_180,
  disbursedFen: 22_207_400,
  balanceFen: 0,
  daysSinceAllocation: 120,
  thresholdFen: 6_662_220,
  late: false,
  idle: false,
  lastPaidOn: '2020-05-20',
  score: { runId: 3, period: '2020H1', centi: 8500, maxCenti: 10000 },
  settlementBaseFen: 6_662_220,
  settledFen: 5_662_887,
  withheldFen: 999_333,
  finalFen: 21_208_067,
};
const late: UnitStatus = {
  ...base,
  unitCode: '620802101',
  unitName: '白水镇',
  amountFen: 100_000,
  advanceFen: 70_000,
  disbursedFen: 20_000,
  balanceFen: 80_000,
  thresholdFen: 30_000,
  late: true,
  idle: true,
  score: null,
  settlementBaseFen: 30_000,
  settledFen: null,
  withheldFen: null,
  finalFen: null,
};
const status = {
  allocation: {
    orgCode: '620800',
    year: 2020,
    allocatedOn: '2020-05-01',
    idleAfter: '2020-09-30',
    idleThresholdBp: 3000,
    lateAfterDays: 30,
    perCapitaFen: 7400,
  },
  asOf: '2020-10-31',
  units: [base, late],
} as unknown as FundsStatus;

describe('the funds tables', () => {
  it('flags a late and idle unit with its reasons and sums the rows in the 合计 row', async () => {
    await changeLanguage('zh-CN');
    render(<AllocationTable status={status} units={status.units} />);
    const ok = screen.getByText('崆峒镇').closest('tr')!;
    expect(within(ok).getByText('正常')).toBeTruthy();
    expect(within(ok).getAllByText('222,074.00')).toHaveLength(2);
    const flagged = screen.getByText('白水镇').closest('tr')!;
    expect(within(flagged).getByText('迟拨')).toBeTruthy();
    expect(within(flagged).getByText('沉淀')).toBeTruthy();
    expect(within(flagged).getByText('预拨700.00元未在30天内拨付到位（已拨200.00元）')).toBeTruthy();
    expect(within(flagged).getByText('2020-09-30后结余800.00元，超过分配额的30%（300.00元）')).toBeTruthy();
    const total = screen.getByText('合计').closest('tr')!;
    expect(within(total).getByText('223,074.00')).toBeTruthy();
    expect(within(total).getByText('222,274.00')).toBeTruthy();
  });

  it('settles by the score, shows the wait without one, and names the run used', async () => {
    await changeLanguage('en');
    render(<SettlementTable units={status.units} />);
    const row = screen.getByText('崆峒镇').closest('tr')!;
    expect(within(row).getByText('85.00 / 100.00')).toBeTruthy();
    expect(within(row).getByText('56,628.87')).toBeTruthy();
    expect(within(row).getByText('9,993.33')).toBeTruthy();
    expect(within(screen.getByText('白水镇').closest('tr')!).getAllByText('Waiting')).toHaveLength(3);
    expect(screen.getByText(/Assessment used: 2020H1 #3/)).toBeTruthy();
    await changeLanguage('zh-CN');
  });

  it('says the settlement waits when no unit has a score', async () => {
    await changeLanguage('zh-CN');
    render(<SettlementTable units={[late]} />);
    expect(screen.getByText('本年度还没有考核结果，清算待考核后进行。')).toBeTruthy();
  });
});
