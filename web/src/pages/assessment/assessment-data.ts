import type { paths } from '../../api/schema';

/** A run with its ranked units (and items when asked), as GET /api/assessment/runs/{id} answers. */
export type RunReport =
  paths['/api/assessment/runs/{id}']['get']['responses'][200]['content']['application/json'];
/** One ranked unit of a run. */
export type RankedUnit = RunReport['units'][number];
/** One scored item of a unit. */
export type ScoredItem = RunReport['items'][number];
/** A run as listed. */
export type RunSummary =
  paths['/api/assessment/runs']['get']['responses'][200]['content']['application/json'][number];
/** A scheme version as listed. */
export type SchemeVersion =
  paths['/api/assessment/schemes']['get']['responses'][200]['content']['application/json'][number];

/** The query key of everything assessment, so a run or an import refreshes the lists. */
export const ASSESSMENT_KEY = 'assessment';

/**
 * Centipoints as points with two decimals (scores are kept in hundredths of a point).
 *
 * @example points(8550) // '85.50'
 */
export function points(centi: number): string {
  const sign = centi < 0 ? '-' : '';
  const abs = Math.abs(centi);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/**
 * The change of a unit's converted score and rank since the previous run: '+1.25 ↑2', '-0.50 ↓1',
 * '0.00', or '—' when there was no previous run.
 */
export function changeText(unit: Pick<RankedUnit, 'changeCenti' | 'rankChange'>): string {
  if (unit.changeCenti === null) return '—';
  const score = `${unit.changeCenti > 0 ? '+' : ''}${points(unit.changeCenti)}`;
  const rank = unit.rankChange ? ` ${unit.rankChange > 0 ? '↑' : '↓'}${Math.abs(unit.rankChange)}` : '';
  return `${score}${rank}`;
}

/**
 * An item's value or target as shown: a rate (0..1 with a denominator) as a percentage with
 * two decimals, a count as it is, '—' when absent.
 */
export function figure(value: number | null, isRate: boolean): string {
  if (value === null) return '—';
  return isRate ? `${(value * 100).toFixed(2)}%` : String(value);
}

/**
 * Whether an item's value is a rate (numerator ÷ denominator, possibly above 100 %) rather than
 * a count: it has a denominator and is not compared with a target of the targets module (counts).
 */
export function isRateItem(item: Pick<ScoredItem, 'denominator' | 'targetSource'>): boolean {
  return item.denominator !== null && item.targetSource !== 'targets';
}

/** The rule of an item in a few words: its id and parameters ('floor 0.5', 'lower_is_better zeroAt 0.3'). */
export function ruleText(scoring: Record<string, unknown>): string {
  const { rule, ...rest } = scoring;
  const params = Object.entries(rest).map(([k, v]) =>
    typeof v === 'object' && v !== null
      ? Object.entries(v)
          .map(([a, b]) => `${a} −${String(b)}`)
          .join(', ')
      : `${k} ${String(v)}`,
  );
  return [String(rule), ...params].join(' · ');
}
