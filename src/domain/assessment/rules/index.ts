/**
 * Every scoring rule, listed once. A scheme item names one of them by `rule`; the item's
 * `scoring` schema is the union of their specs, so a rule that is not listed here cannot be
 * written in a scheme, and each listed rule must have a test file (index.test.ts checks).
 */
import { z } from 'zod';
import { deductions, type DeductionsSpec } from './deductions.js';
import { floorRule, type FloorSpec } from './floor.js';
import { lowerIsBetter, type LowerIsBetterSpec } from './lower-is-better.js';
import { manual, type ManualSpec } from './manual.js';
import { proRata, type ProRataSpec } from './pro-rata.js';
import type { ScoringRule } from './scoring-rule.js';

/** The part of a scheme item that says how it is scored. */
export type ScoringSpec = ProRataSpec | FloorSpec | LowerIsBetterSpec | DeductionsSpec | ManualSpec;

/** A rule's id. */
export type ScoringRuleId = ScoringSpec['rule'];

/** The rules by id: the mapped type makes the compiler refuse a missing or extra one. */
export const SCORING_RULES: {
  readonly [K in ScoringRuleId]: ScoringRule<Extract<ScoringSpec, { rule: K }>>;
} = {
  pro_rata: proRata,
  floor: floorRule,
  lower_is_better: lowerIsBetter,
  deductions,
  manual,
};

/** Every rule id, in the order of {@link SCORING_RULES}. */
export const SCORING_RULE_IDS = Object.keys(SCORING_RULES) as ScoringRuleId[];

/** The zod schema of {@link ScoringSpec}: one of the listed rules' specs. */
export const ScoringSpecSchema: z.ZodType<ScoringSpec> = z.union([
  proRata.spec,
  floorRule.spec,
  lowerIsBetter.spec,
  deductions.spec,
  manual.spec,
]);

/** The rule of a spec, typed for it. */
export function ruleOf<S extends ScoringSpec>(spec: S): ScoringRule<S> {
  return SCORING_RULES[spec.rule] as unknown as ScoringRule<S>;
}
