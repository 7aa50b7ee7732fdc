import { describe, expect, it } from 'vitest';
import {
  defaultUrbanRural,
  divisionPosition,
  expandDivisionCode,
  isOrgCode,
  orgLevelOfCode,
} from './division-codes.js';

describe('division codes', () => {
  it('reads the level from the code', () => {
    expect(orgLevelOfCode('620000')).toBe(1);
    expect(orgLevelOfCode('620800')).toBe(2);
    expect(orgLevelOfCode('620881')).toBe(3);
    expect(orgLevelOfCode('620881100')).toBe(4);
    expect(orgLevelOfCode('620826110209')).toBe(5);
    expect(orgLevelOfCode('62088')).toBeNull();
    expect(orgLevelOfCode('62088A')).toBeNull();
    expect(isOrgCode('6208811001')).toBe(false);
  });

  it('derives parent and ancestors of every level', () => {
    expect(divisionPosition('620826110209')).toEqual({
      code: '620826110209',
      level: 5,
      parentCode: '620826110',
      provinceCode: '620000',
      cityCode: '620800',
      countyCode: '620826',
      townshipCode: '620826110',
    });
    expect(divisionPosition('620881100')).toMatchObject({
      level: 4,
      parentCode: '620881',
      countyCode: '620881',
      townshipCode: '620881100',
    });
    expect(divisionPosition('620881')).toMatchObject({ level: 3, parentCode: '620800', townshipCode: null });
    expect(divisionPosition('620800')).toMatchObject({ level: 2, parentCode: '620000', countyCode: null });
    expect(divisionPosition('620000')).toMatchObject({ level: 1, parentCode: null, cityCode: null });
    expect(() => divisionPosition('6208')).toThrow(RangeError);
  });

  it("expands the package's short codes", () => {
    expect(expandDivisionCode('62')).toBe('620000');
    expect(expandDivisionCode('6208')).toBe('620800');
    expect(expandDivisionCode('620881')).toBe('620881');
    expect(expandDivisionCode('620881100')).toBe('620881100');
  });

  it('derives urban/rural from the kind of committee', () => {
    expect(defaultUrbanRural(4, '东华街道')).toBe('urban');
    expect(defaultUrbanRural(4, '东华镇')).toBe('rural');
    expect(defaultUrbanRural(4, '西华乡')).toBe('rural');
    expect(defaultUrbanRural(4, '华亭工业园区')).toBeNull();
    expect(defaultUrbanRural(5, '屈岔村委会')).toBe('rural');
    expect(defaultUrbanRural(5, '某某村民委员会')).toBe('rural');
    expect(defaultUrbanRural(5, '解放中路社区居委会')).toBe('urban');
    expect(defaultUrbanRural(5, '某某居民委员会')).toBe('urban');
    expect(defaultUrbanRural(5, '某某社区')).toBe('urban');
    expect(defaultUrbanRural(5, '某某社区（筹）')).toBe('urban');
    expect(defaultUrbanRural(5, '北扎兰营子村委会（一分场）')).toBe('rural');
    expect(defaultUrbanRural(5, '白庙村农工商联合公司（村委会）')).toBe('rural');
    expect(defaultUrbanRural(5, '煤矿生活区')).toBeNull();
    expect(defaultUrbanRural(5, '煤矿生活区', 'urban')).toBe('urban');
    expect(defaultUrbanRural(3, '华亭市')).toBeNull();
  });
});
