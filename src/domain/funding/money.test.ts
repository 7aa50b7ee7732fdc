import { describe, expect, it } from 'vitest';
import { formatYuan, parseYuan, shareOf } from './money.js';

describe('money in fen', () => {
  it('reads yuan as written', () => {
    expect(parseYuan('1,234.5')).toBe(123450);
    expect(parseYuan('74')).toBe(7400);
    expect(parseYuan('0.01')).toBe(1);
    expect(parseYuan('12.345')).toBeNull();
    expect(parseYuan('abc')).toBeNull();
    expect(parseYuan('100元')).toBe(10000);
    expect(parseYuan(0.1 + 0.2)).toBeNull();
    expect(parseYuan(1234.56)).toBe(123456);
  });
  it('formats with two decimals', () => {
    expect(formatYuan(123450)).toBe('1,234.50');
    expect(formatYuan(5, false)).toBe('0.05');
    expect(formatYuan(-100)).toBe('-1.00');
  });
  it('takes shares half up', () => {
    expect(shareOf(1, 5000)).toBe(1);
    expect(shareOf(1, 4999)).toBe(0);
    expect(shareOf(12345, 4000)).toBe(4938);
  });
});
