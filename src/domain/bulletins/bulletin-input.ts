/**
 * What the bulletin builder reads: indicator values, audit finding counts, hotspots and
 * targets for one org and its children, plus the parameters of the document. The shapes
 * mirror the indicator, audit and target engines' outputs so the assembler passes them
 * through unchanged.
 */
import { PROGRAMS } from '../programs.js';
import type { BulletinPeriod } from './bulletin-period.js';
import type { BulletinFunds } from './funds-section.js';
import type { NamingRule } from './unit-naming.js';

/** One indicator value of one org (the indicator engine's `IndicatorValue`). */
export interface IndicatorValueRow {
  readonly org: string;
  readonly orgName: string;
  readonly level: number;
  readonly period: string;
  readonly indicator: string;
  readonly numerator: number;
  readonly denominator: number | null;
  /** Fraction 0..1 for percent indicators, the count for count indicators; null when the denominator is 0. */
  readonly value: number | null;
}

/** Catalogue entry of an indicator, as far as the bulletin needs it. */
export interface IndicatorMeta {
  readonly id: string;
  readonly name: { readonly zh: string; readonly en: string };
  readonly unit: 'percent' | 'count';
}

/** Audit findings of one rule in one org, rolled up (the audits engine's `countFindings` row). */
export interface FindingCountRow {
  readonly org: string;
  readonly orgName: string;
  readonly level: number;
  readonly rule: string;
  readonly severity: string;
  /** Records (or people) the findings stand for, not the number of findings. */
  readonly count: number;
}

/** A township or village with many findings of a rule, with its name as a reader needs it. */
export interface HotspotRow {
  readonly org: string;
  /** The name with its ancestors below the bulletin org, e.g. '华亭市东华镇'. */
  readonly label: string;
  readonly count: number;
}

/** A child unit's target rate for an indicator (from the targets engine). */
export interface TargetRateRow {
  readonly org: string;
  readonly indicator: string;
  /** Fraction 0..1. */
  readonly rate: number;
}

/** The level above (or any org) to compare with: "和全省有效建档率92.73%相比". */
export interface CompareTo {
  /** How the text names it, e.g. '全省' or '甘肃省'. */
  readonly name: string;
  /** Rates by indicator id (fractions). */
  readonly rates: Readonly<Record<string, number>>;
}

/** The sections whose named units are chosen by a rule. */
export const NAMING_SECTIONS = ['records', ...PROGRAMS] as const;

/** A section that names lagging units. */
export type NamingSection = (typeof NAMING_SECTIONS)[number];

/** True when `value` is a section key. */
export function isNamingSection(value: string): value is NamingSection {
  return (NAMING_SECTIONS as readonly string[]).includes(value);
}

/** Parameters of one bulletin. */
export interface BulletinOptions {
  /** Who signs: '平凉市卫生健康委员会'. */
  readonly issuer: string;
  /** Signing date, ISO. */
  readonly date: string;
  /** When the data was taken from the system (ISO date), never after `date`; defaults to `date`. */
  readonly dataTakenOn?: string;
  /** The 抄送 line of the closing block: who else receives it ('市卫生健康委领导'); omitted when absent. */
  readonly copyTo?: string;
  /** Who prints it (印发机关) in the closing block; defaults to the issuer's 办公室. */
  readonly printedBy?: string;
  /** Document number line such as '平卫函发〔2020〕367号'; omitted when absent. */
  readonly docNumber?: string;
  /** The naming rule of each section; missing sections use {@link defaultNamingRules}. */
  readonly naming?: Partial<Record<NamingSection, NamingRule>>;
  /** How many hotspots to name per finding (default 4). */
  readonly hotspotLimit?: number;
}

/** Default naming: every unit under 90% for records (the model's rule), the lowest 3 elsewhere. */
export function defaultNamingRules(lowest = 3): Record<NamingSection, NamingRule> {
  const rules = {} as Record<NamingSection, NamingRule>;
  for (const s of NAMING_SECTIONS) rules[s] = { kind: 'lowest', count: lowest };
  rules.records = { kind: 'threshold', threshold: 0.9 };
  return rules;
}

/** Everything the builder needs; it does no I/O. */
export interface BulletinInput {
  readonly org: { readonly code: string; readonly name: string; readonly level: number };
  readonly period: BulletinPeriod;
  /** The child units, in the order the annex lists them. */
  readonly children: ReadonlyArray<{ readonly code: string; readonly name: string }>;
  /** Values of the org and its children (depth 1). */
  readonly values: readonly IndicatorValueRow[];
  /** Catalogue entries, in catalogue order (annex column order). */
  readonly indicators: readonly IndicatorMeta[];
  /** Finding counts of the org and its children. */
  readonly findings: readonly FindingCountRow[];
  /** Hotspots by rule id. */
  readonly hotspots: Readonly<Record<string, readonly HotspotRow[]>>;
  readonly targets: readonly TargetRateRow[];
  readonly compareTo?: CompareTo;
  /** The funds of the org's units for the period's year, when an allocation covers them. */
  readonly funds?: BulletinFunds;
  readonly options: BulletinOptions;
}
