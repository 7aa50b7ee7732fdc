import { describe, expect, it } from 'vitest';
import { CurveError, milestoneDue, milestoneLabel, parseCurve, planBody } from './milestone-plans';

describe('milestone plans', () => {
  it('names the months or 旬 of the year or the first half', () => {
    expect(milestoneDue('yearMonths', 2020)).toHaveLength(12);
    expect(milestoneDue('h1Months', 2020)).toEqual([
      '2020-01',
      '2020-02',
      '2020-03',
      '2020-04',
      '2020-05',
      '2020-06',
    ]);
    const dekads = milestoneDue('h1Dekads', 2020);
    expect(dekads).toHaveLength(18);
    expect(dekads.slice(0, 4)).toEqual(['2020-01-1', '2020-01-2', '2020-01-3', '2020-02-1']);
    expect(milestoneDue('yearDekads', 2021).at(-1)).toBe('2021-12-3');
  });

  it('takes a curve only when it has one weight per milestone', () => {
    expect(parseCurve('40/30/30', 3)).toEqual([40, 30, 30]);
    expect(parseCurve('40，30、30', 3)).toEqual([40, 30, 30]);
    expect(parseCurve(' ', 3)).toBeNull();
    expect(() => parseCurve('40/60', 3)).toThrow(CurveError);
    expect(() => parseCurve('40/x/30', 3)).toThrow(CurveError);
  });

  it('builds the body of a half-year plan with equal weights by default', () => {
    const body = planBody('h1Months', 2020);
    expect(body.share).toBe(0.5);
    expect(body.curve).toEqual([1, 1, 1, 1, 1, 1]);
    expect(planBody('yearMonths', 2020, '1/1/1/1/1/1/1/1/1/1/1/7').curve.at(-1)).toBe(7);
    expect(planBody('yearMonths', 2020).share).toBe(1);
  });

  it('labels a milestone the way a bureau writes it', () => {
    expect(milestoneLabel('2020-06-2', 'zh-CN')).toBe('6月中旬');
    expect(milestoneLabel('2020-06', 'zh-CN')).toBe('6月');
    expect(milestoneLabel('2020-06-3', 'en')).toBe('Jun 3rd');
    expect(milestoneLabel('2020Q2', 'en')).toBe('2020Q2');
  });
});
