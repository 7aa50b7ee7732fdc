import { describe, expect, it } from 'vitest';
import { defaultIssuer, levelWords, wholeNameOfCode } from './level-words.js';

describe('levelWords', () => {
  it.each([
    [1, '我省', '全省', '各市（州）卫生健康委：', '卫生健康委员会'],
    [2, '我市', '全市', '各县（市、区）卫健局：', '卫生健康委员会'],
    [3, '我县', '全县', '各乡镇卫生院、社区卫生服务中心：', '卫生健康局'],
    [4, '本乡镇', '全乡镇', '各村卫生室：', '卫生院'],
  ])('level %d', (level, self, whole, addressee, issuer) => {
    expect(levelWords(level)).toMatchObject({ self, whole, addressee, issuerSuffix: issuer });
  });

  it('has no words for a village: it has no children to address', () => {
    expect(() => levelWords(5)).toThrow(/level 5/);
  });

  it('names an org outside the database by its code', () => {
    expect(wholeNameOfCode('620000')).toBe('全省');
    expect(wholeNameOfCode('620800')).toBe('全市');
    expect(wholeNameOfCode('620881')).toBe('全县');
  });
});

describe('defaultIssuer', () => {
  it('names the health authority of the level', () => {
    expect(defaultIssuer({ name: '甘肃省', level: 1 })).toBe('甘肃省卫生健康委员会');
    expect(defaultIssuer({ name: '平凉市', level: 2 })).toBe('平凉市卫生健康委员会');
    expect(defaultIssuer({ name: '崇信县', level: 3 })).toBe('崇信县卫生健康局');
    expect(defaultIssuer({ name: '柏树镇', level: 4 })).toBe('柏树镇卫生院');
  });
});
