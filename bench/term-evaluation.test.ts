import { describe, expect, it } from 'vitest';
import { generatedResidents, measureTermEvaluation } from './term-evaluation.js';

describe('term evaluation bench section', () => {
  it('generates the same residents for a seed, many with contracts', () => {
    const residents = generatedResidents(400, 7);
    expect(generatedResidents(400, 7)).toEqual(residents);
    expect(residents.filter((h) => h.contracts.length > 0).length).toBeGreaterThan(100);
    expect(residents.some((h) => h.contracts.some((c) => c.previousContractId !== null))).toBe(true);
  });

  it('measures both ways and finds the masks equal', () => {
    const figures = measureTermEvaluation(300, 1);
    expect(figures.find((f) => f.name.includes('differ'))?.value).toBe(0);
    for (const f of figures) expect(Number.isFinite(f.value)).toBe(true);
  });
});
