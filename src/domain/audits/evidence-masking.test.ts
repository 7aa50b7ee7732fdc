import { describe, expect, it } from 'vitest';
import { maskEvidence } from './evidence-masking.js';

describe('maskEvidence', () => {
  it('drops the birth date a service before birth quotes, and keeps the other checks’ dates', () => {
    expect(
      maskEvidence({
        type: 'elderly_checkup',
        date: '1949-12-01',
        check: 'before_birth',
        against: '1950-01-01',
      }),
    ).toEqual({ type: 'elderly_checkup', date: '1949-12-01', check: 'before_birth' });
    expect(maskEvidence({ check: 'after_death', against: '2020-03-01' })).toEqual({
      check: 'after_death',
      against: '2020-03-01',
    });
  });

  it('drops birth dates under any key naming them, at any depth', () => {
    expect(
      maskEvidence({
        members: [{ birthDate: '1950-01-01', recordNo: '62088110020100001' }],
        birth_date: 'x',
      }),
    ).toEqual({
      members: [{ recordNo: '62088110020100001' }],
    });
  });

  it('masks ID numbers to their region, phones and names, by key or by form', () => {
    expect(
      maskEvidence({
        idNumber: '62088119500101001X',
        partners: ['620881195001010011', '620881500101001'],
        phone: '0933-1234567',
        other: '13809331234',
        name: '陈小明',
        contactName: ['王五'],
      }),
    ).toEqual({
      idNumber: '620881************',
      partners: ['620881************', '620881*********'],
      phone: '093*****4567',
      other: '138****1234',
      name: '陈**',
      contactName: ['王**'],
    });
  });

  it('leaves what the rules store untouched: record numbers, codes, values, ids', () => {
    const evidence = {
      residentIds: [1, 2],
      recordNos: ['62088110020100001', '62088110020200002'],
      orgCodes: ['620881100201', '620881100202'],
      keys: ['id_number', 'county_code+name+birth_date+sex'],
      values: { sbp: 130, dbp: 80 },
      flags: ['zero_five_share'],
      from: null,
    };
    expect(maskEvidence(evidence)).toEqual(evidence);
    expect(maskEvidence(null)).toBeNull();
    expect(maskEvidence('13809331234')).toBe('138****1234');
  });
});
