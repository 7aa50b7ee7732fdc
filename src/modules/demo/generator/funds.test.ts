import { describe, expect, it } from 'vitest';
import { parseYuan } from '../../../domain/funding/money.js';
import { planDemoPayments, type DemoFundsUnit } from './funds.js';

const units: DemoFundsUnit[] = Array.from({ length: 60 }, (_, i) => ({
  code: `6208${String(2 + (i % 3)).padStart(2, '0')}${String(100 + i)}`,
  countyCode: `6208${String(2 + (i % 3)).padStart(2, '0')}`,
  amountFen: 1_000_000 + i * 12_345,
  advanceFen: Math.round((1_000_000 + i * 12_345) * 0.6),
}));
const names = new Map([
  ['620802', '崆峒区'],
  ['620803', '某县'],
  ['620804', '另一县'],
]);

describe('the demo payments', () => {
  const plan = planDemoPayments(units, names, 2020);
  const paidBy = (code: string, until = '2020-12-31'): number =>
    plan.payments
      .filter((p) => p.payeeCode === code && p.paidOn <= until)
      .reduce((s, p) => s + parseYuan(p.amount)!, 0);

  it('gives a few centres each troubled course, the rest on time, the same for the same seed', () => {
    const courses = [...plan.courses.values()];
    expect(courses.filter((c) => c === 'slow')).toHaveLength(3);
    expect(courses.filter((c) => c === 'idle')).toHaveLength(3);
    expect(courses.filter((c) => c === 'short')).toHaveLength(2);
    expect(courses.filter((c) => c === 'on_time')).toHaveLength(52);
    expect(planDemoPayments(units, names, 2020)).toEqual(plan);
    expect(planDemoPayments(units, names, 2021).courses).not.toEqual(plan.courses);
  });

  it('pays each course as it says: advance in time or not, balance under or over 30 % at the year end', () => {
    for (const u of units) {
      const course = plan.courses.get(u.code)!;
      const inTime = paidBy(u.code, '2020-05-20');
      const year = paidBy(u.code);
      expect(year).toBeLessThanOrEqual(u.amountFen);
      if (course === 'on_time') {
        expect(inTime, u.code).toBe(u.advanceFen);
        expect(u.amountFen - year).toBeLessThan(u.amountFen * 0.3);
      } else if (course === 'slow') {
        expect(paidBy(u.code, '2020-06-30')).toBe(0);
        expect(u.amountFen - year).toBeLessThan(u.amountFen * 0.3);
      } else if (course === 'idle') {
        expect(year).toBe(u.advanceFen);
      } else {
        expect(year).toBeLessThan(u.advanceFen);
        expect(year).toBeGreaterThan(0);
      }
    }
  });

  it('pays in 2020, from the county health bureau, in yuan with two decimals, by date', () => {
    for (const p of plan.payments) {
      expect(p.paidOn >= '2020-04-20' && p.paidOn <= '2020-12-31').toBe(true);
      expect(p.amount).toMatch(/^\d+\.\d{2}$/);
      expect(p.payer).toMatch(/卫生健康局$/);
    }
    expect(plan.payments.find((p) => p.payeeCode.startsWith('620802'))?.payer).toBe('崆峒区卫生健康局');
    const dates = plan.payments.map((p) => p.paidOn);
    expect(dates).toEqual([...dates].sort());
  });

  it('leaves out a centre without money', () => {
    const empty = planDemoPayments(
      [{ code: '620802199', countyCode: '620802', amountFen: 0, advanceFen: 0 }],
      names,
      1,
    );
    expect(empty.payments).toEqual([]);
    expect(empty.courses.size).toBe(0);
  });
});
