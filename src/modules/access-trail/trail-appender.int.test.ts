import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/databases.js';
import type { TrailEntry } from '../../domain/access/trail-chain.js';
import { TrailAppender } from './trail-appender.js';
import { readChainPage } from './trail-repository.js';
import { verifyTrail } from './verify-trail.js';

function entry(requestId: string, overrides: Partial<TrailEntry> = {}): TrailEntry {
  return {
    at: '2020-06-01T01:00:00.000Z',
    actor: 'tcentre',
    role: 'centre',
    clientAddress: '10.0.0.9',
    requestId,
    action: 'resident.read',
    objectType: 'resident',
    objectId: requestId,
    orgCode: '620802100',
    countyCode: '620802',
    outcome: 'allowed',
    rowCount: null,
    detail: 'GET /api/residents/:recordNo',
    ...overrides,
  };
}

describeEachDialect('access trail appended in batches by the server', (t) => {
  it('writes appends that arrive during a write together, each resolved once its entries are stored', async () => {
    const trail = new TrailAppender(t.db);
    const before = (await verifyTrail(t.db)).rows;
    const stored: boolean[] = [];
    await Promise.all(
      Array.from({ length: 60 }, async (_, i) => {
        // Two entries for some requests (a list and its export), one for the others.
        const entries = i % 3 === 0 ? [entry(`a${i}`), entry(`b${i}`)] : [entry(`a${i}`)];
        await trail.append(entries);
        const rows = await readChainPage(t.db.kysely, 0, 100_000);
        stored.push(entries.every((e) => rows.some((r) => r.requestId === e.requestId)));
      }),
    );
    expect(stored).toHaveLength(60);
    expect(stored.every(Boolean)).toBe(true);
    // The first append is written alone; the 59 that came while it was written, in one more.
    expect(trail.batches).toBe(2);
    expect(await verifyTrail(t.db)).toMatchObject({ rows: before + 80, broken: null });
    // Each request's entries keep their order in the chain.
    const ids = (await readChainPage(t.db.kysely, 0, 100_000)).map((r) => r.requestId);
    expect(ids.indexOf('a0')).toBeLessThan(ids.indexOf('b0'));
    expect(ids.indexOf('a0') + 1).toBe(ids.indexOf('b0'));
  });

  it('fails only the append that cannot be written: its neighbours in the batch are stored', async () => {
    const trail = new TrailAppender(t.db);
    const before = (await verifyTrail(t.db)).rows;
    const broken = entry('broken', { action: null as unknown as string });
    const outcomes = await Promise.allSettled([
      trail.append([entry('first')]),
      trail.append([entry('left')]),
      trail.append([broken]),
      trail.append([entry('right')]),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    const ids = (await readChainPage(t.db.kysely, 0, 100_000)).map((r) => r.requestId);
    expect(ids.slice(-3)).toEqual(['first', 'left', 'right']);
    expect(ids).not.toContain('broken');
    expect(await verifyTrail(t.db)).toMatchObject({ rows: before + 3, broken: null });
    // A later append goes on as usual.
    await trail.append([entry('after')]);
    expect(await verifyTrail(t.db)).toMatchObject({ rows: before + 4, broken: null });
  });
});
