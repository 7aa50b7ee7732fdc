import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addMonths,
  aggregateOutliers,
  boundsOf,
  median,
  modifiedZ,
  monthEnd,
  monthSlices,
  monthsOfWindow,
  peerGroupOf,
  robustSpread,
  type MonthlyPoint,
  type UnitSeries,
} from './outliers.js';

const P = { threshold: 3.5, historyMonths: 12, minHistory: 6, minPeers: 5 };

function counts(
  unit: string,
  byMonth: Record<string, number>,
  measure = 'count:elderly_checkup',
): UnitSeries {
  return {
    unit,
    countyCode: unit.slice(0, 6),
    measure,
    kind: 'count',
    points: new Map(Object.entries(byMonth).map(([m, value]) => [m, { value, denominator: null }])),
  };
}

function rates(unit: string, byMonth: Record<string, number>): UnitSeries {
  return {
    unit,
    countyCode: unit.slice(0, 6),
    measure: 'rate:hypertension_controlled',
    kind: 'rate',
    points: new Map<string, MonthlyPoint>(
      Object.entries(byMonth).map(([m, value]) => [m, { value, denominator: 50 }]),
    ),
  };
}

/** Months 2019-07 … 2020-06 with the given values in order. */
function year(values: readonly number[]): Record<string, number> {
  return Object.fromEntries(values.map((v, i) => [addMonths('2019-07', i), v]));
}

describe('the modified z-score', () => {
  it('takes the median and the MAD scaled by 0.6745', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    const s = robustSpread([10, 12, 11, 13, 12])!;
    expect(s.median).toBe(12);
    // Deviations 2, 0, 1, 1, 0: MAD 1.
    expect(s.scale).toBeCloseTo(1 / 0.6745, 12);
    expect(modifiedZ(30, s)).toBeCloseTo(0.6745 * 18, 9);
    expect(modifiedZ(12, s)).toBe(0);
  });

  it('falls back to the mean absolute deviation when the MAD is 0, and judges nothing without spread', () => {
    // Deviations 0, 0, 0, 0, 10: MAD 0, mean AD 2.
    const s = robustSpread([5, 5, 5, 5, 15])!;
    expect(s).toEqual({ median: 5, scale: 1.253314 * 2 });
    expect(robustSpread([7, 7, 7])).toBeNull();
    expect(robustSpread([])).toBeNull();
  });

  it('gives min–max bounds where |z| stays within the threshold', () => {
    const s = robustSpread([10, 12, 11, 13, 12])!;
    const b = boundsOf(s, 3.5);
    expect(modifiedZ(b.max, s)).toBeCloseTo(3.5, 9);
    expect(modifiedZ(b.min, s)).toBeCloseTo(-3.5, 9);
  });
});

describe('months', () => {
  it('counts months across years and finds month ends', () => {
    expect(addMonths('2020-01', -1)).toBe('2019-12');
    expect(addMonths('2019-12', 13)).toBe('2021-01');
    expect(monthEnd('2020-02')).toBe('2020-02-29');
    expect(monthEnd('2019-02')).toBe('2019-02-28');
    expect(monthEnd('2020-12')).toBe('2020-12-31');
  });

  it('judges only whole months of the window', () => {
    expect(monthsOfWindow('2020-01-01', '2020-06-30', 12)).toEqual([
      '2020-01',
      '2020-02',
      '2020-03',
      '2020-04',
      '2020-05',
      '2020-06',
    ]);
    expect(monthsOfWindow('2020-01-15', '2020-03-30', 12)).toEqual(['2020-02']);
    expect(monthsOfWindow(null, '2020-06-30', 3)).toEqual(['2020-04', '2020-05', '2020-06']);
  });

  it('cuts a range of dates at month starts', () => {
    expect(monthSlices('2019-12-15', '2020-02-10')).toEqual([
      { from: '2019-12-15', before: '2020-01' },
      { from: '2020-01', before: '2020-02' },
      { from: '2020-02', before: null },
    ]);
    expect(monthSlices('2020-02-10', '2020-02-20')).toEqual([{ from: '2020-02-10', before: null }]);
    expect(monthSlices('2020-03-01', '2020-02-29')).toEqual([]);
  });

  it('puts every text of the range in one slice, and all of a month in the same one', () => {
    // The range is a window's (valid dates); the texts are near dates, malformed ones too (a
    // 13th month, a colon after a digit): a slice holds whatever the comparison of texts puts
    // between its bounds.
    const date = fc
      .date({ min: new Date('2018-11-01'), max: new Date('2021-02-28'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    const text = fc.oneof(date, fc.stringMatching(/^20(19|20)-[01][0-9:]-[0-3][0-9]x?$/));
    fc.assert(
      fc.property(fc.array(text, { maxLength: 40 }), date, date, (texts, a, b) => {
        const [from, to] = a <= b ? [a, b] : [b, a];
        const slices = monthSlices(from, to);
        const byMonth = new Map<string, number>();
        for (const t of texts) {
          const found = slices.flatMap((s, i) =>
            t >= s.from && (s.before === null || t < s.before) && t <= to ? [i] : [],
          );
          expect(found).toHaveLength(t < from || t > to ? 0 : 1);
          if (found.length === 0) continue;
          const month = t.slice(0, 7);
          expect(byMonth.get(month) ?? found[0]).toBe(found[0]);
          byMonth.set(month, found[0]!);
        }
      }),
    );
  });

  it('groups units under their parent by code', () => {
    expect(peerGroupOf('620881100201')).toBe('620881100');
    expect(peerGroupOf('620881100')).toBe('620881');
    expect(peerGroupOf('620881')).toBe('620800');
  });
});

describe('outliers on aggregates', () => {
  const steady = [40, 42, 38, 41, 39, 40, 43, 37, 40, 41, 39];

  it('flags a month far from the unit’s own history, with the bounds, and passes an ordinary one', () => {
    const found = aggregateOutliers(
      [counts('620881100', year([...steady, 120]))],
      ['2020-05', '2020-06'],
      P,
      peerGroupOf,
    );
    expect(found).toHaveLength(1);
    const f = found[0]!;
    expect(f).toMatchObject({
      unit: '620881100',
      month: '2020-06',
      value: 120,
      flags: ['history'],
      peers: null,
    });
    expect(f.history!.median).toBe(40);
    expect(f.history!.n).toBe(11);
    expect(f.history!.z).toBeGreaterThan(3.5);
    expect(f.history!.max).toBeLessThan(120);
    expect(f.history!.min).toBeGreaterThan(20);
  });

  it('flags a month without services once the unit has recorded some (a count of 0)', () => {
    const months = year([...steady, 0]);
    delete months['2020-06'];
    const found = aggregateOutliers([counts('620881100', months)], ['2020-06'], P, peerGroupOf);
    expect(found.map((f) => [f.month, f.value, f.flags])).toEqual([['2020-06', 0, ['history']]]);
  });

  it('does not judge a unit with too little history, nor months before its first one', () => {
    const short = counts('620881100', { '2020-03': 40, '2020-04': 41, '2020-05': 39, '2020-06': 200 });
    expect(aggregateOutliers([short], ['2020-06'], P, peerGroupOf)).toEqual([]);
    expect(aggregateOutliers([short], ['2020-06'], { ...P, minHistory: 3 }, peerGroupOf)).toHaveLength(1);
    expect(aggregateOutliers([short], ['2020-01', '2020-02'], { ...P, minHistory: 0 }, peerGroupOf)).toEqual(
      [],
    );
  });

  it('keeps to the threshold: a value just inside the bounds is not an outlier, one just outside is', () => {
    // History median 40, MAD 1 → scale 1/0.6745; the upper bound is 40 + 3.5/0.6745 ≈ 45.19.
    const history = [39, 40, 41, 39, 40, 41, 40];
    const onBound = 40 + 3.5 / 0.6745;
    const series = counts('620881100', {
      ...Object.fromEntries(history.map((v, i) => [addMonths('2019-11', i), v])),
      '2020-06': onBound - 0.01,
    });
    expect(aggregateOutliers([series], ['2020-06'], P, peerGroupOf)).toEqual([]);
    const over = counts('620881100', {
      ...Object.fromEntries(history.map((v, i) => [addMonths('2019-11', i), v])),
      '2020-06': onBound + 0.01,
    });
    expect(aggregateOutliers([over], ['2020-06'], P, peerGroupOf)).toHaveLength(1);
  });

  it('compares a rate with its peers of the same parent that month, not with other parents', () => {
    const townships = ['620881100', '620881101', '620881102', '620881103', '620881104', '620881105'];
    const peerRates = [0.6, 0.62, 0.58, 0.61, 0.59];
    const series = [
      ...townships.slice(1).map((t, i) => rates(t, { '2020-06': peerRates[i]! })),
      rates('620881100', { '2020-06': 0.98 }),
      // Another county's township at 0.98 is no peer of these.
      rates('620802100', { '2020-06': 0.98 }),
    ];
    const found = aggregateOutliers(series, ['2020-06'], P, peerGroupOf);
    expect(found.map((f) => [f.unit, f.flags])).toEqual([['620881100', ['peers']]]);
    expect(found[0]!.peers).toMatchObject({ median: 0.6, n: 5 });
    expect(found[0]!.history).toBeNull();
    // Four peers are too few.
    expect(aggregateOutliers(series.slice(1), ['2020-06'], P, peerGroupOf)).toEqual([]);
  });

  it('does not compare counts with peers (they grow with the population served)', () => {
    const series = ['620881100', '620881101', '620881102', '620881103', '620881104', '620881105'].map(
      (t, i) => counts(t, { '2020-06': i === 0 ? 1000 : 40 }),
    );
    expect(aggregateOutliers(series, ['2020-06'], P, peerGroupOf)).toEqual([]);
  });
});
