/**
 * A year's tally nodes held in memory, per county (issue 11, ADR 0022), with the org tree and
 * the village population, so that an indicator table is added up from memory instead of
 * reading hundreds of thousands of tally rows and every org of the scope per request. Kept fresh by the database's own counters, never by messages: before answering,
 * the county's data version (migration 009) is compared with the one the county's nodes were
 * read at; when it moved, the per-org tally versions (migration 018) say which orgs changed,
 * and only their nodes are read again. The org tree and the population are kept until the
 * whole tree's version moves. Whoever wrote (this server, a CLI import, another process), an
 * answer is computed from data at least as new as the versions read first.
 *
 * One store per connection: each read worker holds its own (ADR 0014), the in-process
 * reader (PostgreSQL) one for the process.
 */
import { termsOf } from '../../domain/indicators/catalogue.js';
import { prefixNodes } from '../../domain/indicators/slot-tree.js';
import type { OrgLevel } from '../../domain/orgs/division-codes.js';
import { SLOTS_PER_YEAR } from '../../domain/periods/period.js';
import { ancestorAt, scopeIncludes, WHOLE_TREE, type OrgLineage } from '../orgs/org-scope.js';
import { loadDataVersions, type DataVersion } from '../serving/data-versions-repository.js';
import { loadFactYears, type Handle } from './facts-repository.js';
import type { OrgSource, ResolvedQuery } from './indicator-query.js';
import { countyTallyNodes, orgTallyVersions, type OrgTallyNode } from './tally-store-repository.js';
import {
  listOrgsInScope,
  villagePopulationInScope,
  type IndicatorOrg,
  type TermCount,
  type VillagePopulation,
} from './values-repository.js';

/**
 * The inputs of one indicator table taken from a {@link TallyStore}, valid for the one read
 * it was handed to (the versions read at its start).
 */
export interface TallyMemory extends OrgSource {
  /** The village population of the resolved scope in its period's year (as `villagePopulationInScope`). */
  villagePopulation(resolved: ResolvedQuery): Promise<VillagePopulation[]>;
  /** The term counts of the resolved query at its period's end ({@link TallyStore} explains). */
  countsAt(resolved: ResolvedQuery): Promise<TermCount[]>;
  /** The years with maintained facts, ascending (as `loadFactYears`). */
  factYears(): Promise<readonly number[]>;
}

/**
 * One county's year: per org, term-major (term index × 36 + 旬), the count at the end of each
 * 旬 (the stored slot-tree nodes added up once, when read, so an answer reads one number).
 */
interface CountyYear {
  /** The county's data version the nodes are at least as new as. */
  version: number;
  readonly orgVersions: Map<string, number>;
  readonly orgs: Map<string, Int32Array>;
  /**
   * Per org above or at one of this county's orgs, the sum of the nodes of its orgs here
   * (its subtree's part in this county): built when a table first asks, dropped whenever an
   * org of the county is replaced.
   */
  readonly subtrees: Map<string, Int32Array>;
  bytes: number;
}

/** The subtree sum of an org with no org in a county. */
const NO_NODES = new Int32Array(0);

/** Bytes of nodes kept by default (a city's year is ~25 MB). */
const DEFAULT_MAX_BYTES = 128 * 1024 * 1024;

/**
 * Tally nodes of (year, county) in memory, least recently used out first beyond a byte budget.
 *
 * @example
 * const store = new TallyStore();
 * const table = await store.read(db.kysely, async (memory) => memory.countsAt(resolved)); // as tallyNodesInScope, added up per org
 */
export class TallyStore {
  private readonly counties = new Map<string, CountyYear>();
  private readonly termIndex = new Map<string, number>();
  private treeVersion: number | null = null;
  private orgTree: IndicatorOrg[] | null = null;
  private orgByCode: Map<string, OrgLineage> | null = null;
  private years: readonly number[] | null = null;
  private readonly population = new Map<number, VillagePopulation[]>();
  private bytes = 0;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly reads = { counties: 0, orgs: 0 };

  constructor(private readonly maxBytes: number = DEFAULT_MAX_BYTES) {}

  /**
   * Runs `read` with the store's memory, after reading the data versions: what it takes from
   * the memory is at least as new as those versions. Reads run one at a time, so that no
   * county is swapped while another read adds it up.
   *
   * `versions`: the data versions the caller read before asking (the server's main thread
   * reads them for its answer cache), used instead of reading them again. The memory is then
   * at least as new as those, which is all a cached answer keyed by them needs; parts of it
   * newer than they say are kept, not read again.
   *
   * Counts ({@link TallyMemory.countsAt}): for each org of the resolved scope, the sum of its
   * tally nodes up to the period's 旬, added into the org's ancestor at the table's deepest
   * level (the rows `assembleValues` adds up the same way). Only the orgs of the resolved
   * scope count: the in-memory form of `rowsInScope`.
   */
  read<T>(
    h: Handle,
    read: (memory: TallyMemory) => Promise<T>,
    versions?: readonly DataVersion[],
  ): Promise<T> {
    const run = this.queue.then(async () => read(await this.memory(h, versions)));
    this.queue = run.catch(() => undefined);
    return run;
  }

  /**
   * Reads the org tree, the village population of `year` and every county's nodes of `year`
   * ahead of the first answer (a read worker's start), so that the first dashboards of the
   * day are not the ones that wait for a whole city to be read.
   */
  preload(h: Handle, year: number): Promise<void> {
    const run = this.queue.then(async () => {
      const versions = await this.versionsNow(h);
      const tree = await this.tree(h);
      await this.populationOf(h, year);
      // Keyed as `countsAt` keys them: an org above the counties tallies under its own 6 digits.
      for (const county of new Set(tree.map((o) => o.code.slice(0, 6))))
        await this.fresh(h, county, year, versions.get(county) ?? 0);
      this.evict();
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Bytes of nodes held. */
  get heldBytes(): number {
    return this.bytes;
  }

  /** How many times a whole county's year was read, and how many orgs were read again since. */
  get readCounts(): { readonly counties: number; readonly orgs: number } {
    return { ...this.reads };
  }

  private async memory(h: Handle, known?: readonly DataVersion[]): Promise<TallyMemory> {
    const versions = await this.versionsNow(h, known);
    return {
      orgsInScope: async (scope) => {
        // The whole tree once, then each scope's part of it in memory (as `orgsInScope`).
        const tree = await this.tree(h);
        return scope.kind === 'all' ? [...tree] : tree.filter((o) => scopeIncludes(scope, o));
      },
      villagePopulation: async ({ period, scopeOrgs }) =>
        (await this.populationOf(h, period.year)).filter((r) => scopeOrgs.has(r.code)),
      countsAt: async (resolved) => {
        const countyCodes = new Set<string>();
        for (const code of resolved.scopeOrgs.keys()) countyCodes.add(code.slice(0, 6));
        const parts = new Map<string, CountyYear>();
        for (const county of countyCodes)
          parts.set(county, await this.fresh(h, county, resolved.period.year, versions.get(county) ?? 0));
        // Evicted after adding up: the subtree sums built for this answer count in the budget.
        const counts = this.add(resolved, parts);
        this.evict();
        return counts;
      },
      factYears: async () => (this.years ??= await loadFactYears(h)),
      orgLineage: async (code) => {
        // The lineage alone, as `findOrgLineage` answers it: the name stays in the tree.
        this.orgByCode ??= new Map(
          (await this.tree(h)).map(({ code, level, provinceCode, cityCode, countyCode, townshipCode }) => [
            code,
            { code, level, provinceCode, cityCode, countyCode, townshipCode },
          ]),
        );
        return this.orgByCode.get(code) ?? null;
      },
    };
  }

  /**
   * The data versions now (or those the caller read); everything kept goes when the whole
   * tree's version moved past the one it was read at.
   */
  private async versionsNow(h: Handle, known?: readonly DataVersion[]): Promise<Map<string, number>> {
    const versions = new Map((known ?? (await loadDataVersions(h))).map((v) => [v.scope, v.version]));
    const tree = versions.get('*') ?? 0;
    if (this.treeVersion === null || tree > this.treeVersion) {
      // Orgs, population or maintained years changed: nothing kept is trusted.
      this.counties.clear();
      this.bytes = 0;
      this.orgTree = null;
      this.orgByCode = null;
      this.years = null;
      this.population.clear();
      this.treeVersion = tree;
    }
    return versions;
  }

  private async tree(h: Handle): Promise<IndicatorOrg[]> {
    return (this.orgTree ??= await listOrgsInScope(h, WHOLE_TREE));
  }

  private async populationOf(h: Handle, year: number): Promise<VillagePopulation[]> {
    let rows = this.population.get(year);
    if (!rows) this.population.set(year, (rows = await villagePopulationInScope(h, WHOLE_TREE, year)));
    return rows;
  }

  private async fresh(h: Handle, county: string, year: number, version: number): Promise<CountyYear> {
    const key = `${year}:${county}`;
    let part = this.counties.get(key);
    if (part) {
      this.counties.delete(key);
      this.counties.set(key, part);
      // Nodes at least as new as the caller's version will do; a newer part is kept as it is.
      if (part.version >= version) return part;
      const orgVersions = await orgTallyVersions(h, county, year);
      const changed = [...orgVersions]
        .filter(([org, v]) => part!.orgVersions.get(org) !== v)
        .map(([org]) => org);
      const rows = changed.length ? await countyTallyNodes(h, county, year, changed) : [];
      this.reads.orgs += changed.length;
      for (const org of changed) this.replaceOrg(part, org, null);
      this.fill(part, rows);
      for (const org of changed) part.orgVersions.set(org, orgVersions.get(org)!);
      part.version = version;
      return part;
    }
    // Versions first: the nodes read after them are at least as new.
    const orgVersions = await orgTallyVersions(h, county, year);
    const rows = await countyTallyNodes(h, county, year);
    this.reads.counties++;
    part = { version, orgVersions, orgs: new Map(), subtrees: new Map(), bytes: 0 };
    this.fill(part, rows);
    this.counties.set(key, part);
    return part;
  }

  private replaceOrg(part: CountyYear, org: string, nodes: Int32Array | null): void {
    this.dropSubtrees(part);
    const old = part.orgs.get(org);
    if (old) {
      part.bytes -= old.byteLength;
      this.bytes -= old.byteLength;
      part.orgs.delete(org);
    }
    if (nodes) {
      part.orgs.set(org, nodes);
      part.bytes += nodes.byteLength;
      this.bytes += nodes.byteLength;
    }
  }

  private fill(part: CountyYear, rows: readonly OrgTallyNode[]): void {
    const read = new Set<Int32Array>();
    for (const row of rows) {
      let t = this.termIndex.get(row.term);
      if (t === undefined) this.termIndex.set(row.term, (t = this.termIndex.size));
      let nodes = part.orgs.get(row.org_code);
      if (!nodes || nodes.length <= t * SLOTS_PER_YEAR) {
        const wider = new Int32Array(Math.max(this.termIndex.size, 1) * SLOTS_PER_YEAR);
        if (nodes) wider.set(nodes);
        this.replaceOrg(part, row.org_code, (nodes = wider));
      }
      nodes[t * SLOTS_PER_YEAR + row.slot] = row.n;
      read.add(nodes);
    }
    for (const nodes of read) cumulate(nodes);
  }

  private dropSubtrees(part: CountyYear): void {
    for (const sum of part.subtrees.values()) {
      part.bytes -= sum.byteLength;
      this.bytes -= sum.byteLength;
    }
    part.subtrees.clear();
  }

  /**
   * The sum of the nodes of `org`'s subtree in `part`: the orgs of the county under `org` (or
   * `org` itself), as `orgs` (the tree, or a scope holding the whole subtree) knows them.
   */
  private subtreeIn(part: CountyYear, org: OrgLineage, orgs: ReadonlyMap<string, OrgLineage>): Int32Array {
    let sum = part.subtrees.get(org.code);
    if (sum) return sum;
    sum = NO_NODES;
    for (const [code, nodes] of part.orgs) {
      const member = orgs.get(code);
      if (!member || ancestorAt(member, org.level) !== org.code) continue;
      if (sum === NO_NODES) sum = new Int32Array(this.termIndex.size * SLOTS_PER_YEAR);
      for (let i = 0; i < nodes.length; i++) sum[i]! += nodes[i]!;
    }
    part.subtrees.set(org.code, sum);
    part.bytes += sum.byteLength;
    this.bytes += sum.byteLength;
    return sum;
  }

  private evict(): void {
    for (const [key, part] of this.counties) {
      if (this.bytes <= this.maxBytes) return;
      this.counties.delete(key);
      this.bytes -= part.bytes;
    }
  }

  private add(resolved: ResolvedQuery, parts: ReadonlyMap<string, CountyYear>): TermCount[] {
    const { root, depth, period, indicators, scopeOrgs } = resolved;
    const maxLevel = Math.min(5, root.level + depth) as OrgLevel;
    const terms = [...new Set(indicators.flatMap(termsOf))];
    const offsets = terms.map((t) => {
      const index = this.termIndex.get(t);
      return index === undefined ? -1 : index * SLOTS_PER_YEAR;
    });
    const end = period.endSlot;
    const sums = new Map<string, Float64Array>();
    const addInto = (code: string, tally: Int32Array): void => {
      let sum = sums.get(code);
      if (!sum) sums.set(code, (sum = new Float64Array(terms.length)));
      for (let j = 0; j < terms.length; j++) {
        const at = offsets[j]!;
        if (at >= 0 && at < tally.length) sum[j]! += tally[at + end]!;
      }
    };
    if (seesWholeRoot(resolved)) {
      // Every org under the root counts: the table's orgs at its deepest level take their
      // subtree sums, kept between answers; those above take their own nodes.
      for (const org of resolved.orgs) {
        const county = org.code.slice(0, 6);
        if (org.level < maxLevel) {
          const own = parts.get(county)?.orgs.get(org.code);
          if (own) addInto(org.code, own);
          continue;
        }
        // An org of a county or below has its subtree in that county alone.
        const holding = org.level >= 3 ? [parts.get(county)] : [...parts.values()];
        for (const part of holding) {
          const subtree = part ? this.subtreeIn(part, org, scopeOrgs) : NO_NODES;
          if (subtree !== NO_NODES) addInto(org.code, subtree);
        }
      }
      return countsOf(sums, terms);
    }
    for (const part of parts.values())
      for (const [code, tally] of part.orgs) {
        const org = scopeOrgs.get(code);
        if (!org) continue;
        // Below the table's deepest level an org counts only through its ancestor there.
        const ancestor = org.level > maxLevel ? ancestorAt(org, maxLevel) : null;
        addInto(ancestor !== null && scopeOrgs.has(ancestor) ? ancestor : code, tally);
      }
    return countsOf(sums, terms);
  }
}

/**
 * True when the query's scope is the root's whole subtree (the caller sees the root), so
 * that an org's count is its subtree's; false when the caller sees only a part of it.
 */
function seesWholeRoot({ scope, root }: ResolvedQuery): boolean {
  return scope.kind === 'all' || (scope.roots.length === 1 && scope.roots[0]!.code === root.code);
}

/** The non-zero sums as term counts. */
function countsOf(sums: ReadonlyMap<string, Float64Array>, terms: readonly string[]): TermCount[] {
  const out: TermCount[] = [];
  for (const [org_code, sum] of sums)
    for (let j = 0; j < terms.length; j++)
      if (sum[j] !== 0) out.push({ org_code, term: terms[j]!, n: sum[j]! });
  return out;
}

const PREFIX_NODES = Array.from({ length: SLOTS_PER_YEAR }, (_, slot) => prefixNodes(slot));

/** Turns slot-tree nodes (term-major) into the count at each 旬's end, in place. */
function cumulate(tally: Int32Array): void {
  const counts = new Int32Array(SLOTS_PER_YEAR);
  for (let at = 0; at < tally.length; at += SLOTS_PER_YEAR) {
    for (let slot = 0; slot < SLOTS_PER_YEAR; slot++) {
      let n = 0;
      for (const node of PREFIX_NODES[slot]!) n += tally[at + node]!;
      counts[slot] = n;
    }
    tally.set(counts, at);
  }
}
