/**
 * The assessment of one unit by a scheme, from facts gathered by the module: every item's
 * value, target, rule and score with its explanation, and the unit's total. Items that
 * cannot be scored for the unit (no target set, nobody to serve) are 合理缺项: they leave
 * the total and its maximum, and the converted score (折算得分) brings the total back to the
 * scheme's full marks: converted = total × full ÷ applicable maximum.
 */
import type { LocalizedText } from '../gongwei-error.js';
import { INDICATORS } from '../indicators/catalogue.js';
import { fromDecimal, ratio, roundHalfUpFraction, toCenti, toNumber, type Fraction } from './exact.js';
import { ruleOf, type ScoringSpec } from './rules/index.js';
import type { ItemFacts, ItemStatus } from './rules/scoring-rule.js';
import { schemeItems, schemeMaxCenti, type Scheme, type SchemeItem } from './scheme.js';

/** An indicator's counts for the unit (from the indicator engine). */
export interface IndicatorCounts {
  readonly numerator: number;
  /** null for a count indicator. */
  readonly denominator: number | null;
}

/** The target of an indicator for the unit (from the targets module), in counts. */
export interface UnitTarget {
  readonly annual: number;
  /** The cumulative milestone due by the period end. */
  readonly milestone: number;
}

/** An assessor's entry for a manual item. */
export interface ManualEntry {
  readonly centi: number;
  readonly evidence: string;
  readonly assessor: string;
  readonly enteredAt: string;
}

/** Everything an assessment of one unit reads. */
export interface UnitFacts {
  readonly code: string;
  readonly name: string;
  readonly indicators: ReadonlyMap<string, IndicatorCounts>;
  readonly targets: ReadonlyMap<string, UnitTarget>;
  /** Current findings per audit rule id in the unit. */
  readonly findings: Readonly<Record<string, number>>;
  readonly manual: ReadonlyMap<string, ManualEntry>;
}

/** One item of one unit, as stored with the run: enough to reproduce and explain the score. */
export interface ItemResult {
  readonly sectionId: string;
  readonly itemId: string;
  readonly kind: SchemeItem['kind'];
  readonly indicator: string | null;
  /** The measured value as a number (rate 0..1, count, or points deducted); null when none. */
  readonly value: number | null;
  readonly numerator: number | null;
  readonly denominator: number | null;
  readonly target: number | null;
  /** `fixed`, `targets:milestone`, `targets:annual`, or null. */
  readonly targetSource: string | null;
  readonly scoring: ScoringSpec;
  readonly pointsCenti: number;
  readonly centi: number | null;
  readonly status: ItemStatus;
  readonly explanation: LocalizedText;
  /** What else went in: finding counts, the manual entry's evidence and assessor. */
  readonly inputs: Readonly<Record<string, unknown>>;
}

/** One unit's result. */
export interface UnitResult {
  readonly code: string;
  readonly name: string;
  readonly items: readonly ItemResult[];
  /** Sum of the scored items, centipoints. */
  readonly totalCenti: number;
  /** The scheme's full marks. */
  readonly maxCenti: number;
  /** Full marks of the items that apply to the unit. */
  readonly applicableCenti: number;
  /** total × max ÷ applicable, rounded half up (the total when every item applies). */
  readonly convertedCenti: number;
  /** Manual items not entered yet. */
  readonly missing: number;
}

function indicatorFacts(
  item: Extract<SchemeItem, { kind: 'indicator' }>,
  unit: UnitFacts,
): { facts: ItemFacts; numerator: number | null; denominator: number | null; targetSource: string } {
  const counts = unit.indicators.get(item.indicator) ?? null;
  const isCount = INDICATORS.find((i) => i.id === item.indicator)?.unit === 'count';
  const base = { findings: {}, entered: null };
  if (item.target.source === 'targets') {
    const t = unit.targets.get(item.indicator);
    const target = t === undefined ? null : item.target.basis === 'annual' ? t.annual : t.milestone;
    return {
      facts: {
        ...base,
        value: fromDecimal(counts?.numerator ?? 0),
        target: target === null ? null : fromDecimal(target),
      },
      numerator: counts?.numerator ?? 0,
      denominator: null,
      targetSource: `targets:${item.target.basis}`,
    };
  }
  let value: Fraction | null;
  if (isCount) value = fromDecimal(counts?.numerator ?? 0);
  else
    value =
      counts && counts.denominator !== null && counts.denominator > 0
        ? ratio(counts.numerator, counts.denominator)
        : null;
  return {
    facts: { ...base, value, target: fromDecimal(item.target.value) },
    numerator: counts?.numerator ?? null,
    denominator: counts?.denominator ?? null,
    targetSource: 'fixed',
  };
}

function scoreItem(sectionId: string, item: SchemeItem, unit: UnitFacts): ItemResult {
  const points = toCenti(item.points);
  const common = { sectionId, itemId: item.id, kind: item.kind, scoring: item.scoring, pointsCenti: points };
  if (item.kind === 'indicator') {
    const f = indicatorFacts(item, unit);
    const scored = ruleOf(item.scoring).score(points, item.scoring, f.facts);
    return {
      ...common,
      indicator: item.indicator,
      value: f.facts.value === null ? null : toNumber(f.facts.value),
      numerator: f.numerator,
      denominator: f.denominator,
      target: f.facts.target === null ? null : toNumber(f.facts.target),
      targetSource: f.targetSource,
      ...scoredParts(scored),
      inputs: {},
    };
  }
  if (item.kind === 'audit') {
    const rules = item.scoring.rule === 'deductions' ? Object.keys(item.scoring.perFinding) : [];
    const findings = Object.fromEntries(rules.map((r) => [r, unit.findings[r] ?? 0]));
    const scored = ruleOf(item.scoring).score(points, item.scoring, {
      value: null,
      target: null,
      findings,
      entered: null,
    });
    return {
      ...common,
      indicator: null,
      value: scored.centi === null ? null : (points - scored.centi) / 100,
      numerator: null,
      denominator: null,
      target: null,
      targetSource: null,
      ...scoredParts(scored),
      inputs: { findings },
    };
  }
  const entry = unit.manual.get(item.id) ?? null;
  const scored = ruleOf(item.scoring).score(points, item.scoring, {
    value: null,
    target: null,
    findings: {},
    entered: entry?.centi ?? null,
  });
  return {
    ...common,
    indicator: null,
    value: entry === null ? null : entry.centi / 100,
    numerator: null,
    denominator: null,
    target: null,
    targetSource: null,
    ...scoredParts(scored),
    inputs:
      entry === null
        ? {}
        : { evidence: entry.evidence, assessor: entry.assessor, enteredAt: entry.enteredAt },
  };
}

function scoredParts(s: { centi: number | null; status: ItemStatus; explanation: LocalizedText }): {
  centi: number | null;
  status: ItemStatus;
  explanation: LocalizedText;
} {
  return { centi: s.centi, status: s.status, explanation: s.explanation };
}

/**
 * Scores every item of `scheme` for one unit.
 *
 * @example
 * assessUnit(DEFAULT_SCHEME, { code: '620881', name: '泾川县', indicators, targets, findings: {}, manual: new Map() })
 * // → { totalCenti: 8123, maxCenti: 10000, applicableCenti: 9500, convertedCenti: 8551, items: [...] }
 */
export function assessUnit(scheme: Scheme, unit: UnitFacts): UnitResult {
  const items = schemeItems(scheme).map(({ section, item }) => scoreItem(section.id, item, unit));
  const totalCenti = items.reduce((s, i) => s + (i.centi ?? 0), 0);
  const maxCenti = schemeMaxCenti(scheme);
  const applicableCenti = items.reduce((s, i) => s + (i.centi === null ? 0 : i.pointsCenti), 0);
  const convertedCenti =
    applicableCenti === 0
      ? 0
      : roundHalfUpFraction({ num: BigInt(totalCenti) * BigInt(maxCenti), den: BigInt(applicableCenti) });
  return {
    code: unit.code,
    name: unit.name,
    items,
    totalCenti,
    maxCenti,
    applicableCenti,
    convertedCenti,
    missing: items.filter((i) => i.status === 'missing').length,
  };
}
