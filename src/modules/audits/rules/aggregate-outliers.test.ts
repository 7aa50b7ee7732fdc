import { describe, expect, it } from 'vitest';
import { addMonths } from '../../../domain/audits/outliers.js';
import {
  aggregateOutliersRule,
  CONTROLLED_SHARE,
  unitSeries,
  type UnitMonthRow,
} from './aggregate-outliers.js';
import { Q2_2020 } from './rules.fixture.js';

const row = (unit: string, month: string, more: Partial<UnitMonthRow>): UnitMonthRow => ({
  unit,
  countyCode: unit.slice(0, 6),
  month,
  type: 'elderly_checkup',
  services: 5,
  withBp: 0,
  controlled: 0,
  ...more,
});

/** 2019-01 … 2020-05: 4, 5, 6, 5, 4, 5, 6, … check-ups, then `june` in June 2020. */
function checkups(unit: string, june: number): UnitMonthRow[] {
  const out: UnitMonthRow[] = [];
  for (let i = 0; i < 17; i++)
    out.push(row(unit, addMonths('2019-01', i), { services: [4, 5, 6, 5][i % 4]! }));
  out.push(row(unit, '2020-06', { services: june }));
  return out;
}

describe('aggregate_outliers', () => {
  const p = aggregateOutliersRule.parameters.parse({});

  it('defaults to townships, |z| > 3.5, 12 months of history (6 at least), 5 peers, 20 follow-ups a share', () => {
    expect(p).toMatchObject({
      unitLevel: 4,
      threshold: 3.5,
      historyMonths: 12,
      minHistory: 6,
      minPeers: 5,
      minFollowups: 20,
      controlledShare: true,
    });
    expect(aggregateOutliersRule.parameters.safeParse({ minHistory: 13 }).success).toBe(false);
    expect(aggregateOutliersRule.parameters.safeParse({ threshold: 0.5 }).success).toBe(false);
  });

  it('makes a count series per type and a share only from months with enough follow-ups with a BP', () => {
    const series = unitSeries(
      [
        row('620881100', '2020-05', {
          type: 'hypertension_followup',
          services: 30,
          withBp: 25,
          controlled: 20,
        }),
        row('620881100', '2020-06', {
          type: 'hypertension_followup',
          services: 30,
          withBp: 19,
          controlled: 19,
        }),
        row('620881100', '2020-06', {}),
      ],
      p,
    );
    expect(series.map((s) => [s.measure, s.kind, [...s.points.keys()]])).toEqual([
      ['count:hypertension_followup', 'count', ['2020-05', '2020-06']],
      [CONTROLLED_SHARE, 'rate', ['2020-05']],
      ['count:elderly_checkup', 'count', ['2020-06']],
    ]);
    expect(series[1]!.points.get('2020-05')).toEqual({ value: 0.8, denominator: 25 });
    expect(
      unitSeries([row('620881100', '2020-05', { type: 'hypertension_followup', withBp: 25 })], {
        ...p,
        controlledShare: false,
      }),
    ).toHaveLength(1);
  });

  it('finds one outlier per unit, month and measure, dated at the month end, with its bounds', () => {
    const found = aggregateOutliersRule.judge(
      {
        months: ['2020-04', '2020-05', '2020-06'],
        rows: [...checkups('620881100', 30), ...checkups('620881101', 5)],
      },
      p,
      Q2_2020,
    );
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      severity: 'warning',
      subject: 'unit:620881100:2020-06-01..2020-06-30:count:elderly_checkup',
      orgCode: '620881100',
      countyCode: '620881',
      residentId: null,
      serviceId: null,
      subjectDate: '2020-06-30',
      weight: 1,
      evidence: {
        month: '2020-06',
        measure: 'count:elderly_checkup',
        kind: 'count',
        value: 30,
        denominator: null,
        peers: null,
        flags: ['history'],
      },
    });
    const history = (found[0]!.evidence as { history: Record<string, number> }).history;
    // Previous 12 months (5, 6, 5, 4, …): median 5, deviations six 0 and six 1, MAD 0.5.
    expect(history).toMatchObject({ median: 5, n: 12, z: 33.725 });
    expect(history.max).toBeCloseTo(5 + (3.5 * 0.5) / 0.6745, 3);
    expect(history.min).toBeCloseTo(5 - (3.5 * 0.5) / 0.6745, 3);
  });
});
