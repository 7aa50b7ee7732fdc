import { describe, expect, it } from 'vitest';
import { SLOTS_PER_YEAR } from '../periods/period.js';
import { prefixNodes, treeNodes } from './slot-tree.js';

function sumAt(nodes: Int32Array, slot: number): number {
  return prefixNodes(slot).reduce((sum, k) => sum + nodes[k]!, 0);
}

describe('slot tree', () => {
  it('gives back every cumulative count from the nodes', () => {
    let seed = 7;
    for (let trial = 0; trial < 50; trial++) {
      const counts = Array.from({ length: SLOTS_PER_YEAR }, () => {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        return (seed % 41) - 20;
      });
      const nodes = treeNodes(counts);
      for (let slot = 0; slot < SLOTS_PER_YEAR; slot++) expect(sumAt(nodes, slot)).toBe(counts[slot]);
    }
  });

  it('changes at most 6 nodes when one 旬 flips from then on, and reads at most 5', () => {
    for (let from = 0; from < SLOTS_PER_YEAR; from++) {
      const counts = Array.from({ length: SLOTS_PER_YEAR }, (_, s) => (s >= from ? 1 : 0));
      const changed = [...treeNodes(counts)].filter((n) => n !== 0).length;
      expect(changed).toBeGreaterThan(0);
      expect(changed).toBeLessThanOrEqual(6);
    }
    for (let slot = 0; slot < SLOTS_PER_YEAR; slot++) expect(prefixNodes(slot).length).toBeLessThanOrEqual(5);
    // A June follow-up (slot 17) changes 4 nodes instead of 19 cumulative rows.
    const june = Array.from({ length: SLOTS_PER_YEAR }, (_, s) => (s >= 17 ? 1 : 0));
    expect([...treeNodes(june).keys()].filter((k) => treeNodes(june)[k] !== 0)).toEqual([17, 19, 23, 31]);
  });

  it('reads the period ends the engine uses', () => {
    expect(prefixNodes(0)).toEqual([0]);
    expect(prefixNodes(17)).toEqual([17, 15]);
    expect(prefixNodes(35)).toEqual([35, 31]);
    expect(() => prefixNodes(36)).toThrow(RangeError);
  });
});
