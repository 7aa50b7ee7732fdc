import { describe, expect, it } from 'vitest';
import { floorRule } from './floor.js';
import { facts } from './rules.fixture.js';

const S = { rule: 'floor', floor: 0.5 } as const;

describe('pro rata with a floor', () => {
  it('scores zero just under the floor and pro rata exactly at it', () => {
    // completion 0.2999/0.6 = 0.49983… < 0.5 → 0
    expect(floorRule.score(1000, S, facts([2999, 10000], 0.6)).centi).toBe(0);
    // completion exactly 0.5 → 10 × 0.5 = 5
    expect(floorRule.score(1000, S, facts([30, 100], 0.6))).toMatchObject({ centi: 500, status: 'scored' });
  });

  it('gives full marks at the target and pro rata just below it', () => {
    expect(floorRule.score(1000, S, facts([60, 100], 0.6)).centi).toBe(1000);
    expect(floorRule.score(1000, S, facts([59, 100], 0.6)).centi).toBe(983);
  });

  it('reads the floor as written (0.7 is not the double under it)', () => {
    // completion exactly 0.7 = 0.42/0.6; in binary 0.42/0.6 = 0.7000000000000001 or 0.6999…
    expect(floorRule.score(1000, { rule: 'floor', floor: 0.7 }, facts([42, 100], 0.6)).centi).toBe(700);
  });

  it('refuses a floor outside (0, 1]', () => {
    expect(floorRule.spec.safeParse({ rule: 'floor', floor: 0 }).success).toBe(false);
    expect(floorRule.spec.safeParse({ rule: 'floor', floor: 1.1 }).success).toBe(false);
    expect(floorRule.spec.safeParse({ rule: 'floor', floor: 1 }).success).toBe(true);
  });

  it('does not score without a target', () => {
    expect(floorRule.score(1000, S, facts([1, 2], null)).status).toBe('not_applicable');
  });
});
