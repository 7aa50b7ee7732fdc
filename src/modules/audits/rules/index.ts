/**
 * The list of the audit rules, in the order they run and are reported. Everything else —
 * the runner, the run parameters of the API, `GET /api/audits/rules`, the CLI, the bench
 * and the rule tables of docs/audits.md — derives from it. Adding a rule is its file, its
 * test, and one line here.
 */
import { z } from 'zod';
import { zodIssueText, type ZodIssueLike } from '../../../domain/zod-issue-text.js';
import { GongweiError } from '../../../domain/gongwei-error.js';
import { aggregateOutliersRule } from './aggregate-outliers.js';
import { armBpDifference } from './arm-bp-difference.js';
import type { AuditRule } from './audit-rule.js';
import { digitPreference } from './digit-preference.js';
import { duplicateRecords } from './duplicate-records.js';
import { idProblems } from './id-problems.js';
import { identicalCheckups } from './identical-checkups.js';
import { implausibleValues } from './implausible-values.js';
import { uncontrolledWithoutGuidance } from './uncontrolled-without-guidance.js';
import { unusedRecords } from './unused-records.js';

/** Every audit rule, in the order they run and are reported. */
export const AUDIT_RULES = [
  duplicateRecords,
  idProblems,
  identicalCheckups,
  armBpDifference,
  uncontrolledWithoutGuidance,
  implausibleValues,
  digitPreference,
  aggregateOutliersRule,
  unusedRecords,
] as const;

type ListedRule = (typeof AUDIT_RULES)[number];

/** The id of an audit rule (contract 5: never rename one). */
export type AuditRuleId = ListedRule['id'];

/** The ids of the audit rules, in the order they run and are reported. */
export const AUDIT_RULE_IDS: readonly AuditRuleId[] = AUDIT_RULES.map((r) => r.id);

/** True when `value` is an audit rule id. */
export function isAuditRuleId(value: string): value is AuditRuleId {
  return (AUDIT_RULE_IDS as readonly string[]).includes(value);
}

/** The rule with the given id. */
export function auditRule(id: AuditRuleId): AuditRule<AuditRuleId> {
  return AUDIT_RULES.find((r) => r.id === id)!;
}

/** The parameters of every rule, as its schema gives them. */
export type AuditParameters = { readonly [R in ListedRule as R['id']]: z.output<R['parameters']> };

type ParametersShape = { [R in ListedRule as R['id']]: z.ZodOptional<R['parameters']> };

/**
 * The parameters of a run as a caller may give them: any rule, any field, the rest default.
 * The body schema of `POST /api/audits/runs` and what {@link resolveAuditParameters} checks.
 */
export const AUDIT_PARAMETERS_SCHEMA = z
  .object(Object.fromEntries(AUDIT_RULES.map((r) => [r.id, r.parameters.optional()])) as ParametersShape)
  .strict()
  .describe('overrides of rule parameters; anything left out takes its default (GET /api/audits/rules)');

/** Parameters as a caller may give them: any rule, any field, the rest default. */
export type AuditParameterOverrides = z.input<typeof AUDIT_PARAMETERS_SCHEMA>;

/**
 * The defaults with the caller's overrides applied and checked. Throws a `validation`
 * {@link GongweiError} naming each rule and parameter that cannot work.
 *
 * @example resolveAuditParameters({ identical_checkups: { k: 3 } }).identical_checkups.fields.length // 6
 */
export function resolveAuditParameters(overrides: AuditParameterOverrides = {}): AuditParameters {
  const given = AUDIT_PARAMETERS_SCHEMA.safeParse(overrides);
  if (!given.success)
    throw GongweiError.invalidFields(
      given.error.issues.map((i) => ({
        field: ['parameters', ...i.path].join('.'),
        text: zodIssueText(i as unknown as ZodIssueLike),
      })),
    );
  const values = given.data as Record<string, unknown>;
  return Object.fromEntries(
    AUDIT_RULES.map((r) => [r.id, values[r.id] ?? r.parameters.parse({})]),
  ) as AuditParameters;
}

/** The default parameters of every rule. */
export function defaultAuditParameters(): AuditParameters {
  return resolveAuditParameters({});
}

/** What `GET /api/audits/rules` and `gongwei audit rules` show of a rule. */
export interface AuditRuleSummary {
  readonly id: AuditRuleId;
  readonly name: AuditRule['name'];
  readonly description: AuditRule['description'];
  readonly subject: AuditRule['subject'];
  readonly severities: AuditRule['severities'];
  /** The default of every parameter. */
  readonly parameters: unknown;
}

/** Every rule with its default parameters. */
export function describeAuditRules(): AuditRuleSummary[] {
  return AUDIT_RULES.map((r) => ({
    id: r.id,
    name: r.name,
    description: r.description,
    subject: r.subject,
    severities: r.severities,
    parameters: r.parameters.parse({}),
  }));
}
