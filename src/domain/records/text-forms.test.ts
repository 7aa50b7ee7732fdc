import { describe, expect, it } from 'vitest';
import { isBloodPressureControlled, isGlucoseControlled } from './control.js';
import { cleanText, compactCode, compactPhone, toHalfWidth } from './full-width.js';
import { isIsoDate, isoDateOf } from './iso-date.js';
import { maskIdNumber, maskPhone } from '../privacy/masking.js';

describe('full-width text', () => {
  it('maps full-width ASCII and the ideographic space, leaving Chinese alone', () => {
    expect(toHalfWidth('６２０８８１　ＡＢｘ（１）张')).toBe('620881 ABx(1)张');
    expect(cleanText('  张　 三 ')).toBe('张 三');
    expect(cleanText('　')).toBeNull();
    expect(compactCode(' ６２０８８１ １９５５ x')).toBe('6208811955X');
    expect(compactCode('')).toBeNull();
    expect(compactPhone('１３８-0933 1234')).toBe('13809331234');
  });
});

describe('ISO dates', () => {
  it('knows leap years and month lengths', () => {
    expect(isIsoDate('2020-02-29')).toBe(true);
    expect(isIsoDate('2100-02-29')).toBe(false);
    expect(isIsoDate('2000-02-29')).toBe(true);
    expect(isIsoDate('2020-04-31')).toBe(false);
    expect(isIsoDate('2020-4-30')).toBe(false);
    expect(isoDateOf(1899, 12, 31)).toBeNull();
  });
});

describe('masking', () => {
  it('keeps the first 6 and last 4 of an ID number and the first 3 and last 4 of a phone', () => {
    expect(maskIdNumber('620881195501010011')).toBe('620881********0011');
    expect(maskIdNumber('123')).toBe('***');
    expect(maskPhone('13809331234')).toBe('138****1234');
    expect(maskPhone('0933-12')).toBe('*******');
    expect(maskPhone(null)).toBeNull();
  });
});

describe('control', () => {
  it('uses < 140/90 and < 7.0', () => {
    expect(isBloodPressureControlled(139, 89)).toBe(true);
    expect(isBloodPressureControlled(139, 90)).toBe(false);
    expect(isBloodPressureControlled(140, 60)).toBe(false);
    expect(isGlucoseControlled(6.99)).toBe(true);
    expect(isGlucoseControlled(7)).toBe(false);
  });
});
