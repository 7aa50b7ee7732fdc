import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DisjointSets } from './disjoint-sets.js';
import { findIdenticalCheckups, kSubsets, type CheckupValues } from './identical-checkups.js';

/** The definition, pair by pair: the reference the hashing detector must agree with. */
function bruteForceClusters(checkups: readonly CheckupValues[], k: number): number[][] {
  const sets = new DisjointSets(checkups.length);
  for (let i = 0; i < checkups.length; i++) {
    for (let j = i + 1; j < checkups.length; j++) {
      const a = checkups[i]!;
      const b = checkups[j]!;
      if (a.residentId === b.residentId || a.unit !== b.unit) continue;
      let equal = 0;
      for (let f = 0; f < a.values.length; f++) {
        if (a.values[f] !== null && a.values[f] === b.values[f]) equal++;
      }
      if (equal >= k) sets.union(i, j);
    }
  }
  return sets
    .groups(2)
    .map((g) => g.map((i) => checkups[i]!.serviceId).sort((x, y) => x - y))
    .sort((x, y) => x[0]! - y[0]!);
}

const base = [130, 80, 72, 5.6, 60.5, 82];
const checkup = (
  serviceId: number,
  residentId: number,
  values: (number | null)[],
  unit: string | null = 'T1',
): CheckupValues => ({ serviceId, residentId, unit, values });

describe('kSubsets', () => {
  it('lists C(6,4) = 15 subsets, each ascending and distinct', () => {
    const subsets = kSubsets(6, 4);
    expect(subsets).toHaveLength(15);
    expect(new Set(subsets.map((s) => s.join())).size).toBe(15);
    expect(subsets[0]).toEqual([0, 1, 2, 3]);
    expect(subsets[14]).toEqual([2, 3, 4, 5]);
  });
});

describe('findIdenticalCheckups', () => {
  it('links two people sharing exactly 4 of 6 values', () => {
    const r = findIdenticalCheckups([checkup(1, 1, base), checkup(2, 2, [130, 80, 72, 5.6, 61, 90])], 4);
    expect(r.clusters).toEqual([[1, 2]]);
    expect(r.checkups.map((c) => c.matchedFields)).toEqual([
      [0, 1, 2, 3],
      [0, 1, 2, 3],
    ]);
    expect(r.checkups[0]!.partners).toEqual([2]);
  });

  it('does not link people sharing only 3 of 6 values (near miss)', () => {
    const r = findIdenticalCheckups([checkup(1, 1, base), checkup(2, 2, [130, 80, 72, 5.7, 61, 90])], 4);
    expect(r.clusters).toEqual([]);
    expect(r.checkups).toEqual([]);
  });

  it('never links the check-ups of one person, nor missing values', () => {
    const r = findIdenticalCheckups(
      [
        checkup(1, 7, base),
        checkup(2, 7, base),
        checkup(3, 8, [130, 80, null, null, null, 82]),
        checkup(4, 9, [130, 80, null, null, null, 82]),
      ],
      4,
    );
    expect(r.clusters).toEqual([]);
  });

  it('joins one person’s check-ups through a third person (same components as pairwise)', () => {
    const r = findIdenticalCheckups([checkup(1, 7, base), checkup(2, 7, base), checkup(3, 8, base)], 4);
    expect(r.clusters).toEqual([[1, 2, 3]]);
    expect(r.checkups.find((c) => c.serviceId === 1)!.partners).toEqual([3]);
  });

  it('compares only within a unit', () => {
    const r = findIdenticalCheckups([checkup(1, 1, base, 'T1'), checkup(2, 2, base, 'T2')], 4);
    expect(r.clusters).toEqual([]);
  });

  it('chains clusters transitively and names them by their smallest service id', () => {
    const r = findIdenticalCheckups(
      [
        checkup(10, 1, [1, 2, 3, 4, 5, 6]),
        checkup(11, 2, [1, 2, 3, 4, 9, 9]),
        checkup(12, 3, [9, 9, 3, 4, 5, 6]),
        checkup(13, 4, [0, 0, 0, 0, 0, 0]),
      ],
      4,
    );
    expect(r.clusters).toEqual([[10, 11, 12]]);
    expect(new Set(r.checkups.map((c) => c.clusterId))).toEqual(new Set([10]));
    expect(r.checkups.every((c) => c.clusterSize === 3)).toBe(true);
  });

  it('rejects a k that cannot work', () => {
    expect(() => findIdenticalCheckups([checkup(1, 1, base)], 7)).toThrow(RangeError);
  });

  it('finds the same clusters as the pairwise definition on random data', () => {
    const value = fc.option(fc.integer({ min: 0, max: 3 }), { nil: null, freq: 8 });
    const row = fc.record({
      residentId: fc.integer({ min: 1, max: 25 }),
      unit: fc.constantFrom('A', 'B', null),
      values: fc.array(value, { minLength: 6, maxLength: 6 }),
    });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 60 }), fc.integer({ min: 2, max: 6 }), (rows, k) => {
        const checkups = rows.map((r, i) => checkup(i + 1, r.residentId, r.values, r.unit));
        expect(findIdenticalCheckups(checkups, k).clusters).toEqual(bruteForceClusters(checkups, k));
      }),
      { numRuns: 300, seed: 20200630 },
    );
  });

  it('falls back to string keys when the mixed-radix key would not be exact, with the same result', () => {
    // 6 fields × 1000 distinct values: 1000^6 overflows 2^53 with k = 6.
    const rows: CheckupValues[] = [];
    for (let i = 0; i < 1000; i++) {
      const v = (j: number) => (i * 7919 + j * 104729) % 1009;
      rows.push(checkup(i + 1, i + 1, [v(1), v(2), v(3), v(4), v(5), v(6)]));
    }
    rows.push(checkup(5000, 5000, [...rows[3]!.values]));
    const r = findIdenticalCheckups(rows, 6);
    expect(r.clusters).toEqual(bruteForceClusters(rows, 6));
    expect(r.clusters).toContainEqual([4, 5000]);
  });
});
