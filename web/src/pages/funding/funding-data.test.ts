import { describe, expect, it } from 'vitest';
import {
  coveringAllocation,
  defaultYear,
  flagReasons,
  percent,
  perCapita,
  totalsOf,
  unitsUnder,
  yuan,
  type AllocationSummary,
  type FundsStatus,
  type UnitStatus,
} from './funding-data';

const allocation = (orgCode: string, year: number): AllocationSummary => ({
  id: 1,
  orgCode,
  countyCode: null,
  year,
  perCapitaFen: 7400,
  earmarkFen: 500,
  villageShareBp: 4000,
  advanceShareBp: 7000,
  countyShareBp: 600,
  population: 1000,
  totalFen: 7_400_000,
  allocatedOn: `${year}-05-01`,
  idleAfter: `${year}-09-30`,
  idleThresholdBp: 3000,
  lateAfterDays: 30,
  source: '',
  createdBy: 'bureau1',
  createdAt: `${year}-05-01T00:00:00.000Z`,
});

const unit = (over: Partial<UnitStatus>): UnitStatus => ({
  unitCode: '620802100',
  unitName: '崆峒镇',
  countyCode: '620802',
  population: 3001,
  amountFen: 22_207_400,
  earmarkFen: 1_500_500,
  villageFen: 9_000_000,
  advanceFen: 15_545_180,
  disbursedFen: 0,
  balanceFen: 22_207_400,
  daysSinceAllocation: 183,
  thresholdFen: 6_662_220,
  late: false,
  idle: false,
  lastPaidOn: null,
  score: null,
  settlementBaseFen: 6_662_220,
  settledFen: null,
  withheldFen: null,
  finalFen: null,
  ...over,
});

describe('funds figures on the page', () => {
  it('prints fen as yuan with two decimals and separators, negatives too', () => {
    expect(yuan(22_207_400)).toBe('222,074.00');
    expect(yuan(5)).toBe('0.05');
    expect(yuan(-123_456)).toBe('-1,234.56');
    expect(perCapita(7400)).toBe('74');
    expect(perCapita(7450)).toBe('74.50');
    expect(percent(3000)).toBe('30%');
    expect(percent(1250)).toBe('12.5%');
  });

  it("shows the period's year when allocated, else the newest allocated year", () => {
    expect(defaultYear('2020Q2', [2021, 2020])).toBe(2020);
    expect(defaultYear('2022Q1', [2021, 2020])).toBe(2021);
    expect(defaultYear('2022Q1', [])).toBe(2022);
  });

  it("finds the narrowest allocation enclosing the chosen org in the year, not a neighbour's", () => {
    const list = [allocation('620800', 2020), allocation('620802', 2020), allocation('620800', 2021)];
    expect(coveringAllocation(list, '620802100', 2020)?.orgCode).toBe('620802');
    expect(coveringAllocation(list, '620821', 2020)?.orgCode).toBe('620800');
    expect(coveringAllocation(list, '620821', 2021)?.year).toBe(2021);
    expect(coveringAllocation(list, '621000', 2020)).toBeNull();
    expect(coveringAllocation(list, '620800', 2019)).toBeNull();
  });

  it("keeps a county's own units and sums them exactly", () => {
    const status = {
      allocation: allocation('620800', 2020),
      units: [unit({}), unit({ unitCode: '620821100', countyCode: '620821', amountFen: 101, settledFen: 7 })],
    } as unknown as FundsStatus;
    expect(unitsUnder(status, '620800')).toHaveLength(2);
    expect(unitsUnder(status, '620821').map((u) => u.unitCode)).toEqual(['620821100']);
    expect(unitsUnder(status, '620802100').map((u) => u.unitCode)).toEqual(['620802100']);
    const sum = totalsOf(status.units);
    expect(sum.amountFen).toBe(22_207_501);
    expect(sum.settledFen).toBe(7);
  });

  it('gives the reason of each flag in the figures of the rule', () => {
    const a = allocation('620800', 2020);
    const why = flagReasons(
      unit({ late: true, idle: true, disbursedFen: 100_000, balanceFen: 22_107_400 }),
      a,
    );
    expect(why.late).toEqual({
      key: 'flag.lateReason',
      values: { days: 30, advance: '155,451.80', paid: '1,000.00' },
    });
    expect(why.idle?.values).toEqual({
      after: '2020-09-30',
      balance: '221,074.00',
      threshold: '66,622.20',
      share: '30%',
    });
    expect(flagReasons(unit({}), a)).toEqual({ late: null, idle: null });
  });
});
