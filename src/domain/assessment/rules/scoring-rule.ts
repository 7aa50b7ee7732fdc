/**
 * The shape of a scoring rule (绩效考核评分规则): one file per rule in this folder, each
 * listed once in ./index.ts. A rule turns an item's points and its facts (value, target,
 * findings or an assessor's entry) into a score in centipoints, and says in words how.
 */
import type { z } from 'zod';
import type { LocalizedText } from '../../gongwei-error.js';
import type { Fraction } from '../exact.js';

/** What an item of a scheme measures. */
export type ItemKind = 'indicator' | 'audit' | 'manual';

/** What a rule is given about one item of one unit. */
export interface ItemFacts {
  /** The measured value (a rate as numerator/denominator, a count as n/1); null when it cannot be measured (denominator 0). */
  readonly value: Fraction | null;
  /** The target in the same unit; null when none is set. */
  readonly target: Fraction | null;
  /** Current data-quality findings of the unit, per audit rule id. */
  readonly findings: Readonly<Record<string, number>>;
  /** The score an assessor entered, in centipoints; null when none was entered. */
  readonly entered: number | null;
}

/** How an item came out. */
export type ItemStatus = 'scored' | 'not_applicable' | 'missing';

/** A rule's answer: the score, its status, and why in words. */
export interface Scored {
  /** Centipoints; 0 for a missing manual entry; null when not applicable (合理缺项). */
  readonly centi: number | null;
  readonly status: ItemStatus;
  readonly explanation: LocalizedText;
}

/** One scoring rule. `S` is its part of a scheme item (`{ rule: 'pro_rata' }`, …). */
export interface ScoringRule<S extends { readonly rule: string }> {
  readonly id: S['rule'];
  readonly name: LocalizedText;
  /** What it does, for docs/assessment.md. */
  readonly description: LocalizedText;
  /** The kinds of item it may score. */
  readonly kinds: readonly ItemKind[];
  /** Its parameters as written in a scheme (with `rule` naming it). */
  readonly spec: z.ZodType<S>;
  /** The score of an item worth `pointsCenti`. Pure. */
  score(pointsCenti: number, spec: S, facts: ItemFacts): Scored;
}

/** A number for an explanation: at most four decimals, no trailing zeros. */
export function shown(f: Fraction): string {
  return String(Math.round((Number(f.num) / Number(f.den)) * 10000) / 10000);
}

/** Points for an explanation. */
export function pts(centi: number): string {
  return String(centi / 100);
}

/** The answer of an item that cannot be scored for this unit (合理缺项). */
export function notApplicable(why: LocalizedText): Scored {
  return { centi: null, status: 'not_applicable', explanation: why };
}
