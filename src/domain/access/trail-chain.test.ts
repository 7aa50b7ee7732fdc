import { describe, expect, it } from 'vitest';
import {
  CHAIN_START,
  firstBrokenLink,
  trailHash,
  type StoredTrailRow,
  type TrailEntry,
} from './trail-chain.js';

function entry(n: number): TrailEntry {
  return {
    at: `2026-06-0${n}T08:00:00.000Z`,
    actor: `user${n}`,
    role: 'bureau',
    clientAddress: '10.0.0.1',
    requestId: `req-${n}`,
    action: 'resident.read',
    objectType: 'resident',
    objectId: `R${n}`,
    orgCode: '620802100201',
    countyCode: '620802',
    outcome: 'allowed',
    rowCount: n,
    detail: 'GET /api/residents/:recordNo',
  };
}

/** A chain of `length` rows with ids 1..length, as appendTrail writes it. */
function chain(length: number): StoredTrailRow[] {
  const rows: StoredTrailRow[] = [];
  let previous = CHAIN_START;
  for (let id = 1; id <= length; id++) {
    const e = entry(id);
    const hash = trailHash(previous, e);
    rows.push({ ...e, id, previousHash: previous, hash });
    previous = hash;
  }
  return rows;
}

describe('access-trail hash chain', () => {
  it('holds for an untouched chain, whole or in pages linked by the last hash', () => {
    const rows = chain(6);
    expect(firstBrokenLink(rows, CHAIN_START)).toBeNull();
    expect(firstBrokenLink(rows.slice(0, 3), CHAIN_START)).toBeNull();
    expect(firstBrokenLink(rows.slice(3), rows[2]!.hash)).toBeNull();
    expect(firstBrokenLink([], CHAIN_START)).toBeNull();
  });

  it('hashes every field: changing any one changes the hash', () => {
    const e = entry(1);
    const base = trailHash(CHAIN_START, e);
    for (const key of Object.keys(e) as (keyof TrailEntry)[]) {
      const changed = { ...e, [key]: key === 'rowCount' ? 99 : `${String(e[key])}x` } as TrailEntry;
      expect(trailHash(CHAIN_START, changed), key).not.toBe(base);
    }
    expect(trailHash(CHAIN_START, { ...e, role: null })).not.toBe(
      trailHash(CHAIN_START, { ...e, role: 'null' }),
    );
    expect(trailHash('1'.repeat(64), e)).not.toBe(base);
  });

  it('finds an edited row by its own hash', () => {
    const rows = chain(6);
    rows[2] = { ...rows[2]!, actor: 'someone-else' };
    expect(firstBrokenLink(rows, CHAIN_START)).toEqual({ id: 3, reason: 'hash' });
  });

  it('finds an edited row whose hash was recomputed at the next row', () => {
    const rows = chain(6);
    const edited = { ...rows[2]!, outcome: 'refused' as const };
    rows[2] = { ...edited, hash: trailHash(edited.previousHash, edited) };
    expect(firstBrokenLink(rows, CHAIN_START)).toEqual({ id: 4, reason: 'previous_hash' });
  });

  it('finds a removed row at the row after it', () => {
    const rows = chain(6);
    rows.splice(3, 1);
    expect(firstBrokenLink(rows, CHAIN_START)).toEqual({ id: 5, reason: 'previous_hash' });
  });

  it('finds a removed first row: the chain must start at CHAIN_START', () => {
    expect(firstBrokenLink(chain(4).slice(1), CHAIN_START)).toEqual({ id: 2, reason: 'previous_hash' });
  });

  it('finds a swapped pair at the first of the two ids', () => {
    const rows = chain(6);
    const [second, third] = [rows[1]!, rows[2]!];
    rows[1] = { ...third, id: 2 };
    rows[2] = { ...second, id: 3 };
    expect(firstBrokenLink(rows, CHAIN_START)).toEqual({ id: 2, reason: 'previous_hash' });
  });

  it('finds an inserted row: a forged one at itself, a well-linked one at the row after it', () => {
    const rows = chain(6).map((r) => ({ ...r, id: r.id * 10 }));
    const forged = { ...entry(7), id: 25, previousHash: CHAIN_START, hash: 'f'.repeat(64) };
    expect(firstBrokenLink([...rows.slice(0, 2), forged, ...rows.slice(2)], CHAIN_START)).toEqual({
      id: 25,
      reason: 'previous_hash',
    });
    const linked = { ...entry(7), id: 25, previousHash: rows[1]!.hash, hash: '' };
    const wellLinked = { ...linked, hash: trailHash(linked.previousHash, linked) };
    expect(firstBrokenLink([...rows.slice(0, 2), wellLinked, ...rows.slice(2)], CHAIN_START)).toEqual({
      id: 30,
      reason: 'previous_hash',
    });
  });

  it('names only the first broken link when several are broken', () => {
    const rows = chain(6);
    rows[4] = { ...rows[4]!, action: 'x' };
    rows[1] = { ...rows[1]!, action: 'y' };
    expect(firstBrokenLink(rows, CHAIN_START)).toEqual({ id: 2, reason: 'hash' });
  });
});
