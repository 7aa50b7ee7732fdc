/**
 * The demo's reported values (issue 13 point 10): what each county of the synthetic city
 * reports for the first half of 2020, plausible for a county of Gansu and deterministic for a
 * seed. Counts are drawn per quarter and the half-year is Q1 + Q2, so the two periods agree.
 * - notifiable diseases: registered cases ~ population, report rate 95–100 %, timely 90–99 %;
 * - public-health emergency information: a handful of items, nearly all in time;
 * - health supervision assistance: leads found and reported (90–100 %), on-site inspections;
 * - health literacy (2020 survey, per county sample of 560–800): level 18–25 % (national
 *   23.15 % in 2020, Gansu lower), basic knowledge awareness 52–68 % (targets 60 % / 50 %).
 */
import type { ReportedValueInput } from '../../../domain/reported/reported-value.js';
import { DemoRandom } from './random.js';

/** A county of the demo, as the reports need it. */
export interface DemoCounty {
  readonly code: string;
  /** Its resident population (sum of its villages), to scale the case counts. */
  readonly population: number;
}

const NOTIFIABLE = '传染病报告信息管理系统';
const EMERGENCY = '突发公共卫生事件报告管理信息系统';
const SUPERVISION_REPORTS = '卫生监督协管信息报告登记';
const SUPERVISION_INSPECTIONS = '卫生监督协管巡查登记';
const SURVEY = '2020年居民健康素养监测';

/** The periods the demo reports for. */
export const DEMO_REPORT_PERIODS = ['2020Q2', '2020H1'] as const;

/**
 * `n` of `d` at a rate uniform in [low, high]: the ones missed are rounded down, so that a
 * small county (a dozen cases) still lands at or above `low`, never above `d`.
 */
function share(r: DemoRandom, d: number, low: number, high: number): number {
  return d - Math.floor(d * (1 - (low + (high - low) * r.float())));
}

/**
 * The reports of every county for 2020Q2 and 2020H1 (the survey for 2020H1 only).
 *
 * @example
 * planDemoReports([{ code: '620802', population: 510000 }], 2020).length // 11
 */
export function planDemoReports(counties: readonly DemoCounty[], seed: number): ReportedValueInput[] {
  const out: ReportedValueInput[] = [];
  for (const county of counties) {
    const r = new DemoRandom(seed, 'reported', county.code);
    // About 300 notifiable cases per 100 000 a half-year (Gansu's reported incidence, class B and C).
    const perQuarter = Math.max(8, Math.round((county.population / 100_000) * 150));
    const quarter = (): Record<string, [number, number | null]> => {
      const registered = r.int(Math.round(perQuarter * 0.7), Math.round(perQuarter * 1.3));
      const reported = share(r, registered, 0.95, 1);
      const timely = share(r, reported, 0.9, 0.99);
      const items = r.int(2, 6);
      const itemsTimely = r.chance(0.85) ? items : items - 1;
      const leads = r.int(12, 40);
      return {
        'infectious_disease.report_rate': [reported, registered],
        'infectious_disease.timely_report_rate': [timely, reported],
        'infectious_disease.emergency_report_rate': [itemsTimely, items],
        'health_supervision.report_rate': [share(r, leads, 0.9, 1), leads],
        'health_supervision.inspections': [r.int(24, 72), null],
      };
    };
    const q1 = quarter();
    const q2 = quarter();
    for (const [indicator, [n, d]] of Object.entries(q2)) {
      const source = sourceOf(indicator);
      out.push({ orgCode: county.code, period: '2020Q2', indicator, numerator: n, denominator: d, source });
      const [n1, d1] = q1[indicator]!;
      out.push({
        orgCode: county.code,
        period: '2020H1',
        indicator,
        numerator: n + n1,
        denominator: d === null || d1 === null ? null : d + d1,
        source,
      });
    }
    const sample = r.int(560, 800);
    out.push(
      {
        orgCode: county.code,
        period: '2020H1',
        indicator: 'health_literacy.level',
        numerator: share(r, sample, 0.18, 0.25),
        denominator: sample,
        source: SURVEY,
      },
      {
        orgCode: county.code,
        period: '2020H1',
        indicator: 'health_literacy.knowledge_awareness',
        numerator: share(r, sample, 0.52, 0.68),
        denominator: sample,
        source: SURVEY,
      },
    );
  }
  return out;
}

function sourceOf(indicator: string): string {
  if (indicator === 'infectious_disease.emergency_report_rate') return EMERGENCY;
  if (indicator.startsWith('infectious_disease.')) return NOTIFIABLE;
  return indicator === 'health_supervision.inspections' ? SUPERVISION_INSPECTIONS : SUPERVISION_REPORTS;
}
