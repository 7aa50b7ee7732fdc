import { describe, expect, it } from 'vitest';
import { NAMESPACES } from './namespaces';

const CJK = /[\u3400-\u9fff]/;
const placeholders = (text: string): string[] =>
  [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!).sort();

describe('every string in both languages', () => {
  for (const [namespace, messages] of Object.entries(NAMESPACES)) {
    it(`${namespace}: the same keys, the same placeholders, no Chinese in English`, () => {
      expect(Object.keys(messages.en).sort()).toEqual(Object.keys(messages.zh).sort());
      for (const [key, zh] of Object.entries(messages.zh)) {
        const en = (messages.en as Record<string, string>)[key]!;
        expect(placeholders(en), `${namespace}:${key}`).toEqual(placeholders(zh));
        expect(zh.trim(), `${namespace}:${key} is empty`).not.toBe('');
        // The language switch names the other language in its own script.
        if (!(namespace === 'common' && key === 'language'))
          expect(en, `${namespace}:${key}`).not.toMatch(CJK);
      }
    });
  }
});
