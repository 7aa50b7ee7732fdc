import { describe, expect, it } from 'vitest';
import { isBlank, readCount, readCurve, readQuantity, readRate, readText } from './table-cells.js';

describe('table cells', () => {
  it('reads text and blanks', () => {
    expect(readText('  北坪 ')).toBe('北坪');
    expect(readText('   ')).toBeNull();
    expect(readText(12)).toBe('12');
    expect(isBlank(null)).toBe(true);
    expect(isBlank(0)).toBe(false);
  });
  it('reads counts with full-width digits, commas and spaces', () => {
    expect(readCount('１２００', 2, 'c')).toBe(1200);
    expect(readCount(' 1,200 ', 2, 'c')).toBe(1200);
    expect(readCount(7, 2, 'c')).toBe(7);
    expect(readCount(null, 2, 'c', false)).toBeNull();
    expect(() => readCount(null, 2, 'c')).toThrow('row 2, column c: must not be empty');
    expect(() => readCount('80%', 2, 'c')).toThrow(/not a percentage/);
    expect(() => readCount('1.5', 2, 'c')).toThrow(/whole number/);
    expect(() => readCount('1e3', 2, 'c')).toThrow(/must be a number/);
    expect(() => readCount(Number.POSITIVE_INFINITY, 2, 'c')).toThrow(/must be a number/);
  });
  it('reads quantities with decimals', () => {
    expect(readQuantity('3256.2', 2, 'b')).toBe(3256.2);
    expect(() => readQuantity('-1', 2, 'b')).toThrow(/negative/);
  });
  it('reads rates as fractions or percentages, refusing bare numbers above 1', () => {
    expect(readRate('80%', 2, 'r')).toBe(0.8);
    expect(readRate('15％', 2, 'r')).toBe(0.15);
    expect(readRate(0.9, 2, 'r')).toBe(0.9);
    expect(readRate('100%', 2, 'r')).toBe(1);
    expect(() => readRate(80, 2, 'r')).toThrow(/percentage/);
    expect(() => readRate('-5%', 2, 'r')).toThrow(/negative/);
  });
  it('reads curves and insists they add up to the whole', () => {
    expect(readCurve('40/30/30', 2, 'k')).toEqual([40, 30, 30]);
    expect(readCurve('0.3,0.3,0.4', 2, 'k')).toEqual([0.3, 0.3, 0.4]);
    expect(readCurve('40%、30%、30%', 2, 'k')).toEqual([40, 30, 30]);
    expect(readCurve('４０／３０／３０', 2, 'k')).toEqual([40, 30, 30]);
    expect(readCurve(null, 2, 'k')).toBeNull();
    expect(() => readCurve('40/30/20', 2, 'k')).toThrow(/100%/);
    expect(() => readCurve('四成/三成', 2, 'k')).toThrow(/40\/30\/30/);
  });
});
