/**
 * The cache of indicator answers (ADR 0014): their gzip-compressed JSON, keyed by the question (caller's scope,
 * org, period, depth, indicators) and by the data versions read before it was computed, so
 * that a write committed before a request can never be missing from the answer it gets.
 * Least recently used answers leave first when the byte budget is spent.
 */
import { createHash } from 'node:crypto';
import type { DataVersion } from '../modules/serving/data-versions-repository.js';
import type { OrgScope } from '../modules/orgs/org-scope.js';

/** An answer kept: its JSON compressed with gzip, and its entity tag. */
export interface CachedAnswer {
  readonly gzip: Uint8Array;
  readonly etag: string;
}

/**
 * The digits shared by the county codes of an org's subtree: a province's 2, a city's 4,
 * a county's (and a township's or village's) 6. Version rows of counties starting with them
 * cover the org's tally nodes (a city's own activities carry the city code as county).
 *
 * @example
 * countyPrefixOf('620800'); // '6208'
 * countyPrefixOf('620802102'); // '620802'
 */
export function countyPrefixOf(orgCode: string): string {
  if (orgCode.length > 6) return orgCode.slice(0, 6);
  if (orgCode.endsWith('0000')) return orgCode.slice(0, 2);
  if (orgCode.endsWith('00')) return orgCode.slice(0, 4);
  return orgCode;
}

/**
 * The version of what an answer about `orgCode` reads: the whole tree's version and the sum
 * of the versions of the counties below the org. Every counter only grows, so the sum grows
 * whenever one of them does: a write to any of those counties gives a new tag.
 *
 * @example
 * versionTag([{ scope: '*', version: 2 }, { scope: '620802', version: 7 }, { scope: '620821', version: 3 }], '620802102'); // '2.7'
 */
export function versionTag(versions: readonly DataVersion[], orgCode: string): string {
  const prefix = countyPrefixOf(orgCode);
  let tree = 0;
  let counties = 0;
  for (const v of versions) {
    if (v.scope === '*') tree = v.version;
    else if (v.scope.startsWith(prefix)) counties += v.version;
  }
  return `${tree}.${counties}`;
}

/** A stable text of a scope, for cache keys. */
export function scopeKey(scope: OrgScope): string {
  return scope.kind === 'all'
    ? 'all'
    : scope.roots
        .map((r) => r.code)
        .sort()
        .join('+');
}

/** The entity tag of a cache key (the answer is a function of the key). */
export function etagOf(key: string): string {
  return `"${createHash('sha1').update(key).digest('base64url')}"`;
}

/** Answers by key, least recently used out first beyond `maxBytes`. */
export class AnswerCache {
  private readonly entries = new Map<string, CachedAnswer>();
  private bytes = 0;

  constructor(private readonly maxBytes: number) {}

  /** The answer of `key`, now the most recently used; undefined when not kept. */
  get(key: string): CachedAnswer | undefined {
    const hit = this.entries.get(key);
    if (hit === undefined) return undefined;
    this.entries.delete(key);
    this.entries.set(key, hit);
    return hit;
  }

  /** Keeps `gzip` under `key` (not when it alone exceeds the budget) and returns its entry. */
  set(key: string, gzip: Uint8Array): CachedAnswer {
    const entry = { gzip, etag: etagOf(key) };
    const size = sizeOf(key, gzip);
    if (size > this.maxBytes) return entry;
    const old = this.entries.get(key);
    if (old) {
      this.entries.delete(key);
      this.bytes -= sizeOf(key, old.gzip);
    }
    this.entries.set(key, entry);
    this.bytes += size;
    for (const [k, v] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(k);
      this.bytes -= sizeOf(k, v.gzip);
    }
    return entry;
  }

  /** Answers kept. */
  get size(): number {
    return this.entries.size;
  }
}

/** Approximate bytes held: the key counted at two bytes a character. */
function sizeOf(key: string, gzip: Uint8Array): number {
  return 2 * key.length + gzip.byteLength + 64;
}
