import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AUDIT_RULES } from './index.js';
import {
  GENERATED_RULES_BEGIN,
  GENERATED_RULES_END,
  auditRulesMarkdown,
  withGeneratedRules,
} from './rules-doc.js';

describe('docs/audits.md', () => {
  const doc = readFileSync(new URL('../../../../docs/audits.md', import.meta.url), 'utf8');

  it('holds the rule tables exactly as the rule list generates them', () => {
    // Regenerate with: npm run build && node bin/gongwei.js audit rules --format markdown --update docs/audits.md
    expect(doc).toContain(GENERATED_RULES_BEGIN);
    expect(withGeneratedRules(doc)).toBe(doc);
  });

  it('names every rule and parameter, and keeps the prose around the generated part', () => {
    const generated = auditRulesMarkdown();
    for (const rule of AUDIT_RULES) {
      expect(generated).toContain(`| \`${rule.id}\` | ${rule.name.zh}<br>${rule.name.en} |`);
      for (const key of Object.keys(rule.parameters.shape))
        expect(generated).toContain(`| \`${rule.id}\` | \`${key}\` |`);
    }
    expect(withGeneratedRules(`before\n${GENERATED_RULES_BEGIN}\nstale\n${GENERATED_RULES_END}\nafter`)).toBe(
      `before\n${generated}\nafter`,
    );
    expect(() => withGeneratedRules('no markers')).toThrow(/no generated part/);
  });
});
