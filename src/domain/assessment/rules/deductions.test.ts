import { describe, expect, it } from 'vitest';
import { deductions } from './deductions.js';
import { facts } from './rules.fixture.js';

const S = {
  rule: 'deductions',
  perFinding: { identical_checkups: 0.2, duplicate_records: 0.1 },
  cap: 3,
} as const;

describe('deductions per finding', () => {
  it('gives full marks without findings', () => {
    expect(deductions.score(500, S, facts(null, null)).centi).toBe(500);
  });

  it('takes off per finding of each listed rule and ignores the others', () => {
    const r = deductions.score(
      500,
      S,
      facts(null, null, { findings: { identical_checkups: 7, duplicate_records: 3, arm_bp_difference: 99 } }),
    );
    // 7 × 0.2 + 3 × 0.1 = 1.7
    expect(r.centi).toBe(330);
    expect(r.explanation.zh).toContain('identical_checkups 7 × 0.2');
  });

  it('stops exactly at the cap', () => {
    // 15 × 0.2 = 3 = cap
    expect(deductions.score(500, S, facts(null, null, { findings: { identical_checkups: 15 } })).centi).toBe(
      200,
    );
    // 16 × 0.2 = 3.2 > cap 3
    const over = deductions.score(500, S, facts(null, null, { findings: { identical_checkups: 16 } }));
    expect(over.centi).toBe(200);
    expect(over.explanation.en).toContain('capped at 3');
  });

  it('never goes below zero: without a cap, or a cap above the points, the points are the cap', () => {
    const noCap = { rule: 'deductions', perFinding: { id_problems: 1 } } as const;
    expect(deductions.score(500, noCap, facts(null, null, { findings: { id_problems: 9 } })).centi).toBe(0);
    expect(
      deductions.score(500, { ...noCap, cap: 50 }, facts(null, null, { findings: { id_problems: 9 } })).centi,
    ).toBe(0);
  });

  it('refuses points with more than two decimals', () => {
    expect(deductions.spec.safeParse({ rule: 'deductions', perFinding: { x: 0.005 } }).success).toBe(false);
  });
});
