import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { assessmentMarkdown } from './assessment-doc.js';
import { SCORING_RULE_IDS } from './rules/index.js';

const docPath = resolve(dirname(fileURLToPath(import.meta.url)), '../../../docs/assessment.md');

describe('docs/assessment.md', () => {
  it('documents every scoring rule', () => {
    const text = assessmentMarkdown();
    for (const id of SCORING_RULE_IDS) expect(text).toContain(`| \`${id}\` |`);
  });

  it('is the text generated from the rules and the default scheme', () => {
    if (process.env.GONGWEI_WRITE_DOCS) writeFileSync(docPath, assessmentMarkdown());
    expect(readFileSync(docPath, 'utf8')).toBe(assessmentMarkdown());
  });
});
