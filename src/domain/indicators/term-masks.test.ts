import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatTermMasks, maskHolds, parseTermMasks, storedMaskOf } from './term-masks.js';

/** Term names as the catalogue writes them (program.term), some sharing a prefix. */
const termName = fc
  .tuple(
    fc.constantFrom('hypertension', 'child', 'vaccination'),
    fc.constantFrom('managed', 'managed2', 'bcg', 'bcg_due', 'a'),
  )
  .map(([program, term]) => `${program}.${term}`);
const masks = fc
  .dictionary(termName, fc.integer({ min: 0, max: 2 ** 36 - 1 }))
  .map((d) => new Map(Object.entries(d)));

describe('term masks as stored', () => {
  it('reads back what it writes', () => {
    fc.assert(
      fc.property(masks, (m) => {
        expect(parseTermMasks(formatTermMasks(m))).toEqual(
          new Map([...m].sort(([a], [b]) => a.localeCompare(b))),
        );
      }),
    );
  });

  it('reads one term as the whole parse would, a term that prefixes another included', () => {
    fc.assert(
      fc.property(masks, termName, (m, term) => {
        expect(storedMaskOf(formatTermMasks(m), term)).toBe(m.get(term) ?? 0);
      }),
    );
    expect(storedMaskOf('|vaccination.bcg_due=6|', 'vaccination.bcg')).toBe(0);
    expect(storedMaskOf('|a.b=5|', 'a.b')).toBe(5);
  });

  it('tests a slot above bit 31 (the 旬 of December), which bitwise operators would lose', () => {
    const december = 2 ** 35;
    expect(maskHolds(december + 1, 35)).toBe(true);
    expect(maskHolds(december + 1, 0)).toBe(true);
    expect(maskHolds(december + 1, 34)).toBe(false);
    expect(maskHolds(storedMaskOf(`|t=${december}|`, 't'), 35)).toBe(true);
    expect(maskHolds(storedMaskOf(`|t=${december}|`, 'u'), 35)).toBe(false);
  });
});
