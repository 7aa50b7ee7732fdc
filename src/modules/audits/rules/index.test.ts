import { describe, expect, it } from 'vitest';
import {
  AUDIT_PARAMETERS_SCHEMA,
  AUDIT_RULE_IDS,
  AUDIT_RULES,
  auditRule,
  defaultAuditParameters,
  describeAuditRules,
  isAuditRuleId,
  resolveAuditParameters,
} from './index.js';

describe('the list of audit rules', () => {
  it('has the ids of contract 5 (eight) and aggregate_outliers, each described in Chinese and English', () => {
    expect(AUDIT_RULE_IDS).toEqual([
      'duplicate_records',
      'id_problems',
      'identical_checkups',
      'arm_bp_difference',
      'uncontrolled_without_guidance',
      'implausible_values',
      'digit_preference',
      'aggregate_outliers',
      'unused_records',
    ]);
    for (const id of AUDIT_RULE_IDS) {
      expect(auditRule(id).id).toBe(id);
      expect(auditRule(id).name.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(auditRule(id).description.en.length).toBeGreaterThan(20);
      expect(Object.keys(auditRule(id).severities).length).toBeGreaterThan(0);
    }
    expect(isAuditRuleId('arm_bp_difference')).toBe(true);
    expect(isAuditRuleId('arm_bp')).toBe(false);
  });

  it('gives every parameter a default and a Chinese / English description', () => {
    for (const rule of AUDIT_RULES) {
      const defaults = rule.parameters.parse({}) as Record<string, unknown>;
      for (const [key, field] of Object.entries(rule.parameters.shape)) {
        expect(defaults[key], `${rule.id}.${key}`).not.toBeUndefined();
        expect(field.description, `${rule.id}.${key}`).toMatch(/[\u4e00-\u9fff].* \/ [A-Za-z|]/);
      }
    }
  });

  it('defaults identical check-ups to 4 of 6 and arm BP to 10/20 mmHg', () => {
    const p = defaultAuditParameters();
    expect(p.identical_checkups.k).toBe(4);
    expect(p.identical_checkups.fields).toHaveLength(6);
    expect(p.arm_bp_difference).toEqual({ flagOver: 10, remeasureOver: 20 });
    expect(describeAuditRules().find((r) => r.id === 'arm_bp_difference')!.parameters).toEqual(
      p.arm_bp_difference,
    );
  });

  it('applies overrides per field and rejects impossible ones, naming the rule and parameter', () => {
    const p = resolveAuditParameters({ identical_checkups: { k: 3 } });
    expect(p.identical_checkups.k).toBe(3);
    expect(p.identical_checkups.fields).toHaveLength(6);
    expect(p.unused_records.months).toBe(12);
    expect(() => resolveAuditParameters({ identical_checkups: { k: 7 } })).toThrow(/identical_checkups.k/);
    expect(() => resolveAuditParameters({ arm_bp_difference: { flagOver: 30 } })).toThrow(
      /arm_bp_difference/,
    );
    expect(() => resolveAuditParameters({ duplicate_records: { keys: [[]] } })).toThrow(/duplicate_records/);
    const error = (() => {
      try {
        resolveAuditParameters({ unused_records: { months: 0 } });
      } catch (e) {
        return e as { status: number; field: string | undefined; issues: { field: string }[] };
      }
    })();
    expect(error?.status).toBe(400);
    expect(error?.issues.map((i) => i.field)).toEqual(['parameters.unused_records.months']);
  });

  it('refuses parameters of a rule that does not exist', () => {
    expect(AUDIT_PARAMETERS_SCHEMA.safeParse({ arm_bp: { flagOver: 5 } }).success).toBe(false);
    expect(AUDIT_PARAMETERS_SCHEMA.safeParse({ arm_bp_difference: { flagOver: 5 } }).success).toBe(true);
  });
});
