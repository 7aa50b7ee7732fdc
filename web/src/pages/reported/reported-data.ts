/**
 * The reported indicators page's figures: a stored report as the table writes it, and the
 * entry form's values as POST /api/reported-values takes them. Pure: the page only draws.
 */
import type { paths } from '../../api/schema';
import { formatCount, formatRate } from '../../format/figures';
import type { Language } from '../../i18n/i18n';

/** A report as GET /api/reported-values lists it. */
export type StoredReport =
  paths['/api/reported-values']['get']['responses'][200]['content']['application/json'][number];
/** One item of POST /api/reported-values. */
export type ReportItem =
  paths['/api/reported-values']['post']['requestBody']['content']['application/json']['items'][number];

/** The entry form's values (empty numbers are null or absent). */
export interface EntryValues {
  orgCode: string;
  period: string;
  indicator: string;
  numerator?: number | null;
  denominator?: number | null;
  percent?: number | null;
  source: string;
}

/**
 * A report's value: its percentage, its numerator over its denominator as a rate, or its count.
 *
 * @example reportValueText({ numerator: 19, denominator: 20, percent: null }, 'zh-CN') // '95.00%'
 * @example reportValueText({ numerator: null, denominator: null, percent: 21.5 }, 'zh-CN') // '21.50%'
 */
export function reportValueText(
  r: Pick<StoredReport, 'numerator' | 'denominator' | 'percent'>,
  language: Language,
): string {
  if (r.percent !== null) return formatRate(r.percent / 100);
  if (r.numerator === null) return '—';
  if (r.denominator === null) return formatCount(r.numerator, language);
  return r.denominator === 0 ? '—' : formatRate(r.numerator / r.denominator);
}

const present = (n: number | null | undefined): n is number => n !== null && n !== undefined;

/**
 * The item the form's values make: the period upper-cased and trimmed, the source trimmed,
 * empty numbers left out (the server judges what the indicator needs and names what is missing).
 *
 * @example entryItem({ orgCode: '620802', period: ' 2020q2', indicator: 'x', numerator: 3, source: ' s ' })
 * // { orgCode: '620802', period: '2020Q2', indicator: 'x', numerator: 3, source: 's' }
 */
export function entryItem(v: EntryValues): ReportItem {
  return {
    orgCode: v.orgCode,
    period: v.period.trim().toUpperCase(),
    indicator: v.indicator,
    ...(present(v.numerator) ? { numerator: v.numerator } : {}),
    ...(present(v.denominator) ? { denominator: v.denominator } : {}),
    ...(present(v.percent) ? { percent: v.percent } : {}),
    source: v.source.trim(),
  };
}

/** The form's values of a stored report (to change it). */
export function entryValuesOf(r: StoredReport): EntryValues {
  return {
    orgCode: r.orgCode,
    period: r.period,
    indicator: r.indicator,
    numerator: r.numerator,
    denominator: r.denominator,
    percent: r.percent,
    source: r.source,
  };
}
