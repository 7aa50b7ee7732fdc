import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  GENERATED_ROLES_BEGIN,
  GENERATED_ROLES_END,
  rolesMarkdown,
  withGeneratedRoles,
} from './permissions-doc.js';
import { ALL_PERMISSIONS, ROLE_NAMES, ROLES } from './permissions.js';

describe('docs/security.md', () => {
  const doc = readFileSync(new URL('../../../docs/security.md', import.meta.url), 'utf8');

  it('holds the roles and permissions exactly as permissions.ts generates them', () => {
    // Regenerate with: npm run build && node bin/gongwei.js users roles --update docs/security.md
    expect(doc).toContain(GENERATED_ROLES_BEGIN);
    expect(withGeneratedRoles(doc)).toBe(doc);
  });

  it('marks each permission under exactly the roles holding it, and keeps the prose around', () => {
    const generated = rolesMarkdown();
    for (const role of ROLE_NAMES) expect(generated).toContain(`| \`${role}\` | ${ROLES[role].label.zh}<br>`);
    for (const p of ALL_PERMISSIONS) {
      const row = generated.split('\n').find((l) => l.startsWith(`| \`${p}\` |`))!;
      const marks = row
        .split('|')
        .slice(3, 3 + ROLE_NAMES.length)
        .map((c) => c.trim() === '✓');
      expect(marks).toEqual(ROLE_NAMES.map((r) => (ROLES[r].permissions as readonly string[]).includes(p)));
    }
    // A role given one more permission changes the document: the test above would fail.
    const widened = {
      ...ROLES,
      viewer: { ...ROLES.viewer, permissions: ['aggregates.read', 'due.read'] as const },
    };
    expect(withGeneratedRoles(doc, widened)).not.toBe(doc);
    expect(withGeneratedRoles(`before\n${GENERATED_ROLES_BEGIN}\nstale\n${GENERATED_ROLES_END}\nafter`)).toBe(
      `before\n${generated}\nafter`,
    );
    expect(() => withGeneratedRoles('no markers')).toThrow(/no generated part/);
  });
});
