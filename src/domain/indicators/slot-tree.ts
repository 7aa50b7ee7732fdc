/**
 * How a tally's 36 cumulative 旬 counts are stored: as the nodes of a Fenwick (binary
 * indexed) tree over the slots. Node k holds the change of the count over the slots
 * (k − lowbit(k + 1), k], so a membership flip at one 旬 — which changes the cumulative
 * count of that 旬 and of every later one, ~19 rows for a June follow-up — changes at most
 * 6 nodes, and the count at a 旬 end is the sum of at most 5 nodes.
 */
import { SLOTS_PER_YEAR } from '../periods/period.js';

/** The width of the range a node covers: the lowest set bit of k + 1. */
function span(node: number): number {
  const i = node + 1;
  return i & -i;
}

/**
 * The nodes whose sum is the count at the end of `slot`.
 *
 * @example prefixNodes(17) // [17, 15]: slots 16..17, then 0..15
 */
export function prefixNodes(slot: number): number[] {
  if (!Number.isInteger(slot) || slot < 0 || slot >= SLOTS_PER_YEAR)
    throw new RangeError(`slot ${slot} is not 0..${SLOTS_PER_YEAR - 1}`);
  const out: number[] = [];
  for (let i = slot + 1; i > 0; i -= i & -i) out.push(i - 1);
  return out;
}

/**
 * The node values of a tally given its cumulative count at every slot (linear: the nodes of
 * a difference of counts are the difference of the nodes).
 *
 * @example treeNodes([1, 1, 2, 2, …]) // node 1 = count(1) − 0 = 1, node 2 = count(2) − count(1) = 1, …
 */
export function treeNodes(counts: ArrayLike<number>): Int32Array {
  const out = new Int32Array(SLOTS_PER_YEAR);
  for (let k = 0; k < SLOTS_PER_YEAR; k++) {
    const before = k - span(k);
    out[k] = counts[k]! - (before >= 0 ? counts[before]! : 0);
  }
  return out;
}
