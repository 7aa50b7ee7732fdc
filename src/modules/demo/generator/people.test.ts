import { describe, expect, it } from 'vitest';
import { checkIdNumber } from '../../../domain/id-number/id-number.js';
import { idNumber, mobilePhone, personName, spoilIdNumber } from './people.js';
import { DemoRandom } from './random.js';

describe('idNumber', () => {
  it('builds valid GB 11643 numbers carrying county, birth date and sex', () => {
    for (let ordinal = 0; ordinal < 40; ordinal += 1) {
      const male = ordinal % 2 === 0;
      const id = idNumber('620881', '1955-03-10', male, ordinal);
      const check = checkIdNumber(id);
      expect(check.errors).toEqual([]);
      expect(check.birthDate).toBe('1955-03-10');
      expect(check.sex).toBe(male ? 'M' : 'F');
      expect(id.slice(0, 6)).toBe('620881');
    }
  });

  it('gives different numbers to different ordinals of one birth date and sex', () => {
    const ids = new Set(Array.from({ length: 400 }, (_, i) => idNumber('620802', '1980-01-01', true, i)));
    expect(ids.size).toBe(400);
  });
});

describe('spoilIdNumber', () => {
  const valid = idNumber('620802', '1970-05-06', false, 3);
  const r = new DemoRandom(1);

  it('empties', () => expect(spoilIdNumber(valid, 'empty', r)).toBeNull());

  it('breaks only the check character', () => {
    for (let i = 0; i < 20; i += 1) {
      const bad = spoilIdNumber(valid, 'checksum', r)!;
      expect(checkIdNumber(bad).errors).toEqual(['CHECKSUM']);
    }
  });

  it('breaks only the birth date', () => {
    for (let i = 0; i < 20; i += 1) {
      const bad = spoilIdNumber(valid, 'date', r)!;
      expect(checkIdNumber(bad).errors).toEqual(['DATE']);
    }
  });

  it('breaks the length', () => {
    for (let i = 0; i < 20; i += 1) {
      const bad = spoilIdNumber(valid, 'length', r)!;
      expect([17, 19]).toContain(bad.length);
      expect(checkIdNumber(bad).errors).toContain('LENGTH');
    }
  });
});

describe('names and phones', () => {
  it('are Chinese names of 2–3 characters and 11-digit mobiles', () => {
    const r = new DemoRandom(5);
    for (let i = 0; i < 200; i += 1) {
      expect(personName(r, i % 2 === 0)).toMatch(/^[\u4e00-\u9fff]{2,3}$/);
      expect(mobilePhone(r)).toMatch(/^1[35789]\d{9}$/);
    }
  });
});
