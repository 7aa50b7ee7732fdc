import { describe, expect, it } from 'vitest';
import {
  AUDIT_RULE_IDS,
  AUDIT_RULES,
  DEFAULT_AUDIT_PARAMETERS,
  isAuditRuleId,
  resolveAuditParameters,
} from './rules.js';

describe('audit rule catalogue', () => {
  it('has the eight ids of contract 5, each described in Chinese and English', () => {
    expect(AUDIT_RULE_IDS).toEqual([
      'duplicate_records',
      'id_problems',
      'identical_checkups',
      'arm_bp_difference',
      'uncontrolled_without_guidance',
      'implausible_values',
      'digit_preference',
      'unused_records',
    ]);
    for (const id of AUDIT_RULE_IDS) {
      expect(AUDIT_RULES[id].id).toBe(id);
      expect(AUDIT_RULES[id].name.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(AUDIT_RULES[id].description.en.length).toBeGreaterThan(20);
      expect(Object.keys(AUDIT_RULES[id].severities).length).toBeGreaterThan(0);
    }
    expect(isAuditRuleId('arm_bp_difference')).toBe(true);
    expect(isAuditRuleId('arm_bp')).toBe(false);
  });
  it('defaults identical check-ups to 4 of 6 and arm BP to 10/20 mmHg', () => {
    expect(DEFAULT_AUDIT_PARAMETERS.identical_checkups.k).toBe(4);
    expect(DEFAULT_AUDIT_PARAMETERS.identical_checkups.fields).toHaveLength(6);
    expect(DEFAULT_AUDIT_PARAMETERS.arm_bp_difference).toEqual({ flagOver: 10, remeasureOver: 20 });
  });
  it('applies overrides per field and rejects impossible ones', () => {
    const p = resolveAuditParameters({ identical_checkups: { k: 3 } });
    expect(p.identical_checkups.k).toBe(3);
    expect(p.identical_checkups.fields).toHaveLength(6);
    expect(() => resolveAuditParameters({ identical_checkups: { k: 7 } })).toThrow(/identical_checkups.k/);
    expect(() => resolveAuditParameters({ arm_bp_difference: { flagOver: 30 } })).toThrow(
      /arm_bp_difference/,
    );
    expect(() => resolveAuditParameters({ duplicate_records: { keys: [[]] } })).toThrow(/duplicate_records/);
  });
});
