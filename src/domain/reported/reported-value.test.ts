import { describe, expect, it } from 'vitest';
import type { OrgLineage } from '../orgs/org-scope.js';
import {
  leftOutOfSums,
  reportedCells,
  validateReportedValue,
  type ReportedValueInput,
} from './reported-value.js';

const ratio: ReportedValueInput = {
  orgCode: '620802',
  period: '2020Q2',
  indicator: 'infectious_disease.report_rate',
  numerator: 98,
  denominator: 100,
  source: '传染病报告信息管理系统',
};

function fields(input: ReportedValueInput): string[] {
  const r = validateReportedValue(input);
  return r.ok ? [] : r.problems.map((p) => p.field);
}

describe('validateReportedValue', () => {
  it('accepts a ratio with the numerator equal to the denominator, and 0 of n', () => {
    expect(fields({ ...ratio, numerator: 100 })).toEqual([]);
    expect(fields({ ...ratio, numerator: 0 })).toEqual([]);
    const r = validateReportedValue({ ...ratio, period: ' 2020q2 '.toUpperCase().trim() });
    expect(r.ok && r.value).toMatchObject({ period: '2020Q2', year: 2020, percent: null });
  });

  it('refuses a numerator one above the denominator, naming the numerator', () => {
    const r = validateReportedValue({ ...ratio, numerator: 101 });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problems.map((p) => p.field)).toEqual(['numerator']);
      expect(r.problems[0]!.text.zh).toContain('101');
    }
  });

  it('refuses negative, fractional and missing counts and a zero denominator', () => {
    expect(fields({ ...ratio, numerator: -1 })).toEqual(['numerator']);
    expect(fields({ ...ratio, denominator: 99.5 })).toEqual(['denominator']);
    expect(fields({ ...ratio, denominator: null })).toEqual(['denominator']);
    expect(fields({ ...ratio, numerator: 0, denominator: 0 })).toEqual(['denominator']);
  });

  it('refuses a computed indicator, an unknown one, a bad period and a period kind the indicator does not allow', () => {
    expect(fields({ ...ratio, indicator: 'hypertension.control_rate' })).toEqual(['indicator']);
    expect(fields({ ...ratio, indicator: 'nope.x' })).toEqual(['indicator']);
    expect(fields({ ...ratio, period: '2020Q5' })).toEqual(['period']);
    expect(fields({ ...ratio, period: '2020-06-1' })).toEqual(['period']);
    expect(fields({ ...ratio, period: '2020-06' })).toEqual([]);
    const survey = {
      ...ratio,
      indicator: 'health_literacy.level',
      numerator: null,
      denominator: null,
      percent: 23.15,
    };
    expect(fields({ ...survey, period: '2020' })).toEqual([]);
    expect(fields({ ...survey, period: '2020H1' })).toEqual([]);
    expect(fields({ ...survey, period: '2020Q2' })).toEqual(['period']);
  });

  it('takes a survey as a percentage 0..100 or as its sample, not both, and a percentage only for surveys', () => {
    const survey = {
      ...ratio,
      indicator: 'health_literacy.level',
      period: '2020',
      numerator: null,
      denominator: null,
    };
    expect(fields({ ...survey, percent: 0 })).toEqual([]);
    expect(fields({ ...survey, percent: 100 })).toEqual([]);
    expect(fields({ ...survey, percent: 100.01 })).toEqual(['percent']);
    expect(fields({ ...survey, percent: -0.01 })).toEqual(['percent']);
    expect(fields({ ...survey, numerator: 231, denominator: 1000 })).toEqual([]);
    expect(fields({ ...survey, numerator: 231, denominator: 1000, percent: 23.1 })).toEqual(['percent']);
    expect(fields({ ...survey })).toEqual(['numerator', 'denominator']);
    expect(fields({ ...ratio, percent: 98 })).toEqual(['percent']);
  });

  it('takes a count without a denominator, and requires a named source and a division code', () => {
    const count = { ...ratio, indicator: 'health_supervision.inspections', numerator: 12, denominator: null };
    expect(fields(count)).toEqual([]);
    expect(fields({ ...count, denominator: 12 })).toEqual(['denominator']);
    expect(fields({ ...count, numerator: null })).toEqual(['numerator']);
    expect(fields({ ...ratio, source: '  ' })).toEqual(['source']);
    expect(fields({ ...ratio, source: 'x'.repeat(201) })).toEqual(['source']);
    expect(fields({ ...ratio, source: 'x'.repeat(200) })).toEqual([]);
    expect(fields({ ...ratio, orgCode: '62080' })).toEqual(['orgCode']);
  });
});

const org = (code: string, level: 2 | 3 | 4): OrgLineage => ({
  code,
  level,
  provinceCode: '620000',
  cityCode: level > 2 ? '620800' : null,
  countyCode: level > 3 ? code.slice(0, 6) : null,
  townshipCode: null,
});

describe('reportedCells', () => {
  const city = org('620800', 2);
  const a = org('620802', 3);
  const b = org('620821', 3);
  const t = org('620821100', 4);
  const lineages = new Map([city, a, b, t].map((o) => [o.code, o]));
  const at = (c: string): OrgLineage | undefined => lineages.get(c);
  const f = (
    orgCode: string,
    indicator: string,
    n: number | null,
    d: number | null,
    percent: number | null = null,
  ) => ({
    orgCode,
    indicator,
    numerator: n,
    denominator: d,
    percent,
    source: 's',
  });

  it('sums numerators over denominators of the reporting units, never averaging rates', () => {
    const cells = reportedCells([city, a, b], at, [f(a.code, 'r', 1, 2), f(b.code, 'r', 90, 100)]);
    expect(cells.get(city.code)?.get('r')).toMatchObject({
      numerator: 91,
      denominator: 102,
      source: 'summed',
    });
    expect(cells.get(city.code)?.get('r')?.value).toBeCloseTo(91 / 102, 12);
    expect(cells.get(a.code)?.get('r')).toMatchObject({ value: 0.5, source: 'reported' });
  });

  it("shows an org's own report over its children's and sums a child's own report, not the grandchildren below it", () => {
    const cells = reportedCells([city, a, b], at, [
      f(b.code, 'r', 9, 10),
      f(t.code, 'r', 1, 100),
      f(a.code, 'r', 5, 10),
    ]);
    expect(cells.get(b.code)?.get('r')).toMatchObject({ numerator: 9, denominator: 10, source: 'reported' });
    expect(cells.get(city.code)?.get('r')).toMatchObject({
      numerator: 14,
      denominator: 20,
      source: 'summed',
    });
    const own = reportedCells([city], at, [f(city.code, 'r', 3, 4), f(a.code, 'r', 5, 10)]);
    expect(own.get(city.code)?.get('r')).toMatchObject({ value: 0.75, source: 'reported' });
  });

  it('never sums a bare survey percentage, sums counts without a denominator', () => {
    const cells = reportedCells([city, a, b], at, [
      f(a.code, 'lit', null, null, 23.15),
      f(a.code, 'n', 3, null),
      f(b.code, 'n', 4, null),
    ]);
    expect(cells.get(a.code)?.get('lit')).toMatchObject({ denominator: null, source: 'reported' });
    expect(cells.get(a.code)?.get('lit')?.value).toBeCloseTo(0.2315, 12);
    expect(cells.get(city.code)?.has('lit')).toBe(false);
    expect(cells.get(city.code)?.get('n')).toMatchObject({ numerator: 7, denominator: null, value: 7 });
  });

  it('counts the units below an org left out of its sum, up to the first org with its own figure', () => {
    const left = leftOutOfSums(
      [city, a, b],
      at,
      [f(b.code, 'n', 5, null)],
      [
        { orgCode: t.code, indicator: 'n' },
        { orgCode: a.code, indicator: 'n' },
        { orgCode: t.code, indicator: 'r' },
      ],
    );
    // The township's missing quarters do not reach the city: its county has its own figure.
    expect([...left].sort()).toEqual([
      [`${city.code}|n`, 1],
      [`${city.code}|r`, 1],
      [`${b.code}|r`, 1],
    ]);
    expect(leftOutOfSums([city], at, [], [{ orgCode: '999999', indicator: 'n' }]).size).toBe(0);
  });
});
