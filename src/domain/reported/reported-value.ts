/**
 * Reported values (issue 13 point 10): the figures an org reports per period for the
 * indicators that are not computed from residents' services (catalogue entries with
 * `reported`). Pure rules: what a report must hold to be stored, and how reports roll up
 * the org tree (sums of numerators over sums of denominators; a survey percentage without
 * its sample never rolls up).
 */
import type { LocalizedText } from '../gongwei-error.js';
import { findReportedIndicator } from '../indicators/catalogue-reported.js';
import type { IndicatorDefinition } from '../indicators/catalogue-definition.js';
import { ancestorAt, type OrgLineage } from '../orgs/org-scope.js';
import { periodOrNull, type PeriodKind } from '../periods/period.js';

/** A report as entered (API body, import row, CLI). Percent is 0..100, as people write it. */
export interface ReportedValueInput {
  readonly orgCode: string;
  readonly period: string;
  readonly indicator: string;
  readonly numerator?: number | null;
  readonly denominator?: number | null;
  readonly percent?: number | null;
  readonly source: string;
}

/** A report that passed the rules: the period in its canonical text, absent parts null. */
export interface ValidReportedValue {
  readonly orgCode: string;
  readonly period: string;
  readonly year: number;
  readonly indicator: string;
  readonly numerator: number | null;
  readonly denominator: number | null;
  readonly percent: number | null;
  readonly source: string;
}

/** The fields of a report a problem can name. */
export type ReportedField =
  'orgCode' | 'period' | 'indicator' | 'numerator' | 'denominator' | 'percent' | 'source';

/** One problem of a report, naming its field. */
export interface ReportedProblem {
  readonly field: ReportedField;
  readonly text: LocalizedText;
}

/** The longest source text kept (a system or survey name, not a document). */
export const SOURCE_MAX_LENGTH = 200;

const PERIOD_KIND_NAMES: Readonly<Record<PeriodKind, LocalizedText>> = {
  year: { zh: '年', en: 'year' },
  half: { zh: '半年', en: 'half-year' },
  quarter: { zh: '季度', en: 'quarter' },
  month: { zh: '月', en: 'month' },
  dekad: { zh: '旬', en: '10-day period' },
};

function isWholeCount(n: number): boolean {
  return Number.isSafeInteger(n) && n >= 0;
}

function present(n: number | null | undefined): n is number {
  return n !== null && n !== undefined;
}

/** Checks a whole non-negative number; the problem names the field. */
function countProblem(field: 'numerator' | 'denominator', n: number): ReportedProblem | null {
  if (isWholeCount(n)) return null;
  const name = field === 'numerator' ? { zh: '分子', en: 'numerator' } : { zh: '分母', en: 'denominator' };
  return {
    field,
    text: {
      zh: `${name.zh}「${n}」应为不小于0的整数`,
      en: `${name.en} '${n}' must be a whole number, 0 or more`,
    },
  };
}

/**
 * Every problem of one report, all at once (an import row lists them together). A report is
 * for a reported indicator of the catalogue, for a period of a kind the indicator allows;
 * a ratio carries a numerator and a denominator, a count a numerator only, a survey either
 * its sample (numerator and denominator) or a percentage 0..100; counts are whole and not
 * negative; the numerator is not above the denominator; the source is named.
 *
 * @example
 * validateReportedValue({ orgCode: '620802', period: '2020Q2', indicator: 'infectious_disease.report_rate', numerator: 98, denominator: 100, source: '传染病报告信息管理系统' })
 * // { ok: true, value: { …, year: 2020, percent: null } }
 */
export function validateReportedValue(
  input: ReportedValueInput,
): { ok: true; value: ValidReportedValue } | { ok: false; problems: ReportedProblem[] } {
  const problems: ReportedProblem[] = [];
  if (!/^\d{6}(\d{3}(\d{3})?)?$/.test(input.orgCode))
    problems.push({
      field: 'orgCode',
      text: {
        zh: `单位编码「${input.orgCode}」应为6、9或12位区划代码`,
        en: `org code '${input.orgCode}' must be a 6, 9 or 12-digit division code`,
      },
    });
  const indicator: IndicatorDefinition | undefined = findReportedIndicator(input.indicator);
  if (!indicator)
    problems.push({
      field: 'indicator',
      text: {
        zh: `「${input.indicator}」不是上报指标（上报指标见 docs/reported-indicators.md）`,
        en: `'${input.indicator}' is not a reported indicator (see docs/reported-indicators.md)`,
      },
    });
  const period = periodOrNull(input.period.trim());
  if (!period)
    problems.push({
      field: 'period',
      text: {
        zh: `时期「${input.period}」无法识别，可用：'2020'、'2020H1'、'2020Q2'、'2020-06'`,
        en: `period '${input.period}' is not understood; use '2020', '2020H1', '2020Q2' or '2020-06'`,
      },
    });
  else if (indicator?.reported && !indicator.reported.periods.includes(period.kind))
    problems.push({
      field: 'period',
      text: {
        zh: `${indicator.name.zh}按${indicator.reported.periods.map((k) => PERIOD_KIND_NAMES[k].zh).join('、')}上报，不按${PERIOD_KIND_NAMES[period.kind].zh}`,
        en: `${indicator.name.en} is reported per ${indicator.reported.periods.map((k) => PERIOD_KIND_NAMES[k].en).join(', ')}, not per ${PERIOD_KIND_NAMES[period.kind].en}`,
      },
    });
  const source = input.source.trim();
  if (source.length === 0)
    problems.push({ field: 'source', text: { zh: '来源不能为空', en: 'source must be named' } });
  else if (source.length > SOURCE_MAX_LENGTH)
    problems.push({
      field: 'source',
      text: {
        zh: `来源不超过${SOURCE_MAX_LENGTH}个字`,
        en: `source must be at most ${SOURCE_MAX_LENGTH} characters`,
      },
    });

  const { numerator, denominator, percent } = input;
  for (const [field, n] of [
    ['numerator', numerator],
    ['denominator', denominator],
  ] as const) {
    const p = present(n) ? countProblem(field, n) : null;
    if (p) problems.push(p);
  }
  const kind = indicator?.reported?.kind;
  if (kind === 'count') {
    if (!present(numerator))
      problems.push({
        field: 'numerator',
        text: { zh: '应填写分子（次数）', en: 'numerator (the count) is required' },
      });
    if (present(denominator))
      problems.push({
        field: 'denominator',
        text: { zh: '计数指标不填分母', en: 'a count takes no denominator' },
      });
  } else if (kind === 'ratio' || kind === 'survey') {
    const sample = present(numerator) || present(denominator);
    if (kind === 'ratio' || sample || !present(percent)) {
      if (!present(numerator))
        problems.push({ field: 'numerator', text: { zh: '应填写分子', en: 'numerator is required' } });
      if (!present(denominator))
        problems.push({ field: 'denominator', text: { zh: '应填写分母', en: 'denominator is required' } });
    }
    if (present(numerator) && present(denominator) && isWholeCount(numerator) && isWholeCount(denominator)) {
      if (numerator > denominator)
        problems.push({
          field: 'numerator',
          text: {
            zh: `分子${numerator}大于分母${denominator}`,
            en: `numerator ${numerator} is above the denominator ${denominator}`,
          },
        });
      else if (denominator === 0)
        problems.push({
          field: 'denominator',
          text: { zh: '分母应大于0', en: 'denominator must be above 0' },
        });
    }
  }
  if (present(percent)) {
    if (kind !== 'survey')
      problems.push({
        field: 'percent',
        text: {
          zh: '只有调查指标可直接填写数值（百分比），其他指标填写分子分母',
          en: 'only a survey indicator takes a bare percentage; enter the numerator and denominator',
        },
      });
    else if (present(numerator) || present(denominator))
      problems.push({
        field: 'percent',
        text: {
          zh: '数值与分子分母只填一种（有分子分母时数值由其算出）',
          en: 'enter either the percentage or the numerator and denominator (the percentage follows from them)',
        },
      });
    else if (!Number.isFinite(percent) || percent < 0 || percent > 100)
      problems.push({
        field: 'percent',
        text: { zh: `数值「${percent}」应在0到100之间（百分比）`, en: `percent '${percent}' must be 0..100` },
      });
  }
  if (problems.length > 0 || !period || !indicator) return { ok: false, problems };
  return {
    ok: true,
    value: {
      orgCode: input.orgCode,
      period: period.text,
      year: period.year,
      indicator: indicator.id,
      numerator: present(numerator) ? numerator : null,
      denominator: present(denominator) ? denominator : null,
      percent: present(percent) ? percent : null,
      source,
    },
  };
}

/** A stored report as the roll-up needs it. */
export interface ReportedFigure {
  readonly orgCode: string;
  readonly indicator: string;
  readonly numerator: number | null;
  readonly denominator: number | null;
  readonly percent: number | null;
  readonly source: string;
}

/** The reported cell of an org: its own report, or the sum of the reports below it. */
export interface ReportedCell {
  readonly numerator: number;
  readonly denominator: number | null;
  /** A fraction 0..1 for percentages, the count for counts; null when the denominator is 0. */
  readonly value: number | null;
  /** `reported`: the org's own report; `summed`: the sum of the reports of the units below it. */
  readonly source: 'reported' | 'summed';
  /** The source of the report (a system, a survey); for a summed cell, the distinct sources below. */
  readonly reportSource: string;
}

/**
 * The cells of `orgs` (an indicator table's orgs) from the reports of their subtrees. An org
 * with its own report shows it; an org without shows the sum over its nearest reporting
 * descendants (a child's own report, else the child's own sum, recursively) — never an
 * average of rates; a survey percentage without numerator and denominator is not summed.
 * `lineage` finds every org of the scope (to walk up from a report to the table's orgs).
 *
 * @example
 * reportedCells([city, county], (c) => lineages.get(c), [{ orgCode: county.code, indicator: 'x', numerator: 9, denominator: 10, percent: null, source: 's' }])
 * // cells for 'x': city summed 9/10, county reported 9/10
 */
export function reportedCells(
  orgs: readonly OrgLineage[],
  lineage: (code: string) => OrgLineage | undefined,
  figures: readonly ReportedFigure[],
): Map<string, Map<string, ReportedCell>> {
  const wanted = new Set(orgs.map((o) => o.code));
  const minLevel = Math.min(...orgs.map((o) => o.level));
  const own = new Map<string, ReportedFigure>();
  for (const f of figures) own.set(`${f.orgCode}|${f.indicator}`, f);
  // A summable report adds to each ancestor up to (and including) the first one that has its
  // own report: that ancestor shows its own figure, and those above sum it instead.
  const sums = new Map<string, { n: number; d: number | null; sources: Set<string> }>();
  for (const f of figures) {
    if (f.percent !== null && f.numerator === null) continue;
    const org = lineage(f.orgCode);
    if (!org) continue;
    for (let level = org.level - 1; level >= minLevel; level--) {
      const code = ancestorAt(org, level as OrgLineage['level']);
      if (code === null) continue;
      if (own.has(`${code}|${f.indicator}`)) break;
      const key = `${code}|${f.indicator}`;
      const s = sums.get(key) ?? { n: 0, d: f.denominator === null ? null : 0, sources: new Set<string>() };
      s.n += f.numerator ?? 0;
      if (s.d !== null) s.d += f.denominator ?? 0;
      s.sources.add(f.source);
      sums.set(key, s);
    }
  }
  const out = new Map<string, Map<string, ReportedCell>>();
  const put = (org: string, indicator: string, cell: ReportedCell): void => {
    if (!wanted.has(org)) return;
    let m = out.get(org);
    if (!m) out.set(org, (m = new Map()));
    m.set(indicator, cell);
  };
  for (const f of figures) put(f.orgCode, f.indicator, ownCell(f));
  for (const [key, s] of sums) {
    const [org, indicator] = key.split('|') as [string, string];
    put(org, indicator, {
      numerator: s.n,
      denominator: s.d,
      value: s.d === null ? s.n : s.d === 0 ? null : s.n / s.d,
      source: 'summed',
      reportSource: [...s.sources].sort().join('；'),
    });
  }
  return out;
}

function ownCell(f: ReportedFigure): ReportedCell {
  if (f.numerator === null)
    return {
      numerator: 0,
      denominator: null,
      value: (f.percent ?? 0) / 100,
      source: 'reported',
      reportSource: f.source,
    };
  return {
    numerator: f.numerator,
    denominator: f.denominator,
    value: f.denominator === null ? f.numerator : f.denominator === 0 ? null : f.numerator / f.denominator,
    source: 'reported',
    reportSource: f.source,
  };
}

/**
 * For each org of `orgs` and indicator: how many units below it reported only part of the
 * period (`incomplete`: a quarter missing, so no figure of their own) and are therefore not in
 * its sum. A unit counts for every ancestor up to (not beyond) the first one with a figure of
 * its own, which stands instead of the sum of the units below it.
 *
 * @example
 * leftOutOfSums([city, county], lineageOf, figures, [{ orgCode: township.code, indicator: 'n' }])
 * // Map { '620800|n' => 1, '620802|n' => 1 } (neither city nor county has its own figure)
 */
export function leftOutOfSums(
  orgs: readonly OrgLineage[],
  lineage: (code: string) => OrgLineage | undefined,
  figures: readonly Pick<ReportedFigure, 'orgCode' | 'indicator'>[],
  incomplete: readonly { readonly orgCode: string; readonly indicator: string }[],
): Map<string, number> {
  const wanted = new Set(orgs.map((o) => o.code));
  const minLevel = Math.min(...orgs.map((o) => o.level));
  const own = new Set(figures.map((f) => `${f.orgCode}|${f.indicator}`));
  const out = new Map<string, number>();
  for (const u of incomplete) {
    const org = lineage(u.orgCode);
    if (!org) continue;
    for (let level = org.level - 1; level >= minLevel; level--) {
      const code = ancestorAt(org, level as OrgLineage['level']);
      if (code === null) continue;
      const key = `${code}|${u.indicator}`;
      if (own.has(key)) break;
      if (wanted.has(code)) out.set(key, (out.get(key) ?? 0) + 1);
    }
  }
  return out;
}
