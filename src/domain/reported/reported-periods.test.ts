import { describe, expect, it } from 'vitest';
import { parsePeriod } from '../periods/period.js';
import { reportedForPeriod, type PeriodReport } from './reported-periods.js';

const S = '卫生监督协管巡查登记';

/** A count report of `period`. */
const count = (period: string, n: number, source = S): PeriodReport => ({
  period,
  numerator: n,
  denominator: null,
  percent: null,
  source,
});
/** A ratio report of `period`. */
const ratio = (period: string, n: number, d: number): PeriodReport => ({
  period,
  numerator: n,
  denominator: d,
  percent: null,
  source: '传染病报告信息管理系统',
});
/** A bare survey percentage of `period`. */
const survey = (period: string, percent: number): PeriodReport => ({
  period,
  numerator: null,
  denominator: null,
  percent,
  source: `${period}健康素养监测`,
});

const at = (kind: 'count' | 'ratio' | 'survey', period: string, reports: readonly PeriodReport[]) =>
  reportedForPeriod(kind, parsePeriod(period), reports);

describe('reportedForPeriod: a report of the period itself', () => {
  it.each(['count', 'ratio', 'survey'] as const)('%s: is the figure, without a remark', (kind) => {
    const own =
      kind === 'survey' ? survey('2020', 23.1) : kind === 'ratio' ? ratio('2020', 9, 10) : count('2020', 7);
    // Reports of the quarters beside it change nothing: the year's own report stands.
    const r = at(kind, '2020', [count('2020Q1', 100), own, count('2020Q2', 100)]);
    expect(r).toEqual({
      figure: {
        numerator: own.numerator,
        denominator: own.denominator,
        percent: own.percent,
        source: own.source,
      },
      remark: null,
    });
  });

  it('nothing reported at all: no figure and no remark', () => {
    expect(at('count', '2020', [])).toEqual({ figure: null, remark: null });
    expect(at('survey', '2020H1', [])).toEqual({ figure: null, remark: null });
    // Another year's reports do not bear on this one.
    expect(at('count', '2020', [count('2019', 5), count('2021Q1', 3)])).toEqual({
      figure: null,
      remark: null,
    });
  });
});

describe('reportedForPeriod: counts and ratios add up only when every part is reported', () => {
  it('a half-year is the sum of its two quarters, naming them', () => {
    const r = at('count', '2020H1', [count('2020Q1', 4), count('2020Q2', 5), count('2020Q3', 50)]);
    expect(r.figure).toEqual({ numerator: 9, denominator: null, percent: null, source: S });
    expect(r.remark).toEqual({
      zh: '2020年第1季度、2020年第2季度上报之和',
      en: 'sum of the reports of 2020 Q1, 2020 Q2',
    });
  });

  it('a year is the sum of its four quarters; a ratio sums numerators and denominators (never rates)', () => {
    const r = at('ratio', '2020', [
      ratio('2020Q4', 1, 1),
      ratio('2020Q1', 9, 10),
      ratio('2020Q2', 18, 20),
      ratio('2020Q3', 0, 69),
    ]);
    expect(r.figure).toEqual({
      numerator: 28,
      denominator: 100,
      percent: null,
      source: '传染病报告信息管理系统',
    });
    expect(r.remark?.zh).toBe('2020年第1季度、2020年第2季度、2020年第3季度、2020年第4季度上报之和');
  });

  it('a year from a reported half and the quarters of the other half; the half stops the quarters below it', () => {
    const r = at('count', '2020', [
      count('2020H1', 10),
      count('2020Q1', 999),
      count('2020Q3', 3),
      count('2020Q4', 4),
    ]);
    expect(r.figure?.numerator).toBe(17);
    expect(r.remark?.en).toBe('sum of the reports of 2020 H1, 2020 Q3, 2020 Q4');
  });

  it('a quarter is the sum of its three months; sources are listed once each, sorted', () => {
    const r = at('count', '2020Q2', [
      count('2020-04', 1, 'B'),
      count('2020-05', 2, 'A'),
      count('2020-06', 3, 'B'),
    ]);
    expect(r.figure).toEqual({ numerator: 6, denominator: null, percent: null, source: 'A；B' });
    // A year of monthly reports sums through its quarters and halves.
    const months = Array.from({ length: 12 }, (_, i) =>
      count(`2020-${String(i + 1).padStart(2, '0')}`, i + 1),
    );
    expect(at('count', '2020', months).figure?.numerator).toBe(78);
  });

  it('a missing quarter: no figure, the remark names every missing quarter', () => {
    const r = at('count', '2020', [count('2020Q1', 4), count('2020Q3', 5)]);
    expect(r).toEqual({
      figure: null,
      remark: {
        zh: '缺少2020年第2季度、2020年第4季度的上报，无2020年合计',
        en: 'no report for 2020 Q2, 2020 Q4: no figure for 2020',
      },
    });
    // A half with nothing in it is named by its quarters.
    expect(at('ratio', '2020', [ratio('2020Q1', 1, 2), ratio('2020Q2', 1, 2)]).remark?.zh).toBe(
      '缺少2020年第3季度、2020年第4季度的上报，无2020年合计',
    );
    expect(at('count', '2020H2', [count('2020Q4', 1)]).remark?.zh).toBe(
      '缺少2020年第3季度的上报，无2020年下半年合计',
    );
  });

  it('a quarter with some months only is named as a missing quarter of its year, as missing months of itself', () => {
    const reports = [count('2020H2', 1), count('2020Q1', 1), count('2020-04', 1), count('2020-05', 1)];
    expect(at('count', '2020', reports)).toMatchObject({
      figure: null,
      remark: { zh: '缺少2020年第2季度的上报，无2020年合计' },
    });
    expect(at('count', '2020Q2', reports)).toMatchObject({
      figure: null,
      remark: { zh: '缺少2020年6月的上报，无2020年第2季度合计' },
    });
  });
});

describe('reportedForPeriod: a period inside a reported one', () => {
  it('a month of a reported quarter gets a remark, not a figure', () => {
    expect(at('count', '2020-05', [count('2020Q2', 9)])).toEqual({
      figure: null,
      remark: {
        zh: '按2020年第2季度上报，本期无单独数值',
        en: 'reported for 2020 Q2; no figure of its own for this period',
      },
    });
    // A 旬 of a reported month likewise.
    expect(at('ratio', '2020-05-2', [ratio('2020-05', 1, 2)]).remark?.zh).toBe(
      '按2020年5月上报，本期无单独数值',
    );
  });

  it('names the smallest reported period around it', () => {
    const r = at('count', '2020-08', [count('2020', 1), count('2020H2', 1), count('2020Q3', 1)]);
    expect(r.remark?.zh).toBe('按2020年第3季度上报，本期无单独数值');
    // A month of a reported half (its quarter not reported).
    expect(at('count', '2020-08', [count('2020', 1), count('2020H2', 1)]).remark?.zh).toBe(
      '按2020年下半年上报，本期无单独数值',
    );
  });

  it('a missing part outweighs a report around the period', () => {
    // 2020H1 has Q1 but not Q2; the year report around it is not named.
    expect(at('count', '2020H1', [count('2020', 10), count('2020Q1', 4)]).remark?.zh).toBe(
      '缺少2020年第2季度的上报，无2020年上半年合计',
    );
  });
});

describe('reportedForPeriod: surveys are never added up', () => {
  it('a year without its own survey shows the latest survey within it, naming its period', () => {
    const r = at('survey', '2020', [survey('2020H1', 20), survey('2020H2', 25), survey('2021H1', 40)]);
    expect(r).toEqual({
      figure: { numerator: null, denominator: null, percent: 25, source: '2020H2健康素养监测' },
      remark: { zh: '取2020年下半年的调查结果', en: 'the survey of 2020 H2' },
    });
  });

  it('a survey with its sample is not summed either: the latest one is shown whole', () => {
    const sample = (period: string, n: number, d: number): PeriodReport => ({
      ...ratio(period, n, d),
      source: 'x',
    });
    const r = at('survey', '2020', [sample('2020H2', 30, 100), sample('2020H1', 10, 100)]);
    expect(r.figure).toMatchObject({ numerator: 30, denominator: 100 });
    expect(r.remark?.zh).toBe('取2020年下半年的调查结果');
  });

  it('the only survey in the year, early in it, is still shown; a half inside a yearly survey is only named', () => {
    expect(at('survey', '2020', [survey('2020H1', 21)])).toMatchObject({
      figure: { percent: 21 },
      remark: { zh: '取2020年上半年的调查结果' },
    });
    expect(at('survey', '2020H2', [survey('2020', 21)])).toEqual({
      figure: null,
      remark: {
        zh: '按2020年上报，本期无单独数值',
        en: 'reported for 2020; no figure of its own for this period',
      },
    });
    // A survey of the other half is neither inside nor around.
    expect(at('survey', '2020H2', [survey('2020H1', 21)])).toEqual({ figure: null, remark: null });
  });

  it('a report with a period that is not one is ignored', () => {
    expect(at('count', '2020', [count('2020H3', 1)])).toEqual({ figure: null, remark: null });
  });
});
