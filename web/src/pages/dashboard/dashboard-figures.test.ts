import { describe, expect, it } from 'vitest';
import {
  milestoneDueBy,
  periodEndDate,
  rankChildren,
  standingOf,
  type IndicatorValue,
  type Target,
} from './dashboard-figures';

const value = (org: string, numerator: number, denominator: number): IndicatorValue => ({
  org,
  orgName: `单位${org}`,
  level: 3,
  period: '2020Q2',
  indicator: 'elderly.management_rate',
  numerator,
  denominator,
  value: denominator === 0 ? null : numerator / denominator,
});

const target = (orgCode: string, milestones: Target['milestones']): Target => ({
  orgCode,
  orgName: `单位${orgCode}`,
  level: 3,
  indicator: 'elderly.management_rate',
  year: 2020,
  base: { kind: 'population', band: 'age65plus' },
  parameterValue: null,
  baseValue: 1000,
  rate: 0.7,
  target: 700,
  milestones,
  responsibleUnit: null,
  responsiblePerson: null,
  source: 'set',
  setBy: 'test',
  setAt: '2020-01-01',
});

describe('period ends and milestones', () => {
  it('ends each kind of period on its last day', () => {
    expect(periodEndDate({ year: 2020, kind: 'quarter', index: 2 })).toBe('2020-06-30');
    expect(periodEndDate({ year: 2020, kind: 'half', index: 1 })).toBe('2020-06-30');
    expect(periodEndDate({ year: 2020, kind: 'month', index: 2 })).toBe('2020-02-29');
    expect(periodEndDate({ year: 2020, kind: 'dekad', index: 5 })).toBe('2020-02-20');
    expect(periodEndDate({ year: 2020, kind: 'dekad', index: 6 })).toBe('2020-02-29');
    expect(periodEndDate({ year: 2020, kind: 'year', index: 1 })).toBe('2020-12-31');
  });

  it('takes the last milestone due on or before the date', () => {
    const milestones = [
      { due: '2020-04', cumulative: 40 },
      { due: '2020-05', cumulative: 70 },
      { due: '2020H1', cumulative: 100 },
    ];
    expect(milestoneDueBy(milestones, '2020-03-31')).toBe(0);
    expect(milestoneDueBy(milestones, '2020-05-15')).toBe(40);
    expect(milestoneDueBy(milestones, '2020-06-30')).toBe(100);
  });
});

describe('standing and ranking', () => {
  it('states a rate against the milestone due as a rate of the base, and the change', () => {
    const s = standingOf(
      'percent',
      value('a', 300, 1000),
      target('a', [{ due: '2020H1', cumulative: 350 }]),
      value('a', 250, 1000),
      '2020-06-30',
    );
    expect(s.target).toBe(0.7);
    expect(s.milestone).toBeCloseTo(0.35);
    expect(s.gap).toBeCloseTo(-0.05);
    expect(s.change).toBeCloseTo(0.05);
    expect(standingOf('percent', value('a', 1, 2), undefined, undefined, '2020-06-30')).toMatchObject({
      target: null,
      milestone: null,
      gap: null,
      change: null,
    });
  });

  it('ranks the children and marks those below the milestone and below the level above', () => {
    const ranked = rankChildren(
      'percent',
      [value('b', 20, 100), value('a', 50, 100), value('c', 50, 100), value('d', 0, 0)],
      [
        target('b', [{ due: '2020-06', cumulative: 300 }]),
        target('a', [{ due: '2020-06', cumulative: 300 }]),
      ],
      0.4,
      '2020-06-30',
    );
    expect(ranked.map((r) => [r.org, r.rank, r.belowMilestone, r.belowParent])).toEqual([
      ['a', 1, false, false],
      ['c', 1, false, false],
      ['b', 3, true, true],
      ['d', 4, false, false],
    ]);
  });

  it("carries a reported figure's source, report source and remark to the ranking, and nothing for a computed one", () => {
    const reported: IndicatorValue = {
      ...value('r', 10, 0),
      indicator: 'health_supervision.inspections',
      denominator: null,
      value: 10,
      source: 'summed',
      reportSource: '巡查登记',
    };
    const missing: IndicatorValue = {
      ...value('m', 0, 0),
      indicator: 'health_supervision.inspections',
      denominator: null,
      value: null,
      remark: {
        zh: '缺少2020年第2季度的上报，无2020年上半年合计',
        en: 'no report for 2020 Q2: no figure for 2020 H1',
      },
    };
    const ranked = rankChildren('count', [missing, reported, value('c', 1, 2)], [], null, '2020-06-30');
    expect(ranked.find((r) => r.org === 'r')).toMatchObject({
      rank: 1,
      source: 'summed',
      reportSource: '巡查登记',
    });
    expect(ranked.find((r) => r.org === 'm')).toMatchObject({ remark: missing.remark });
    expect(ranked.find((r) => r.org === 'm')).not.toHaveProperty('source');
    const computed = ranked.find((r) => r.org === 'c')!;
    expect(['source', 'reportSource', 'remark'].filter((k) => k in computed)).toEqual([]);
  });
});
