import { describe, expect, it } from 'vitest';
import { permissionsOf } from '../access/permissions.js';
import { ageInYears, disclosureFor, maskIdNumber, maskName, maskPhone } from './masking.js';

describe('masking of personal data', () => {
  it('keeps the region and the last 4 of an ID number, or the region only beside a birth date, age or sex', () => {
    expect(maskIdNumber('620881199001010011')).toBe('620881********0011');
    expect(maskIdNumber('620881199001010011', { withLastFour: false })).toBe('620881************');
    expect(maskIdNumber('620881900101001', { withLastFour: false })).toBe('620881*********');
    expect(maskIdNumber('12345')).toBe('*****');
    expect(maskIdNumber(null)).toBeNull();
  });

  it('masks names to the first character and two stars, whatever the length', () => {
    expect(maskName('陈小明')).toBe('陈**');
    expect(maskName('欧阳小明')).toBe('欧**');
    expect(maskName('王')).toBe('王**');
    expect(maskName(' ')).toBe('');
    expect(maskName(null)).toBeNull();
  });

  it('masks phones to the first 3 and the last 4 digits', () => {
    expect(maskPhone('13809331234')).toBe('138****1234');
    expect(maskPhone('1234567')).toBe('*******');
  });

  it('counts age in whole years, the day before the birthday one less', () => {
    expect(ageInYears('1950-07-01', '2020-06-30')).toBe(69);
    expect(ageInYears('1950-07-01', '2020-07-01')).toBe(70);
    expect(ageInYears('2000-02-29', '2021-02-28')).toBe(20);
    expect(ageInYears(null, '2020-01-01')).toBeNull();
  });

  it('shows personal data in full only on a record view with personal.read, or in an export with personal.export', () => {
    expect(disclosureFor(permissionsOf('centre'), { view: 'record' })).toBe('full');
    expect(disclosureFor(permissionsOf('viewer'), { view: 'record' })).toBe('masked');
    expect(disclosureFor(permissionsOf('bureau'), { view: 'list' })).toBe('masked');
    expect(disclosureFor(permissionsOf('bureau'), { view: 'export' })).toBe('full');
    expect(disclosureFor(permissionsOf('team'), { view: 'export' })).toBe('masked');
  });
});
