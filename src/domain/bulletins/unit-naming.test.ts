import { describe, expect, it } from 'vitest';
import { parseNamingRule, selectNamedUnits, type UnitRate } from './unit-naming.js';

const units: UnitRate[] = [
  { org: '620802', name: '崆峒区', value: 0.8752, target: 0.9 },
  { org: '620821', name: '泾川县', value: 0.93, target: 0.9 },
  { org: '620822', name: '灵台县', value: null, target: 0.9 },
  { org: '620823', name: '崇信县', value: 0.95, target: null },
  { org: '620881', name: '华亭市', value: 0.8207, target: 0.85 },
  { org: '620826', name: '静宁县', value: 0.93, target: 0.95 },
];

describe('selectNamedUnits', () => {
  it('names the lowest N, lowest first, skipping units without a value', () => {
    expect(selectNamedUnits(units, { kind: 'lowest', count: 3 }).map((u) => u.name)).toEqual([
      '华亭市',
      '崆峒区',
      '泾川县',
    ]);
    expect(selectNamedUnits(units, { kind: 'lowest', count: 10 })).toHaveLength(5);
    expect(selectNamedUnits(units, { kind: 'lowest', count: 0 })).toEqual([]);
  });

  it('breaks ties by org code so the output is stable', () => {
    const names = selectNamedUnits(units, { kind: 'lowest', count: 4 }).map((u) => u.org);
    expect(names.slice(2)).toEqual(['620821', '620826']);
  });

  it('names every unit under a threshold (strictly)', () => {
    const named = selectNamedUnits(units, { kind: 'threshold', threshold: 0.9 });
    expect(named).toEqual([
      { org: '620881', name: '华亭市', value: 0.8207, bar: 0.9 },
      { org: '620802', name: '崆峒区', value: 0.8752, bar: 0.9 },
    ]);
    expect(selectNamedUnits(units, { kind: 'threshold', threshold: 0.8207 })).toEqual([]);
  });

  it('names units under their own target, skipping units without one', () => {
    expect(selectNamedUnits(units, { kind: 'target' }).map((u) => [u.name, u.bar])).toEqual([
      ['华亭市', 0.85],
      ['崆峒区', 0.9],
      ['静宁县', 0.95],
    ]);
  });

  it('names units under the reference, nobody without one', () => {
    expect(selectNamedUnits(units, { kind: 'reference' }, 0.9273).map((u) => u.name)).toEqual([
      '华亭市',
      '崆峒区',
    ]);
    expect(selectNamedUnits(units, { kind: 'reference' })).toEqual([]);
    expect(selectNamedUnits(units, { kind: 'reference' }, null)).toEqual([]);
  });

  it('rejects a negative count', () => {
    expect(() => selectNamedUnits(units, { kind: 'lowest', count: -1 })).toThrow(RangeError);
  });
});

describe('parseNamingRule', () => {
  it.each([
    ['0.9', { kind: 'threshold', threshold: 0.9 }],
    ['90%', { kind: 'threshold', threshold: 0.9 }],
    ['92.73％', { kind: 'threshold', threshold: 0.9273 }],
    ['target', { kind: 'target' }],
    ['reference', { kind: 'reference' }],
    ['lowest:2', { kind: 'lowest', count: 2 }],
  ])('%s', (text, rule) => expect(parseNamingRule(text)).toEqual(rule));

  it('rejects nonsense and rates above 1, naming the text', () => {
    expect(() => parseNamingRule('90')).toThrow(/"90"/);
    expect(() => parseNamingRule('low')).toThrow(/"low"/);
  });
});
