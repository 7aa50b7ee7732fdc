import { describe, expect, it } from 'vitest';
import { idCheckChar } from '../id-number/id-number.js';
import {
  armBpSeverity,
  findingKey,
  findingSubject,
  idProblemOf,
  judgeDigitPreference,
  outOfRange,
  placeName,
} from './classify.js';
import { PLAUSIBLE_RANGES } from './vocabulary.js';

const validId = (body17: string): string => body17 + idCheckChar(body17);
// 620881 (华亭市), born 1950-03-07, sequence 123 (odd: male)
const male1950 = validId('62088119500307123');

describe('armBpSeverity', () => {
  const p = { flagOver: 10, remeasureOver: 20 };
  it('does not flag a 10 mmHg difference (not over 10)', () => {
    expect(armBpSeverity(140, 130, p)).toBeNull();
    expect(armBpSeverity(130, 140, p)).toBeNull();
  });
  it('flags 11 mmHg as a warning and 20 still as a warning', () => {
    expect(armBpSeverity(141, 130, p)).toBe('warning');
    expect(armBpSeverity(130, 150, p)).toBe('warning');
  });
  it('gives an error above 20 mmHg (re-measure next day)', () => {
    expect(armBpSeverity(151, 130, p)).toBe('error');
  });
});

describe('idProblemOf', () => {
  const p = { reportEmpty: true };
  it('finds nothing wrong with a valid number agreeing with the record', () => {
    expect(
      idProblemOf({ idNumber: male1950, birthDate: '1950-03-07', sex: 'M' }, '2020-06-30', p),
    ).toBeNull();
  });
  it('reports an empty number as a warning, or not at all when asked', () => {
    expect(idProblemOf({ idNumber: null, birthDate: null, sex: null }, '2020-06-30', p)).toEqual({
      severity: 'warning',
      codes: ['EMPTY'],
    });
    expect(
      idProblemOf({ idNumber: ' ', birthDate: null, sex: null }, '2020-06-30', { reportEmpty: false }),
    ).toBeNull();
  });
  it('reports a bad check digit as an error', () => {
    const bad = male1950.slice(0, 17) + (male1950.endsWith('1') ? '2' : '1');
    const r = idProblemOf({ idNumber: bad, birthDate: '1950-03-07', sex: 'M' }, '2020-06-30', p);
    expect(r?.severity).toBe('error');
    expect(r?.codes).toContain('CHECKSUM');
  });
  it('reports birth date and sex disagreeing with the record', () => {
    const r = idProblemOf({ idNumber: male1950, birthDate: '1950-03-08', sex: 'F' }, '2020-06-30', p);
    expect(r).toEqual({ severity: 'error', codes: ['BIRTH_DATE_MISMATCH', 'SEX_MISMATCH'] });
  });
  it('reports a wrong length', () => {
    expect(
      idProblemOf({ idNumber: '62088119500307', birthDate: null, sex: null }, '2020-06-30', p)?.codes,
    ).toContain('LENGTH');
  });
});

describe('outOfRange', () => {
  const r = PLAUSIBLE_RANGES;
  it('accepts values on the range bounds and flags values beyond', () => {
    expect(outOfRange({ sbp: 260, dbp: 30, heart_rate: 30 }, r)).toEqual([]);
    expect(outOfRange({ sbp: 261, dbp: 29, fasting_glucose: 40 }, r)).toEqual([
      'sbp',
      'dbp',
      'fasting_glucose',
    ]);
  });
  it('flags a systolic not above its diastolic, and ignores missing values', () => {
    expect(outOfRange({ sbp: 90, dbp: 90, sbp_right: null }, r)).toEqual(['sbp<=dbp']);
    expect(outOfRange({}, r)).toEqual([]);
  });
});

describe('judgeDigitPreference', () => {
  const p = { minReadings: 100, zeroFiveShareOver: 0.5, below140RatioOver: 4 };
  const stats = { readings: 200, endingZeroFive: 40, endingZero: 30, sbp130to139: 30, sbp140to149: 20 };
  it('does not judge units with too few readings', () => {
    expect(judgeDigitPreference({ ...stats, readings: 99 }, p)).toBeNull();
  });
  it('passes an unbiased unit', () => {
    expect(judgeDigitPreference(stats, p)).toEqual({
      zeroFiveShare: 0.2,
      zeroShare: 0.15,
      below140Ratio: 1.5,
      flags: [],
    });
  });
  it('flags a unit over either threshold (a share of exactly 0.5 is not over)', () => {
    expect(judgeDigitPreference({ ...stats, endingZeroFive: 100 }, p)?.flags).toEqual([]);
    expect(judgeDigitPreference({ ...stats, endingZeroFive: 101 }, p)?.flags).toEqual(['zero_five_share']);
    expect(judgeDigitPreference({ ...stats, sbp130to139: 80 }, p)?.flags).toEqual([]);
    expect(judgeDigitPreference({ ...stats, sbp130to139: 81 }, p)?.flags).toEqual(['below_140_ratio']);
  });
  it('judges the ratio only on at least 20 readings around 140', () => {
    expect(judgeDigitPreference({ ...stats, sbp130to139: 14, sbp140to149: 1 }, p)?.flags).toEqual([]);
    expect(judgeDigitPreference({ ...stats, sbp130to139: 19, sbp140to149: 1 }, p)?.flags).toEqual([
      'below_140_ratio',
    ]);
    expect(judgeDigitPreference({ ...stats, sbp140to149: 0, sbp130to139: 19 }, p)?.flags).toEqual([]);
    expect(judgeDigitPreference({ ...stats, sbp140to149: 0, sbp130to139: 20 }, p)?.flags).toEqual([
      'below_140_ratio',
    ]);
  });
});

describe('finding keys', () => {
  it('are rule and subject, distinct per check of a service', () => {
    expect(findingKey('implausible_values', findingSubject.service(7, 'future'))).toBe(
      'implausible_values|service:7:future',
    );
    expect(findingSubject.unit('620881100', '2020-01-01', '2020-06-30')).toBe(
      'unit:620881100:2020-01-01..2020-06-30',
    );
    expect(findingSubject.duplicateSet(5)).toBe('set:5');
  });
});

describe('placeName', () => {
  it('names villages and communities as a bulletin does', () => {
    expect(placeName('屈岔村委会')).toBe('屈岔村');
    expect(placeName('屈岔村村民委员会')).toBe('屈岔村村');
    expect(placeName('东关社区居委会')).toBe('东关社区');
    expect(placeName('新华居委会')).toBe('新华社区');
    expect(placeName('东华镇')).toBe('东华镇');
  });
});
