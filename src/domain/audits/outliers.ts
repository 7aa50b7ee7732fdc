/**
 * Outliers on aggregates (as DHIS2's outlier detection does them): a unit's monthly count or
 * rate far from its own history, or a rate far from its peers' in the same month, by the
 * modified z-score over the median absolute deviation (Iglewicz and Hoaglin):
 *
 *   z = 0.6745 × (x − median) / MAD
 *
 * flagged when |z| exceeds a threshold (3.5 by default). Where the MAD is 0 (more than half
 * of the reference equal), the mean absolute deviation stands in (z = (x − median) /
 * (1.253314 × mean AD)); where that is 0 too, the reference has no spread and nothing is
 * judged. The min–max bounds of a unit are the values whose z stays within the threshold:
 * median ± threshold × MAD / 0.6745. Pure: the audit rule `aggregate_outliers`
 * (src/modules/audits/rules/aggregate-outliers.ts) selects the monthly counts.
 */

/** The consistency constant of the MAD for normal data (Φ⁻¹(0.75)). */
export const MAD_SCALE = 0.6745;
/** The constant that makes the mean absolute deviation comparable (√(π/2)). */
export const MEAN_AD_SCALE = 1.253314;

/** The median of `xs` (not empty). */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** The centre and the robust scale of a reference: z = (x − centre) / scale. */
export interface RobustSpread {
  readonly median: number;
  /** MAD / 0.6745, or 1.253314 × mean absolute deviation when the MAD is 0. */
  readonly scale: number;
}

/**
 * The median and robust scale of `reference`; null when it is empty or has no spread.
 *
 * @example robustSpread([10, 12, 11, 13, 12]) // { median: 12, scale: 1 / 0.6745 }
 */
export function robustSpread(reference: readonly number[]): RobustSpread | null {
  if (reference.length === 0) return null;
  const m = median(reference);
  const deviations = reference.map((x) => Math.abs(x - m));
  const mad = median(deviations);
  if (mad > 0) return { median: m, scale: mad / MAD_SCALE };
  const meanAd = deviations.reduce((s, d) => s + d, 0) / deviations.length;
  if (meanAd > 0) return { median: m, scale: MEAN_AD_SCALE * meanAd };
  return null;
}

/**
 * The modified z-score of `x` against a reference's spread.
 *
 * @example modifiedZ(30, { median: 12, scale: 1 / 0.6745 }) // 12.141
 */
export function modifiedZ(x: number, spread: RobustSpread): number {
  return (x - spread.median) / spread.scale;
}

/** The values whose modified z-score stays within `threshold`. */
export function boundsOf(spread: RobustSpread, threshold: number): { min: number; max: number } {
  return { min: spread.median - threshold * spread.scale, max: spread.median + threshold * spread.scale };
}

/** A month as `YYYY-MM`. */
export type Month = string;

/** The month `n` months after `month` (negative: before). */
export function addMonths(month: Month, n: number): Month {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + n;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/**
 * The whole months of a window: from the month of `from` (the first month starting on or after
 * it) to the last month ending on or before `to`; without `from`, the `fallbackMonths` months
 * up to that one.
 *
 * @example monthsOfWindow('2020-01-01', '2020-06-30', 12) // ['2020-01', …, '2020-06']
 * @example monthsOfWindow('2020-01-15', '2020-06-29', 12) // ['2020-02', …, '2020-05']
 */
export function monthsOfWindow(from: string | null, to: string, fallbackMonths: number): Month[] {
  const toMonth = to.slice(0, 7);
  const last = to === monthEnd(toMonth) ? toMonth : addMonths(toMonth, -1);
  let first: Month;
  if (from === null) first = addMonths(last, 1 - fallbackMonths);
  else first = from.slice(8, 10) === '01' ? from.slice(0, 7) : addMonths(from.slice(0, 7), 1);
  const out: Month[] = [];
  for (let m = first; m <= last; m = addMonths(m, 1)) out.push(m);
  return out;
}

/** The last day of a month, ISO. */
export function monthEnd(month: Month): string {
  const next = addMonths(month, 1);
  const d = new Date(Date.UTC(Number(next.slice(0, 4)), Number(next.slice(5, 7)) - 1, 1) - 86_400_000);
  return d.toISOString().slice(0, 10);
}

/** A part of a range of dates: from `from` (inclusive) to `before` (exclusive; null: to the range's end). */
export interface MonthSlice {
  readonly from: string;
  readonly before: string | null;
}

/**
 * The range of date texts from `from` to `to` cut at each month's start (`YYYY-MM`, as
 * text): parts that together hold every text of the range once, and every text of one month
 * (its first seven characters, whatever follows) in one part, since a text starting with
 * `YYYY-MM` is never less than `YYYY-MM`. Counting per month part by part sorts many small
 * sets instead of one large one. Empty when `from` is after `to`.
 *
 * @example monthSlices('2019-12-15', '2020-02-10') // [{ from: '2019-12-15', before: '2020-01' }, { from: '2020-01', before: '2020-02' }, { from: '2020-02', before: null }]
 */
export function monthSlices(from: string, to: string): MonthSlice[] {
  if (from > to) return [];
  const starts: string[] = [from];
  for (let m = addMonths(from.slice(0, 7), 1); m <= to; m = addMonths(m, 1)) starts.push(m);
  return starts.map((start, i) => ({ from: start, before: starts[i + 1] ?? null }));
}

/** What is measured of a unit each month: a count, or a rate with its denominator. */
export interface MonthlyPoint {
  readonly value: number;
  /** A rate's denominator; null for a count. */
  readonly denominator: number | null;
}

/** One measure of one unit, month by month (months without a point are absent). */
export interface UnitSeries {
  readonly unit: string;
  readonly countyCode: string;
  readonly measure: string;
  readonly kind: 'count' | 'rate';
  readonly points: ReadonlyMap<Month, MonthlyPoint>;
}

/** The thresholds of the outlier judgement. */
export interface OutlierParameters {
  /** |modified z| above this is an outlier (3.5 by default). */
  readonly threshold: number;
  /** The months before a judged month that form the unit's own history. */
  readonly historyMonths: number;
  /** A unit with fewer history values than this is not judged against its history. */
  readonly minHistory: number;
  /** A rate is judged against its peers only when this many peers have one that month. */
  readonly minPeers: number;
}

/** How far a value lies from a reference. */
export interface Deviation {
  readonly median: number;
  readonly z: number;
  /** Values in the reference. */
  readonly n: number;
  /** The values whose z stays within the threshold. */
  readonly min: number;
  readonly max: number;
}

/** A unit's value of one month that lies far from its history, its peers or both. */
export interface AggregateOutlier {
  readonly unit: string;
  readonly countyCode: string;
  readonly measure: string;
  readonly kind: 'count' | 'rate';
  readonly month: Month;
  readonly value: number;
  readonly denominator: number | null;
  /** Against the unit's own previous months; null when not judged that way. */
  readonly history: Deviation | null;
  /** Against the same measure of the other units of its group that month; null when not judged. */
  readonly peers: Deviation | null;
  /** Which comparisons exceed the threshold. */
  readonly flags: readonly ('history' | 'peers')[];
}

/**
 * The value of `series` in `month` for the comparison: a count is 0 in a month without
 * services once the unit has had one (a unit that stops recording is an outlier), absent
 * before; a rate is absent without a point.
 */
function valueAt(series: UnitSeries, month: Month, firstMonth: Month | null): MonthlyPoint | null {
  const p = series.points.get(month);
  if (p) return p;
  if (series.kind === 'count' && firstMonth !== null && month > firstMonth)
    return { value: 0, denominator: null };
  return null;
}

function deviation(x: number, reference: readonly number[], threshold: number): Deviation | null {
  const spread = robustSpread(reference);
  if (!spread) return null;
  return {
    median: spread.median,
    z: modifiedZ(x, spread),
    n: reference.length,
    ...boundsOf(spread, threshold),
  };
}

/**
 * The outliers among `series` in the `judged` months: every measure of every unit against its
 * own previous `historyMonths` months, and every rate against the same rate of the units of
 * its peer group that month (`peerGroupOf`: units of one parent). Counts are not compared
 * with peers: they grow with the population a unit serves.
 *
 * @example
 * aggregateOutliers(series, ['2020-06'], { threshold: 3.5, historyMonths: 12, minHistory: 6, minPeers: 5 }, (u) => u.slice(0, 6))
 */
export function aggregateOutliers(
  series: readonly UnitSeries[],
  judged: readonly Month[],
  p: OutlierParameters,
  peerGroupOf: (unit: string) => string,
): AggregateOutlier[] {
  const firstMonths = new Map<UnitSeries, Month | null>();
  for (const s of series) {
    let first: Month | null = null;
    for (const m of s.points.keys()) if (first === null || m < first) first = m;
    firstMonths.set(s, first);
  }
  // Peer rates by (measure, group, month).
  const peerValues = new Map<string, { unit: string; value: number }[]>();
  for (const s of series) {
    if (s.kind !== 'rate') continue;
    for (const [month, point] of s.points) {
      const key = `${s.measure}|${peerGroupOf(s.unit)}|${month}`;
      const list = peerValues.get(key);
      if (list) list.push({ unit: s.unit, value: point.value });
      else peerValues.set(key, [{ unit: s.unit, value: point.value }]);
    }
  }
  const out: AggregateOutlier[] = [];
  for (const s of series) {
    const first = firstMonths.get(s) ?? null;
    for (const month of judged) {
      const point = valueAt(s, month, first);
      if (!point) continue;
      const reference: number[] = [];
      for (let k = 1; k <= p.historyMonths; k++) {
        const past = valueAt(s, addMonths(month, -k), first);
        if (past) reference.push(past.value);
      }
      const history =
        reference.length >= p.minHistory ? deviation(point.value, reference, p.threshold) : null;
      let peers: Deviation | null = null;
      if (s.kind === 'rate') {
        const others = (peerValues.get(`${s.measure}|${peerGroupOf(s.unit)}|${month}`) ?? [])
          .filter((o) => o.unit !== s.unit)
          .map((o) => o.value);
        if (others.length >= p.minPeers) peers = deviation(point.value, others, p.threshold);
      }
      const flags: ('history' | 'peers')[] = [];
      if (history && Math.abs(history.z) > p.threshold) flags.push('history');
      if (peers && Math.abs(peers.z) > p.threshold) flags.push('peers');
      if (flags.length === 0) continue;
      out.push({
        unit: s.unit,
        countyCode: s.countyCode,
        measure: s.measure,
        kind: s.kind,
        month,
        value: point.value,
        denominator: point.denominator,
        history,
        peers,
        flags,
      });
    }
  }
  return out;
}

/**
 * The parent of a unit by its code (the national administrative codes nest): a village
 * (12 digits) in its township, a township (9) in its county, a county (6) in its city.
 *
 * @example peerGroupOf('620881100201') // '620881100'
 */
export function peerGroupOf(unit: string): string {
  if (unit.length === 12) return unit.slice(0, 9);
  if (unit.length === 9) return unit.slice(0, 6);
  if (unit.length === 6) return `${unit.slice(0, 4)}00`;
  return '';
}
