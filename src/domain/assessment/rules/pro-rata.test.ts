import { describe, expect, it } from 'vitest';
import { proRata } from './pro-rata.js';
import { count, facts } from './rules.fixture.js';

const S = { rule: 'pro_rata' } as const;

describe('pro rata', () => {
  it('gives full marks exactly at the target and above it', () => {
    expect(proRata.score(1000, S, facts([60, 100], 0.6)).centi).toBe(1000);
    expect(proRata.score(1000, S, facts([61, 100], 0.6)).centi).toBe(1000);
    expect(proRata.score(1000, S, facts([100, 100], 0.6)).centi).toBe(1000);
  });

  it('scores points × value / target just below the target, rounded half up to 0.01', () => {
    // 10 × 0.599 / 0.6 = 9.98333… → 9.98
    expect(proRata.score(1000, S, facts([599, 1000], 0.6)).centi).toBe(998);
    // 10 × 0.45 / 0.6 = 7.5 exactly
    expect(proRata.score(1000, S, facts([45, 100], 0.6)).centi).toBe(750);
    // 3 × 1/3 / 0.9 = 1.1111… → 1.11 ; 3 × 0.00015/0.9 = 0.0005 → 0.00 (half-up on .05 centi → 0.0005 pts = 0.05 centi → 0)
    expect(proRata.score(300, S, facts([1, 3], 0.9)).centi).toBe(111);
  });

  it('rounds an exact half centipoint up', () => {
    // 1 point × 1/8 / 1 = 0.125 → 0.13
    expect(proRata.score(100, S, facts([1, 8], 1)).centi).toBe(13);
  });

  it('gives zero for a zero value', () => {
    const r = proRata.score(1000, S, facts([0, 100], 0.6));
    expect(r).toMatchObject({ centi: 0, status: 'scored' });
  });

  it('compares counts with a target in counts (from the targets module)', () => {
    const r = proRata.score(800, S, { value: count(480), target: count(960), findings: {}, entered: null });
    expect(r.centi).toBe(400);
    expect(r.explanation.zh).toBe('8 × 480 ÷ 960 = 4');
  });

  it('treats a target of zero as met', () => {
    expect(proRata.score(500, S, { ...facts([0, 1], 0), target: count(0) }).centi).toBe(500);
  });

  it('does not score an item without target or without a denominator (合理缺项)', () => {
    expect(proRata.score(500, S, facts([1, 2], null))).toMatchObject({
      centi: null,
      status: 'not_applicable',
    });
    expect(proRata.score(500, S, facts(null, 0.6))).toMatchObject({ centi: null, status: 'not_applicable' });
  });
});
