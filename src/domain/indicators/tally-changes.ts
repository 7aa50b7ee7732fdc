/**
 * Changes of the tallies gathered before they are written: per (year, org, term), the change
 * of the count at each 旬 end, turned into slot-tree nodes (./slot-tree.ts) when written.
 * Summed over every resident of a write (an import: every batch) so that each node is
 * upserted once.
 */
import { SLOTS_PER_YEAR } from '../periods/period.js';
import { treeNodes } from './slot-tree.js';

/** A change of one tally node. */
export interface TallyNode {
  readonly year: number;
  /** Slot-tree node (0..35). */
  readonly node: number;
  readonly orgCode: string;
  readonly term: string;
  readonly countyCode: string;
  readonly n: number;
}

interface Entry {
  readonly year: number;
  readonly org: string;
  readonly county: string;
  readonly term: string;
  readonly n: Int32Array;
}

/**
 * A sink of tally changes.
 *
 * @example
 * const changes = new TallyChanges();
 * changes.flip(2020, village, county, 'hypertension.managed', 0, 2 ** 36 - 2 ** 17); // member from June on
 * await addToTallies(trx, changes.drain());
 */
export class TallyChanges {
  private readonly entries = new Map<string, Entry>();

  /** Entries held (each ~200 bytes): the caller writes them out past a limit. */
  get size(): number {
    return this.entries.size;
  }

  /** Records that a member's mask of `term` went from `before` to `after` (36-bit 旬 masks). */
  flip(year: number, org: string, county: string, term: string, before: number, after: number): void {
    if (before === after) return;
    const key = `${year}|${org}|${term}`;
    let entry = this.entries.get(key);
    if (!entry)
      this.entries.set(key, (entry = { year, org, county, term, n: new Int32Array(SLOTS_PER_YEAR) }));
    for (let slot = 0, bit = 1; slot < SLOTS_PER_YEAR; slot++, bit *= 2)
      entry.n[slot]! += (Math.floor(after / bit) % 2) - (Math.floor(before / bit) % 2);
  }

  /** The non-zero node changes gathered, and empties the sink. */
  drain(): TallyNode[] {
    const out: TallyNode[] = [];
    for (const e of this.entries.values())
      treeNodes(e.n).forEach((n, node) => {
        if (n !== 0) out.push({ year: e.year, node, orgCode: e.org, term: e.term, countyCode: e.county, n });
      });
    this.entries.clear();
    return out;
  }
}

/**
 * The tally nodes of cumulative counts at every 旬 end (an org's activity tallies of a year).
 *
 * @example cumulativeNodes(2020, org, county, new Map([['health_education.activities', counts]]))
 */
export function cumulativeNodes(
  year: number,
  orgCode: string,
  countyCode: string,
  counts: ReadonlyMap<string, readonly number[]>,
): TallyNode[] {
  const out: TallyNode[] = [];
  for (const [term, values] of counts)
    treeNodes(values).forEach((n, node) => {
      if (n !== 0) out.push({ year, node, orgCode, term, countyCode, n });
    });
  return out;
}
