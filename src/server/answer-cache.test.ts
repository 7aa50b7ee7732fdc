import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { AnswerCache, countyPrefixOf, etagOf, versionTag } from './answer-cache.js';

const bytes = (n: number): Uint8Array => new Uint8Array(n);

describe('AnswerCache', () => {
  it('keeps the compressed answer under its key, with the key’s entity tag', () => {
    const cache = new AnswerCache(1_000_000);
    const gzip = gzipSync('[{"org":"620802"}]');
    const entry = cache.set('k1', gzip);
    expect(cache.get('k1')).toBe(entry);
    expect(entry.gzip).toBe(gzip);
    expect(entry.etag).toBe(etagOf('k1'));
    expect(cache.get('k2')).toBeUndefined();
  });

  it('counts the compressed bytes against its budget and lets the least recently used go first', () => {
    // Each entry: 2 × 2 bytes of key + 400 bytes + 64 = 468; three fit in 1 500, four do not.
    const cache = new AnswerCache(1_500);
    cache.set('a1', bytes(400));
    cache.set('b2', bytes(400));
    cache.set('c3', bytes(400));
    expect(cache.size).toBe(3);
    cache.get('a1'); // a1 is now the most recently used: b2 goes first
    cache.set('d4', bytes(400));
    expect(cache.size).toBe(3);
    expect(cache.get('b2')).toBeUndefined();
    expect(cache.get('a1')).toBeDefined();
    expect(cache.get('d4')).toBeDefined();
  });

  it('answers an entry it cannot hold without keeping it', () => {
    const cache = new AnswerCache(100);
    const entry = cache.set('big', bytes(500));
    expect(entry.gzip.byteLength).toBe(500);
    expect(cache.get('big')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('replacing a key frees the bytes of the old answer', () => {
    const cache = new AnswerCache(1_000);
    cache.set('k', bytes(800));
    cache.set('k', bytes(800));
    cache.set('k', bytes(800));
    expect(cache.size).toBe(1);
    expect(cache.get('k')?.gzip.byteLength).toBe(800);
  });
});

describe('versionTag', () => {
  it('sums the versions of the counties below the org, beside the whole tree’s', () => {
    const versions = [
      { scope: '*', version: 2 },
      { scope: '620802', version: 7 },
      { scope: '620821', version: 3 },
    ];
    expect(versionTag(versions, '620802102')).toBe('2.7');
    expect(versionTag(versions, '620800')).toBe('2.10');
    expect(countyPrefixOf('620000')).toBe('62');
  });
});
