import { DisjointSets } from './disjoint-sets.js';

/** One check-up as the identical check-up detector sees it. */
export interface CheckupValues {
  readonly serviceId: number;
  readonly residentId: number;
  /** Check-ups are compared only within the same unit (institution, township, …); null is a unit of its own. */
  readonly unit: string | null;
  /** The n compared values, in the order of the rule's fields; null never equals anything. */
  readonly values: readonly (number | null)[];
}

/** A check-up that shares at least k values with a check-up of another person. */
export interface IdenticalCheckup {
  readonly serviceId: number;
  readonly residentId: number;
  /** Smallest service id of the cluster: a stable name for the cluster. */
  readonly clusterId: number;
  readonly clusterSize: number;
  /** Indexes (into the compared fields) of the values shared with some other person's check-up. */
  readonly matchedFields: readonly number[];
  /** Up to `maxPartners` service ids of other people's check-ups sharing ≥ k values with this one, ascending. */
  readonly partners: readonly number[];
}

/** Clusters of check-ups linked by sharing ≥ k values, and the check-ups in them. */
export interface IdenticalCheckupResult {
  /** Service ids of each cluster, ascending; clusters ordered by their smallest id. */
  readonly clusters: readonly (readonly number[])[];
  /** Every check-up in a cluster, ordered by service id. */
  readonly checkups: readonly IdenticalCheckup[];
}

/** Check-ups falling in one bucket: the first one and those that followed it. */
type Followers = Map<number, number[]>;

const hashView = new Float64Array(1);
const hashWords = new Uint32Array(hashView.buffer);

/** The bucket key of check-up `i` on `subset` as an exact integer, or −1 when a value is missing. */
function numericKey(
  i: number,
  n: number,
  subset: readonly number[],
  codes: Int32Array,
  unitCodes: Int32Array,
  cardinality: readonly number[],
): number {
  let x = unitCodes[i]!;
  for (const f of subset) {
    const code = codes[i * n + f]!;
    if (code === 0) return -1;
    x = x * cardinality[f]! + code;
  }
  return x;
}

function bucketNumeric(
  count: number,
  n: number,
  subset: readonly number[],
  codes: Int32Array,
  unitCodes: Int32Array,
  cardinality: readonly number[],
): Followers {
  let capacity = 1;
  while (capacity < count * 2) capacity <<= 1;
  const mask = capacity - 1;
  const keys = new Float64Array(capacity);
  const heads = new Int32Array(capacity).fill(-1);
  const followers: Followers = new Map();
  for (let i = 0; i < count; i++) {
    const key = numericKey(i, n, subset, codes, unitCodes, cardinality);
    if (key < 0) continue;
    hashView[0] = key;
    let slot = Math.imul(hashWords[0]! ^ Math.imul(hashWords[1]!, 0x9e3779b1), 0x85ebca6b) >>> 0;
    slot = (slot ^ (slot >>> 15)) & mask;
    for (;;) {
      const head = heads[slot]!;
      if (head === -1) {
        heads[slot] = i;
        keys[slot] = key;
        break;
      }
      if (keys[slot] === key) {
        let list = followers.get(head);
        if (!list) followers.set(head, (list = []));
        list.push(i);
        break;
      }
      slot = (slot + 1) & mask;
    }
  }
  return followers;
}

function bucketStrings(
  count: number,
  n: number,
  subset: readonly number[],
  codes: Int32Array,
  unitCodes: Int32Array,
): Followers {
  const heads = new Map<string, number>();
  const followers: Followers = new Map();
  outer: for (let i = 0; i < count; i++) {
    let key = String(unitCodes[i]);
    for (const f of subset) {
      const code = codes[i * n + f]!;
      if (code === 0) continue outer;
      key += ',' + code;
    }
    const head = heads.get(key);
    if (head === undefined) heads.set(key, i);
    else {
      let list = followers.get(head);
      if (!list) followers.set(head, (list = []));
      list.push(i);
    }
  }
  return followers;
}

/** Every k-subset of 0..n−1, in lexicographic order. */
export function kSubsets(n: number, k: number): number[][] {
  const out: number[][] = [];
  const pick: number[] = [];
  const walk = (from: number): void => {
    if (pick.length === k) {
      out.push([...pick]);
      return;
    }
    for (let i = from; i <= n - (k - pick.length); i++) {
      pick.push(i);
      walk(i + 1);
      pick.pop();
    }
  };
  walk(0);
  return out;
}

/**
 * Finds check-ups of different people (within the same unit) sharing at least `k` of their
 * values, without comparing pairs: two check-ups share ≥ k values exactly when they agree on
 * some k-subset of the fields, so every check-up is hashed once per k-subset (C(6,4) = 15)
 * and check-ups falling in one bucket are joined with union-find. A bucket holding the
 * check-ups of one person only links nothing (a person's own repeated check-ups are the
 * plausibility rule's business). Cost O(N · C(n,k)) instead of O(N²).
 *
 * Values are dictionary-encoded per field so that a bucket key is one exact integer (mixed
 * radix) whenever it fits in 2^53, and a string otherwise.
 *
 * @example
 * findIdenticalCheckups([
 *   { serviceId: 1, residentId: 1, unit: 'T', values: [130, 80, 72, 5.6, 60, 80] },
 *   { serviceId: 2, residentId: 2, unit: 'T', values: [130, 80, 72, 5.6, 61, 81] },
 * ], 4).clusters // [[1, 2]]
 */
export function findIdenticalCheckups(
  checkups: readonly CheckupValues[],
  k: number,
  maxPartners = 10,
): IdenticalCheckupResult {
  const count = checkups.length;
  if (count === 0) return { clusters: [], checkups: [] };
  const n = checkups[0]!.values.length;
  if (!Number.isInteger(k) || k < 1 || k > n) throw new RangeError(`k must be an integer from 1 to ${n}`);

  // Dictionary codes: 0 for null, 1.. for distinct values of each field; unit codes 0...
  const codes = new Int32Array(count * n);
  const cardinality = new Array<number>(n).fill(1);
  const dictionaries = Array.from({ length: n }, () => new Map<number, number>());
  const unitCodes = new Int32Array(count);
  const units = new Map<string | null, number>();
  for (let i = 0; i < count; i++) {
    const c = checkups[i]!;
    if (c.values.length !== n) throw new RangeError(`check-up ${c.serviceId}: expected ${n} values`);
    let u = units.get(c.unit);
    if (u === undefined) units.set(c.unit, (u = units.size));
    unitCodes[i] = u;
    for (let f = 0; f < n; f++) {
      const v = c.values[f];
      if (v === null || v === undefined || Number.isNaN(v)) continue;
      const dict = dictionaries[f]!;
      let code = dict.get(v);
      if (code === undefined) {
        code = dict.size + 1;
        dict.set(v, code);
        cardinality[f] = code + 1;
      }
      codes[i * n + f] = code;
    }
  }

  const sets = new DisjointSets(count);
  const matchedMask = new Int32Array(count);
  const partners = new Map<number, Set<number>>();
  const addPartner = (i: number, j: number): void => {
    let s = partners.get(i);
    if (!s) partners.set(i, (s = new Set()));
    if (s.size < maxPartners) s.add(checkups[j]!.serviceId);
  };

  for (const subset of kSubsets(n, k)) {
    let radix = units.size;
    for (const f of subset) radix *= cardinality[f]!;
    const numeric = radix <= Number.MAX_SAFE_INTEGER;
    let mask = 0;
    for (const f of subset) mask |= 1 << f;

    // Bucket heads: an open-addressing table over exact integer keys (typed arrays, no
    // boxing), or a Map of strings when the key would not be exact.
    const followers = numeric
      ? bucketNumeric(count, n, subset, codes, unitCodes, cardinality)
      : bucketStrings(count, n, subset, codes, unitCodes);
    for (const [head, list] of followers) {
      const members = [head, ...list];
      const firstResident = checkups[head]!.residentId;
      if (members.every((m) => checkups[m]!.residentId === firstResident)) continue;
      for (const m of members) {
        sets.union(head, m);
        matchedMask[m]! |= mask;
        for (const o of members) {
          if ((partners.get(m)?.size ?? 0) >= maxPartners) break;
          if (checkups[o]!.residentId !== checkups[m]!.residentId) addPartner(m, o);
        }
      }
    }
  }

  const groups = sets.groups(2);
  const clusters: number[][] = [];
  const found: IdenticalCheckup[] = [];
  for (const group of groups) {
    const ids = group.map((i) => checkups[i]!.serviceId).sort((a, b) => a - b);
    clusters.push(ids);
    for (const i of group) {
      const c = checkups[i]!;
      const fields: number[] = [];
      for (let f = 0; f < n; f++) if (matchedMask[i]! & (1 << f)) fields.push(f);
      found.push({
        serviceId: c.serviceId,
        residentId: c.residentId,
        clusterId: ids[0]!,
        clusterSize: ids.length,
        matchedFields: fields,
        partners: [...(partners.get(i) ?? [])].sort((a, b) => a - b),
      });
    }
  }
  clusters.sort((a, b) => a[0]! - b[0]!);
  found.sort((a, b) => a.serviceId - b.serviceId);
  return { clusters, checkups: found };
}
