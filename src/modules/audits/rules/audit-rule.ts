/**
 * The shape of an audit rule unit. Each rule is one file of this folder exporting one rule
 * object: its id, names and severities in Chinese and English, its parameters as one zod
 * schema (the type, the defaults and the HTTP validation at once), the SQL selecting its
 * candidates within an org scope, and its pure judgement of them. `index.ts` lists them;
 * the runner, the routes, the CLI, the bench and docs/audits.md derive from that list.
 */
import { z } from 'zod';
import type { SqlDialect } from '../../../db/database.js';
import { findingSubject, type DraftFinding } from '../../../domain/audits/classify.js';
import type { AuditWindow, Severity } from '../../../domain/audits/vocabulary.js';
import type { LocalizedText } from '../../../domain/gongwei-error.js';
import type { OrgScope } from '../../orgs/org-scope.js';
import type { Handle } from '../audit-tables.js';
import type { ServiceRow } from './candidate-repository.js';

/** What a finding of a rule is about. */
export type FindingSubjectKind = 'duplicate_set' | 'resident' | 'service' | 'unit' | 'unit_records';

/** A rule's parameters: an object schema every field of which has a default, so `{}` parses to the defaults. */
export type ParameterSchema = z.ZodObject;

/** What one run of the rules examines. */
export interface RuleScan {
  /** The org scope of the run: candidates are confined to it with `rowsInScope`. */
  readonly scope: OrgScope;
  readonly window: AuditWindow;
  readonly dialect: SqlDialect;
}

/** What every rule says about itself. */
export interface RuleDescription<Id extends string, S extends ParameterSchema> {
  /** Stable id, part of contract 5 (dashboard, bulletins): never rename one. */
  readonly id: Id;
  readonly name: LocalizedText;
  readonly description: LocalizedText;
  /** The severities this rule can give, with what each means. */
  readonly severities: Partial<Readonly<Record<Severity, LocalizedText>>>;
  readonly subject: FindingSubjectKind;
  /** Every parameter with its default, limits and a `zh / en` description. */
  readonly parameters: S;
}

/** A rule that selects candidates in SQL and judges them in memory. */
export interface JudgedRule<Id extends string, S extends ParameterSchema, C> extends RuleDescription<Id, S> {
  /** SQL: the rows worth judging, within the scan's scope and window. */
  readonly candidates: (h: Handle, scan: RuleScan, parameters: z.output<S>) => Promise<C>;
  /** Pure: the findings among the candidates. */
  readonly judge: (candidates: C, parameters: z.output<S>, window: AuditWindow) => DraftFinding[];
}

/**
 * A rule as the runner, the routes, the CLI and the docs see it, whatever its candidates. It
 * only reads: its findings travel back to the runner, which stores them. It may run on any read
 * connection, beside the other rules and before the run's write transaction (ADR 0009,
 * amendment of 7 December 2026).
 */
export interface AuditRule<Id extends string = string> extends RuleDescription<Id, ParameterSchema> {
  /**
   * The rule's findings in the scan. `parameters` is what the rule's own schema parsed (the
   * runner parses every rule's parameters before it starts).
   */
  readonly findFindings: (h: Handle, scan: RuleScan, parameters: unknown) => Promise<DraftFinding[]>;
}

/**
 * Defines a rule that selects candidates in SQL and judges them in memory.
 *
 * @example
 * export const armBpDifference = judgedRule({ id: 'arm_bp_difference', …, parameters, candidates, judge });
 */
export function judgedRule<const Id extends string, S extends ParameterSchema, C>(
  rule: JudgedRule<Id, S, C>,
): JudgedRule<Id, S, C> & AuditRule<Id> {
  return {
    ...rule,
    async findFindings(h, scan, parameters) {
      // The runner parsed `parameters` with this rule's schema.
      const p = parameters as z.output<S>;
      return rule.judge(await rule.candidates(h, scan, p), p, scan.window);
    },
  };
}

/** A list of service types as a parameter (the types are not checked: an unknown type finds nothing). */
export const ServiceTypes = z.array(z.string().max(40)).max(20);

/**
 * The finding of a service rule about one service: keyed by the service (and the check,
 * where a rule checks a service several ways), counted under the service's org.
 *
 * @param dated false for a finding every run re-examines whatever its window (a service after the
 *   as-of date): an undated finding is closed by any run that does not see it again
 */
export function serviceFinding(
  s: ServiceRow,
  severity: Severity,
  evidence: Readonly<Record<string, unknown>>,
  check?: string,
  dated = true,
): DraftFinding {
  return {
    severity,
    subject: findingSubject.service(s.id, check),
    orgCode: s.orgCode,
    countyCode: s.countyCode,
    residentId: s.residentId,
    serviceId: s.id,
    subjectDate: dated ? s.serviceDate : null,
    weight: 1,
    evidence: { type: s.type, date: s.serviceDate, ...evidence },
  };
}
