/**
 * The shape of a catalogue entry (./catalogue.ts) and the helpers the catalogue's parts use
 * to write one: the sources, `def` (the national specification by default), and the
 * denominators `term` and `pop`.
 */
import type { PeriodKind } from '../periods/period.js';
import type { IndicatorParameters } from './parameters.js';

/** Text in Chinese first, with English. */
export interface Bilingual {
  readonly zh: string;
  readonly en: string;
}

/** A population column of org_population that can be a denominator. */
export type PopulationBase =
  'total' | 'age_0_6' | 'age_65_plus' | 'age_15_plus' | 'age_18_plus' | 'women_15_49' | 'live_births';

/** What an indicator divides by. */
export type Denominator =
  | { readonly kind: 'term'; readonly term: string }
  | {
      readonly kind: 'population';
      readonly base: PopulationBase;
      readonly factor?: keyof IndicatorParameters;
    };

/** One catalogue entry. */
export interface IndicatorDefinition {
  /** `program.metric`, stable: other modules and saved targets refer to it. */
  readonly id: string;
  readonly name: Bilingual;
  readonly unit: 'percent' | 'count';
  /** Programme or area: a `Program`, or 'records', 'vaccination', 'health_education'. */
  readonly program: string;
  /** Numerator: a term, minus another term when set. */
  readonly numerator: { readonly term: string; readonly minus?: string };
  /** Null for counts. */
  readonly denominator: Denominator | null;
  /**
   * ytd: services from 1 January to the period end; as_of: state at the period end; window:
   * rolling months; reported: the figure an org reports for the period (see `reported`).
   */
  readonly period: 'ytd' | 'as_of' | 'window' | 'reported';
  readonly formula: Bilingual;
  readonly source: Bilingual;
  readonly parameters: readonly (keyof IndicatorParameters)[];
  /**
   * Set on an indicator that is not computed from residents' services but reported per org
   * and period (issue 13 point 10): its numerator and denominator terms are never counted;
   * the value is the stored report (src/domain/reported/reported-value.ts).
   */
  readonly reported?: ReportedSpec;
}

/**
 * How a reported indicator is entered: `ratio` — numerator and denominator (summed up the
 * tree); `count` — a numerator only (summed); `survey` — a percentage from a sample survey,
 * entered as a percentage (never summed: a sample's rate is no sum of its parts) or with the
 * sample's numerator and denominator (then summed like a ratio).
 */
export interface ReportedSpec {
  readonly kind: 'ratio' | 'count' | 'survey';
  /** The period kinds a value may be entered for (a survey is yearly, a report quarterly …). */
  readonly periods: readonly PeriodKind[];
  /** What the numerator counts. */
  readonly numerator: Bilingual;
  /** What the denominator counts (not for counts). */
  readonly denominator?: Bilingual;
}

/** The pseudo-term a reported indicator names: no family decides it, the engine never counts it. */
export const REPORTED_TERM = 'reported';

/** The national service specification, the default source. */
export const SPEC: Bilingual = {
  zh: '国家基本公共卫生服务规范（第三版）',
  en: 'National service specification, 3rd ed.',
};
/** The WHO HEARTS technical package. */
export const HEARTS: Bilingual = {
  zh: 'WHO HEARTS技术包 / Simple仪表盘',
  en: 'WHO HEARTS technical package / Simple dashboard',
};

/** An entry as written: the source defaults to the specification, the parameters to none. */
export type Def = Omit<IndicatorDefinition, 'source' | 'parameters'> & {
  source?: Bilingual;
  parameters?: readonly (keyof IndicatorParameters)[];
};

/** A catalogue entry from its draft. */
export function def(d: Def): IndicatorDefinition {
  return { ...d, source: d.source ?? SPEC, parameters: d.parameters ?? [] };
}

/** A term as denominator. */
export const term = (t: string): Denominator => ({ kind: 'term', term: t });
/** A population base (times a prevalence parameter) as denominator. */
export const pop = (base: PopulationBase, factor?: keyof IndicatorParameters): Denominator =>
  factor ? { kind: 'population', base, factor } : { kind: 'population', base };
