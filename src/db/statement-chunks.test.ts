import { describe, expect, it } from 'vitest';
import { MAX_PARAMETERS, chunks, rowsPerStatement } from './statement-chunks.js';

describe('statement chunks', () => {
  it('slices a list into consecutive parts of at most the size, losing nothing', () => {
    const items = Array.from({ length: 10 }, (_, i) => i);
    expect([...chunks(items, 4)]).toEqual([
      [0, 1, 2, 3],
      [4, 5, 6, 7],
      [8, 9],
    ]);
    expect([...chunks([], 4)]).toEqual([]);
    expect([...chunks(items, 10)]).toEqual([items]);
  });
  it('fits rows of bound columns under the parameter limit of both dialects', () => {
    expect(rowsPerStatement(9) * 9).toBeLessThanOrEqual(MAX_PARAMETERS);
    expect((rowsPerStatement(9) + 1) * 9).toBeGreaterThan(MAX_PARAMETERS);
    expect(rowsPerStatement(MAX_PARAMETERS * 2)).toBe(1);
  });
});
