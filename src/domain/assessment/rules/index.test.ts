import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SCORING_RULES, SCORING_RULE_IDS, ScoringSpecSchema } from './index.js';

const here = dirname(fileURLToPath(import.meta.url));
const FILES: Record<string, string> = {
  pro_rata: 'pro-rata',
  floor: 'floor',
  lower_is_better: 'lower-is-better',
  deductions: 'deductions',
  manual: 'manual',
};

describe('the list of scoring rules', () => {
  it('keys each rule by its own id', () => {
    for (const id of SCORING_RULE_IDS) expect(SCORING_RULES[id].id).toBe(id);
  });

  it('has a test file beside every rule', () => {
    expect(Object.keys(FILES).sort()).toEqual([...SCORING_RULE_IDS].sort());
    for (const id of SCORING_RULE_IDS) expect(existsSync(join(here, `${FILES[id]}.test.ts`))).toBe(true);
  });

  it('accepts each rule in a scheme and refuses an unlisted one', () => {
    expect(ScoringSpecSchema.safeParse({ rule: 'floor', floor: 0.5 }).success).toBe(true);
    expect(ScoringSpecSchema.safeParse({ rule: 'bonus' }).success).toBe(false);
  });
});
