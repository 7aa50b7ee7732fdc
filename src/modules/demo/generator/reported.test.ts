import { describe, expect, it } from 'vitest';
import { validateReportedValue } from '../../../domain/reported/reported-value.js';
import { planDemoReports } from './reported.js';

const COUNTIES = [
  { code: '620802', population: 520_000 },
  { code: '620821', population: 180_000 },
  { code: '620826', population: 9_000 },
];

describe('planDemoReports', () => {
  const reports = planDemoReports(COUNTIES, 2020);
  const rate = (indicator: string, period: string): number[] =>
    reports
      .filter((r) => r.indicator === indicator && r.period === period)
      .map((r) => r.numerator! / r.denominator!);

  it('is deterministic and passes the rules of a report', () => {
    expect(planDemoReports(COUNTIES, 2020)).toEqual(reports);
    expect(planDemoReports(COUNTIES, 2021)).not.toEqual(reports);
    for (const r of reports) expect([r.indicator, validateReportedValue(r).ok]).toEqual([r.indicator, true]);
    expect(reports).toHaveLength(COUNTIES.length * 12);
  });

  it('lands in the plausible ranges for every county and period', () => {
    for (const period of ['2020Q2', '2020H1']) {
      for (const v of rate('infectious_disease.report_rate', period)) expect(v).toBeGreaterThanOrEqual(0.95);
      for (const v of rate('infectious_disease.timely_report_rate', period)) {
        expect(v).toBeGreaterThanOrEqual(0.9);
        expect(v).toBeLessThanOrEqual(1);
      }
      for (const v of rate('health_supervision.report_rate', period)) expect(v).toBeGreaterThanOrEqual(0.9);
    }
    for (const v of rate('health_literacy.level', '2020H1')) {
      expect(v).toBeGreaterThanOrEqual(0.18);
      expect(v).toBeLessThanOrEqual(0.252);
    }
    for (const v of rate('health_literacy.knowledge_awareness', '2020H1')) {
      expect(v).toBeGreaterThanOrEqual(0.52);
      expect(v).toBeLessThanOrEqual(0.682);
    }
  });

  it('makes the half-year at least the second quarter for every count', () => {
    for (const q2 of reports.filter((r) => r.period === '2020Q2')) {
      const h1 = reports.find(
        (r) => r.period === '2020H1' && r.orgCode === q2.orgCode && r.indicator === q2.indicator,
      )!;
      expect(h1.numerator!).toBeGreaterThanOrEqual(q2.numerator!);
      if (q2.denominator !== null) expect(h1.denominator!).toBeGreaterThan(q2.denominator!);
    }
  });
});
