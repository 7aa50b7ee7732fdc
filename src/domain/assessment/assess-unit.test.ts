import { describe, expect, it } from 'vitest';
import { assessUnit, type UnitFacts } from './assess-unit.js';
import { DEFAULT_SCHEME } from './default-scheme.js';
import { rankUnits } from './ranking.js';
import { parseScheme, schemeMaxCenti } from './scheme.js';

/** A small scheme of 20 points: one item of each kind and target source. */
const SMALL = parseScheme({
  code: 'small',
  name: { zh: '小方案', en: 'small' },
  sections: [
    {
      id: 'a',
      name: { zh: '执行', en: 'execution' },
      items: [
        {
          kind: 'indicator',
          id: 'elderly',
          name: { zh: '老年人', en: 'elderly' },
          points: 6,
          indicator: 'elderly.managed',
          target: { source: 'targets' },
          scoring: { rule: 'floor', floor: 0.5 },
        },
        {
          kind: 'indicator',
          id: 'htn',
          name: { zh: '高血压', en: 'htn' },
          points: 4,
          indicator: 'hypertension.standardized_rate',
          target: { source: 'fixed', value: 0.6 },
          scoring: { rule: 'pro_rata' },
        },
        {
          kind: 'audit',
          id: 'dq',
          name: { zh: '质量', en: 'quality' },
          points: 5,
          scoring: { rule: 'deductions', perFinding: { identical_checkups: 0.5 }, cap: 3 },
        },
      ],
    },
    {
      id: 'b',
      name: { zh: '满意度', en: 'satisfaction' },
      items: [
        {
          kind: 'manual',
          id: 'sat',
          name: { zh: '满意度', en: 'sat' },
          points: 5,
          evidence: { zh: '问卷', en: 'survey' },
          scoring: { rule: 'manual' },
        },
      ],
    },
  ],
});

function unit(code: string, f: Partial<UnitFacts>): UnitFacts {
  return {
    code,
    name: code,
    indicators: new Map(),
    targets: new Map(),
    findings: {},
    manual: new Map(),
    ...f,
  };
}

const ENTRY = { evidence: '问卷120份', assessor: 'bureau1', enteredAt: '2020-07-10T08:00:00Z' };

// Three units, computed by hand:
// A: elderly 480 of milestone 960 → completion 0.5 = floor → 6 × 0.5 = 3.00;
//    htn 45/100 vs 0.6 → 4 × 0.75 = 3.00; dq 4 findings × 0.5 = 2 → 3.00; sat 4.50 → total 13.50 of 20.
// B: elderly 479/960 < 0.5 → 0; htn no patients (0/0) → not applicable (4 points out);
//    dq 9 × 0.5 = 4.5 capped 3 → 2.00; sat not entered → 0, missing → total 2.00 of 16 applicable; converted 2 × 20/16 = 2.50.
// C: elderly 1000/960 → 6; htn 2/3 ≥ 0.6 → 4; dq 0 → 5; sat 5 → 20.00.
const A = unit('A', {
  indicators: new Map([
    ['elderly.managed', { numerator: 480, denominator: null }],
    ['hypertension.standardized_rate', { numerator: 45, denominator: 100 }],
  ]),
  targets: new Map([['elderly.managed', { annual: 1920, milestone: 960 }]]),
  findings: { identical_checkups: 4, duplicate_records: 50 },
  manual: new Map([['sat', { centi: 450, ...ENTRY }]]),
});
const B = unit('B', {
  indicators: new Map([
    ['elderly.managed', { numerator: 479, denominator: null }],
    ['hypertension.standardized_rate', { numerator: 0, denominator: 0 }],
  ]),
  targets: new Map([['elderly.managed', { annual: 1920, milestone: 960 }]]),
  findings: { identical_checkups: 9 },
});
const C = unit('C', {
  indicators: new Map([
    ['elderly.managed', { numerator: 1000, denominator: null }],
    ['hypertension.standardized_rate', { numerator: 2, denominator: 3 }],
  ]),
  targets: new Map([['elderly.managed', { annual: 1920, milestone: 960 }]]),
  manual: new Map([['sat', { centi: 500, ...ENTRY }]]),
});

describe('assessing a unit', () => {
  it('scores three units as computed by hand', () => {
    const a = assessUnit(SMALL, A);
    expect(a.items.map((i) => i.centi)).toEqual([300, 300, 300, 450]);
    expect(a).toMatchObject({
      totalCenti: 1350,
      maxCenti: 2000,
      applicableCenti: 2000,
      convertedCenti: 1350,
      missing: 0,
    });
    const b = assessUnit(SMALL, B);
    expect(b.items.map((i) => [i.centi, i.status])).toEqual([
      [0, 'scored'],
      [null, 'not_applicable'],
      [200, 'scored'],
      [0, 'missing'],
    ]);
    expect(b).toMatchObject({ totalCenti: 200, applicableCenti: 1600, convertedCenti: 250, missing: 1 });
    const c = assessUnit(SMALL, C);
    expect(c).toMatchObject({ totalCenti: 2000, convertedCenti: 2000 });
    expect(rankUnits([a, b, c]).map((u) => [u.code, u.rank])).toEqual([
      ['C', 1],
      ['A', 2],
      ['B', 3],
    ]);
  });

  it('keeps what explains each score: value, target, source, rule and inputs', () => {
    const [elderly, htn, dq, sat] = assessUnit(SMALL, A).items;
    expect(elderly).toMatchObject({
      value: 480,
      target: 960,
      targetSource: 'targets:milestone',
      numerator: 480,
    });
    expect(htn).toMatchObject({
      value: 0.45,
      target: 0.6,
      targetSource: 'fixed',
      numerator: 45,
      denominator: 100,
    });
    expect(htn!.explanation.zh).toBe('4 × 0.45 ÷ 0.6 = 3');
    expect(dq).toMatchObject({ value: 2, inputs: { findings: { identical_checkups: 4 } } });
    expect(sat!.inputs).toMatchObject({ evidence: '问卷120份', assessor: 'bureau1' });
  });

  it('does not score a target-module item of a unit without a target', () => {
    const r = assessUnit(SMALL, unit('D', { indicators: A.indicators }));
    expect(r.items[0]).toMatchObject({ centi: null, status: 'not_applicable', target: null });
  });

  it('gives the default scheme 100 points in four sections', () => {
    expect(schemeMaxCenti(DEFAULT_SCHEME)).toBe(10000);
    expect(DEFAULT_SCHEME.sections.map((s) => s.id)).toEqual([
      'organisation',
      'funds',
      'execution',
      'effects',
    ]);
  });
});
