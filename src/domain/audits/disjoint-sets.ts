/**
 * Disjoint sets (union-find) over the integers 0..n−1, with path halving and union by size:
 * the clustering step of the duplicate and identical check-up rules, near-linear in the
 * number of unions.
 */
export class DisjointSets {
  private readonly parent: Int32Array;
  private readonly size: Int32Array;

  /** Creates `n` singleton sets {0} .. {n−1}. */
  constructor(readonly n: number) {
    this.parent = new Int32Array(n);
    this.size = new Int32Array(n).fill(1);
    for (let i = 0; i < n; i++) this.parent[i] = i;
  }

  /** The representative of the set holding `x`. */
  find(x: number): number {
    const parent = this.parent;
    while (parent[x]! !== x) {
      parent[x] = parent[parent[x]!]!;
      x = parent[x]!;
    }
    return x;
  }

  /** Joins the sets of `a` and `b`; returns false when they were already one set. */
  union(a: number, b: number): boolean {
    let ra = this.find(a);
    let rb = this.find(b);
    if (ra === rb) return false;
    if (this.size[ra]! < this.size[rb]!) [ra, rb] = [rb, ra];
    this.parent[rb] = ra;
    this.size[ra]! += this.size[rb]!;
    return true;
  }

  /**
   * The sets with at least `minSize` members, each sorted ascending, ordered by their
   * smallest member.
   */
  groups(minSize = 2): number[][] {
    const byRoot = new Map<number, number[]>();
    for (let i = 0; i < this.n; i++) {
      const r = this.find(i);
      if (this.size[r]! < minSize) continue;
      let g = byRoot.get(r);
      if (!g) byRoot.set(r, (g = []));
      g.push(i);
    }
    return [...byRoot.values()].sort((a, b) => a[0]! - b[0]!);
  }
}
