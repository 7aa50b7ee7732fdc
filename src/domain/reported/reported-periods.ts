/**
 * How an org's reports of one indicator give its figure for a period (issue 13 point 10).
 * Reports are made for the period they name; a figure for another period follows these rules:
 *
 * - a report for the period itself is the figure;
 * - counts and ratios (`count`, `ratio`: counts of events within the period) add up over time:
 *   a quarter without its own report is the sum of its three months when every month is
 *   reported, a half-year the sum of its two quarters, a year the sum of its halves — each
 *   only when every part is reported. When some part is missing there is no figure, and the
 *   remark names the missing quarters (the missing months for a quarter);
 * - a survey (`survey`) is never added up: a period without its own survey shows the latest
 *   survey reported within it, the remark naming that survey's period;
 * - a period inside a reported one (a month of a reported quarter) has no figure of its own:
 *   the remark names the reported period instead.
 *
 * Pure; the reports come from src/modules/reported/reported-repository.ts.
 */
import type { LocalizedText } from '../gongwei-error.js';
import type { ReportedSpec } from '../indicators/catalogue-definition.js';
import { periodLabel, periodOrNull, type Period } from '../periods/period.js';

/** One stored report of an org and indicator, with the period it was made for. */
export interface PeriodReport {
  readonly period: string;
  readonly numerator: number | null;
  readonly denominator: number | null;
  readonly percent: number | null;
  readonly source: string;
}

/** The figure of a period: a report's values, or the sum of several (sources joined by ；). */
export interface PeriodFigure {
  readonly numerator: number | null;
  readonly denominator: number | null;
  readonly percent: number | null;
  readonly source: string;
}

/** The figure an org has for a period (null when none), and what the reader should know about it. */
export interface PeriodDerivation {
  readonly figure: PeriodFigure | null;
  readonly remark: LocalizedText | null;
}

const NONE: PeriodDerivation = { figure: null, remark: null };

/** The period of a year's half `h` (1, 2), quarter `q` (1..4) or month `m` (1..12). */
const half = (year: number, h: number): Period => periodOrNull(`${year}H${h}`)!;
const quarter = (year: number, q: number): Period => periodOrNull(`${year}Q${q}`)!;
const month = (year: number, m: number): Period => periodOrNull(`${year}-${String(m).padStart(2, '0')}`)!;

/** The number (1-based) of the half, quarter or month a period ends in. */
const endMonth = (p: Period): number => Number(p.end.slice(5, 7));

/** The parts a count is summed from: a year's halves, a half's quarters, a quarter's months. */
function partsOf(p: Period): Period[] {
  switch (p.kind) {
    case 'year':
      return [half(p.year, 1), half(p.year, 2)];
    case 'half': {
      const q = endMonth(p) / 3;
      return [quarter(p.year, q - 1), quarter(p.year, q)];
    }
    case 'quarter': {
      const m = endMonth(p);
      return [month(p.year, m - 2), month(p.year, m - 1), month(p.year, m)];
    }
    default:
      return [];
  }
}

const within = (inner: Period, outer: Period): boolean =>
  inner.start >= outer.start && inner.end <= outer.end;

function joinLabels(periods: readonly Period[]): LocalizedText {
  return {
    zh: periods.map((p) => periodLabel(p).zh).join('、'),
    en: periods.map((p) => periodLabel(p).en).join(', '),
  };
}

function sumOf(figures: readonly PeriodFigure[], kind: 'count' | 'ratio'): PeriodFigure {
  const sources = [...new Set(figures.map((f) => f.source))].sort();
  return {
    numerator: figures.reduce((s, f) => s + (f.numerator ?? 0), 0),
    denominator: kind === 'count' ? null : figures.reduce((s, f) => s + (f.denominator ?? 0), 0),
    percent: null,
    source: sources.join('；'),
  };
}

/**
 * The figure of `period` from the reports of one org and indicator of kind `kind` (reports of
 * other periods or unreadable periods are ignored where they do not bear on it).
 *
 * @example
 * reportedForPeriod('count', parsePeriod('2020H1'), [{ period: '2020Q1', numerator: 4, … }, { period: '2020Q2', numerator: 5, … }])
 * // { figure: { numerator: 9, denominator: null, … }, remark: { zh: '2020年第1季度、2020年第2季度上报之和', … } }
 * @example
 * reportedForPeriod('count', parsePeriod('2020'), [{ period: '2020Q1', numerator: 4, … }])
 * // { figure: null, remark: { zh: '缺少2020年第2季度、…的上报，无2020年合计', … } }
 */
export function reportedForPeriod(
  kind: ReportedSpec['kind'],
  period: Period,
  reports: readonly PeriodReport[],
): PeriodDerivation {
  const parsed = reports.flatMap((r) => {
    const p = periodOrNull(r.period);
    return p ? [{ p, r }] : [];
  });
  const ownOf = (p: Period): PeriodReport | undefined => parsed.find((x) => x.p.text === p.text)?.r;
  const own = ownOf(period);
  if (own) return { figure: figureOf(own), remark: null };

  if (kind === 'survey') {
    const inside = parsed
      .filter((x) => within(x.p, period))
      .sort((a, b) =>
        a.p.end === b.p.end ? b.p.start.localeCompare(a.p.start) : b.p.end.localeCompare(a.p.end),
      );
    const latest = inside[0];
    if (latest) {
      const label = periodLabel(latest.p);
      return {
        figure: figureOf(latest.r),
        remark: { zh: `取${label.zh}的调查结果`, en: `the survey of ${label.en}` },
      };
    }
  } else {
    // A period's sum, or the quarters (months for a quarter) that keep it from being one.
    const derive = (p: Period): { figure: PeriodFigure } | { missing: Period[] } => {
      const r = ownOf(p);
      if (r) return { figure: figureOf(r) };
      const parts = partsOf(p);
      if (parts.length === 0) return { missing: [p] };
      const figures: PeriodFigure[] = [];
      const missing: Period[] = [];
      for (const part of parts) {
        const d = derive(part);
        if ('figure' in d) figures.push(d.figure);
        // A missing quarter is named as the quarter, not as its months.
        else if (part.kind === 'month' || part.kind === 'quarter') missing.push(part);
        else missing.push(...d.missing);
      }
      return missing.length === 0 ? { figure: sumOf(figures, kind) } : { missing };
    };
    const anyInside = parsed.some((x) => within(x.p, period));
    if (anyInside && partsOf(period).length > 0) {
      const d = derive(period);
      const label = periodLabel(period);
      if ('figure' in d) {
        const summed = parsed
          .map((x) => x.p)
          .filter((p) => within(p, period) && usedInSum(p, period, ownOf))
          .sort((a, b) => a.start.localeCompare(b.start));
        const parts = joinLabels(summed);
        return {
          figure: d.figure,
          remark: { zh: `${parts.zh}上报之和`, en: `sum of the reports of ${parts.en}` },
        };
      }
      const missing = joinLabels(d.missing);
      return {
        figure: null,
        remark: {
          zh: `缺少${missing.zh}的上报，无${label.zh}合计`,
          en: `no report for ${missing.en}: no figure for ${label.en}`,
        },
      };
    }
  }
  // Nothing within the period: a report of a period around it is named, not shown.
  const around = parsed
    .filter((x) => x.p.text !== period.text && within(period, x.p))
    .sort((a, b) => a.p.start.localeCompare(b.p.start) || b.p.end.localeCompare(a.p.end))
    .at(-1); // the smallest: the latest start, then the earliest end
  if (!around) return NONE;
  const label = periodLabel(around.p);
  return {
    figure: null,
    remark: {
      zh: `按${label.zh}上报，本期无单独数值`,
      en: `reported for ${label.en}; no figure of its own for this period`,
    },
  };
}

/**
 * True when the report of `p` is one of the parts summed for `target`: the nearest reported
 * period on the way down from `target` (a reported half stops the descent to its quarters).
 */
function usedInSum(p: Period, target: Period, ownOf: (p: Period) => PeriodReport | undefined): boolean {
  let step: Period | undefined = target;
  while (step && step.text !== p.text) {
    if (step.text !== target.text && ownOf(step)) return false;
    step = partsOf(step).find((part) => within(p, part));
  }
  return step !== undefined;
}

function figureOf(r: PeriodReport): PeriodFigure {
  return { numerator: r.numerator, denominator: r.denominator, percent: r.percent, source: r.source };
}
