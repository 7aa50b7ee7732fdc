import { describe, expect, it } from 'vitest';
import { checkDisbursement, disbursementColumns, readDate } from './disbursements.js';

describe('disbursement records', () => {
  it('reads dates as bureaus write them', () => {
    expect(readDate('2020年6月30日')).toBe('2020-06-30');
    expect(readDate('2020/6/3')).toBe('2020-06-03');
    expect(readDate('2020-02-30')).toBeNull();
    expect(readDate(43983)).toBe('2020-06-01');
  });
  it('names every refused field of a row', () => {
    const r = checkDisbursement(
      { paidOn: '2020-13-01', payer: '', payeeCode: '620802100', amount: '1.234', purpose: '' },
      3,
      () => false,
    );
    expect(r.record).toBeNull();
    expect(r.issues.map((i) => [i.row, i.column])).toEqual([
      [3, '拨付日期'],
      [3, '付款单位'],
      [3, '收款单位编码'],
      [3, '金额（元）'],
    ]);
  });
  it('accepts a good row', () => {
    const r = checkDisbursement(
      {
        paidOn: '2020-07-01',
        payer: '平凉市财政局',
        payeeCode: '620802100',
        amount: '12,000.50',
        purpose: '预拨',
      },
      2,
      () => true,
    );
    expect(r.record).toEqual({
      paidOn: '2020-07-01',
      payer: '平凉市财政局',
      payeeCode: '620802100',
      amountFen: 1200050,
      purpose: '预拨',
    });
  });
  it('finds the columns by their Chinese headers', () => {
    const c = disbursementColumns(['拨付日期', '付款单位', '收款单位编码', '金额（元）', '用途'], 1);
    expect(c.issues).toEqual([]);
    expect(c.index).toEqual({ paidOn: 0, payer: 1, payeeCode: 2, amount: 3, purpose: 4 });
    expect(disbursementColumns(['日期'], 1).issues.map((i) => i.column)).toEqual([
      '付款单位',
      '收款单位编码',
      '金额（元）',
    ]);
  });
});
