import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { keptFixtureCopyPath, sharedOriginalPath } from './shared-fixtures.js';

const kept = readdirSync(fileURLToPath(new URL('./fixtures/', import.meta.url))).filter((f) =>
  f.endsWith('.json'),
);

describe('acceptance fixtures kept in test/fixtures', () => {
  it('keeps both acceptance fixtures', () => {
    expect(kept.sort()).toEqual(['pingliang-2020q2-bulletin.json', 'yumen-2011-h1-decomposition.json']);
  });

  it.each(kept)('%s equals the shared original when ../shared is present', (name) => {
    const original = sharedOriginalPath(name);
    if (original === null) {
      console.warn(`../shared/fixtures/${name} absent: the kept copy is used without comparison`);
      return;
    }
    expect(readFileSync(keptFixtureCopyPath(name), 'utf8')).toBe(readFileSync(original, 'utf8'));
  });
});
