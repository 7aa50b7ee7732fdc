import { DisjointSets } from './disjoint-sets.js';

/** Records found equal on one duplicate key: the residents of one group of a `GROUP BY key`. */
export interface KeyMatch {
  /** Index of the key in the rule's key list. */
  readonly key: number;
  readonly residentIds: readonly number[];
}

/** A duplicate set: records that are (transitively) the same person. */
export interface DuplicateSet {
  /** Resident ids, ascending; the first is the set's name and the default survivor of a merge. */
  readonly residentIds: readonly number[];
  /** Indexes of the keys that linked members of this set, ascending. */
  readonly keys: readonly number[];
}

/**
 * Joins the groups of every duplicate key into duplicate sets: record A equal to B on the
 * ID number and B equal to C on name + birth date + sex make one set {A, B, C}.
 *
 * @example buildDuplicateSets([{ key: 0, residentIds: [5, 9] }, { key: 1, residentIds: [9, 12] }])
 * // [{ residentIds: [5, 9, 12], keys: [0, 1] }]
 */
export function buildDuplicateSets(matches: readonly KeyMatch[]): DuplicateSet[] {
  const index = new Map<number, number>();
  const ids: number[] = [];
  for (const m of matches)
    for (const id of m.residentIds)
      if (!index.has(id)) {
        index.set(id, ids.length);
        ids.push(id);
      }
  const sets = new DisjointSets(ids.length);
  for (const m of matches) {
    const first = index.get(m.residentIds[0]!)!;
    for (const id of m.residentIds) sets.union(first, index.get(id)!);
  }
  const keysByRoot = new Map<number, Set<number>>();
  for (const m of matches) {
    if (m.residentIds.length < 2) continue;
    const root = sets.find(index.get(m.residentIds[0]!)!);
    let s = keysByRoot.get(root);
    if (!s) keysByRoot.set(root, (s = new Set()));
    s.add(m.key);
  }
  return sets
    .groups(2)
    .map((g) => ({
      residentIds: g.map((i) => ids[i]!).sort((a, b) => a - b),
      keys: [...(keysByRoot.get(sets.find(g[0]!)) ?? [])].sort((a, b) => a - b),
    }))
    .sort((a, b) => a.residentIds[0]! - b.residentIds[0]!);
}
