import { describe, expect, it } from 'vitest';
import { divisionPosition } from './division-codes.js';
import {
  NOTHING,
  WHOLE_TREE,
  ancestorAt,
  ancestorColumn,
  isEmptyScope,
  narrowScope,
  scopeIncludes,
  subtreeScope,
  type OrgLineage,
  type ScopeRoot,
} from './org-scope.js';

function org(code: string): OrgLineage {
  const p = divisionPosition(code);
  return {
    code,
    level: p.level,
    provinceCode: p.provinceCode,
    cityCode: p.cityCode,
    countyCode: p.countyCode,
    townshipCode: p.townshipCode,
  };
}
const root = (code: string): ScopeRoot => ({
  code,
  level: org(code).level,
  countyCode: org(code).countyCode,
});

const city = org('620800');
const huating = org('620881');
const township = org('620881100');
const village = org('620881100201');
const otherCounty = org('620802');
const otherCity = org('620900');

describe('ancestorColumn and ancestorAt', () => {
  it('maps each level to the column that holds its code on every descendant', () => {
    expect([1, 2, 3, 4, 5].map((l) => ancestorColumn(l as 1 | 2 | 3 | 4 | 5))).toEqual([
      'province_code',
      'city_code',
      'county_code',
      'township_code',
      'code',
    ]);
  });
  it('reads the ancestor of every level, itself at its own level, null below it', () => {
    expect([1, 2, 3, 4, 5].map((l) => ancestorAt(village, l as 1 | 2 | 3 | 4 | 5))).toEqual([
      '620000',
      '620800',
      '620881',
      '620881100',
      '620881100201',
    ]);
    expect(ancestorAt(huating, 4)).toBeNull();
    expect(ancestorAt(huating, 3)).toBe('620881');
  });
});

describe('scopeIncludes', () => {
  it('the whole tree sees everything; nothing sees nothing', () => {
    for (const o of [city, huating, village, otherCity]) {
      expect(scopeIncludes(WHOLE_TREE, o)).toBe(true);
      expect(scopeIncludes(NOTHING, o)).toBe(false);
    }
  });
  it('a subtree sees its root and everything below, nothing above or beside', () => {
    const scope = subtreeScope(root('620881'));
    expect(scopeIncludes(scope, huating)).toBe(true);
    expect(scopeIncludes(scope, township)).toBe(true);
    expect(scopeIncludes(scope, village)).toBe(true);
    expect(scopeIncludes(scope, city)).toBe(false);
    expect(scopeIncludes(scope, otherCounty)).toBe(false);
  });
  it('several subtrees see the union', () => {
    const scope = subtreeScope(root('620881100201'), root('620802'));
    expect(scopeIncludes(scope, village)).toBe(true);
    expect(scopeIncludes(scope, otherCounty)).toBe(true);
    expect(scopeIncludes(scope, township)).toBe(false);
  });
});

describe('narrowScope', () => {
  it('an org the caller sees gets its own subtree', () => {
    expect(narrowScope(WHOLE_TREE, huating)).toEqual(subtreeScope(root('620881')));
    expect(narrowScope(subtreeScope(root('620800')), township)).toEqual(subtreeScope(root('620881100')));
  });
  it('an org above the caller gets only the caller subtrees below it', () => {
    const callers = subtreeScope(root('620881100'), root('620902'));
    expect(narrowScope(callers, city)).toEqual(subtreeScope(root('620881100')));
    expect(narrowScope(callers, huating)).toEqual(subtreeScope(root('620881100')));
  });
  it('an org beside the caller gets nothing', () => {
    const scope = narrowScope(subtreeScope(root('620881')), otherCounty);
    expect(isEmptyScope(scope)).toBe(true);
    expect(isEmptyScope(narrowScope(subtreeScope(root('620881100201')), org('620881100202')))).toBe(true);
  });
  it('is never wider than the caller and never wider than the org', () => {
    const orgs = [city, huating, township, village, otherCounty, otherCity, org('620000')];
    const callers = [WHOLE_TREE, NOTHING, ...orgs.map((o) => subtreeScope(root(o.code)))];
    for (const caller of callers)
      for (const asked of orgs) {
        const narrowed = narrowScope(caller, asked);
        for (const o of [...orgs, org('620881100202'), org('620802100200')])
          if (scopeIncludes(narrowed, o)) {
            expect(scopeIncludes(caller, o)).toBe(true);
            expect(scopeIncludes(subtreeScope(root(asked.code)), o)).toBe(true);
          }
      }
  });
});
