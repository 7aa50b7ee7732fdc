import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import { sql, type RawBuilder } from 'kysely';
import { afterAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/databases.js';
import type { Db } from '../../db/database.js';
import type { TrailEntry } from '../../domain/access/trail-chain.js';
import { trailTimeRange } from '../../domain/access/trail-rules.js';
import { WHOLE_TREE, subtreeScope } from '../orgs/org-scope.js';
import { archiveTrail, exportTrail } from './export-trail.js';
import { appendTrail, listTrail, readChainPage } from './trail-repository.js';
import { withTrailTables } from './trail-tables.js';
import { verifyTrail, verifyWithArchives } from './verify-trail.js';

function entry(at: Date | string, overrides: Partial<TrailEntry> = {}): TrailEntry {
  return {
    at: typeof at === 'string' ? at : at.toISOString(),
    actor: 'tbureau',
    role: 'bureau',
    clientAddress: '10.0.0.9',
    requestId: 'req-1',
    action: 'resident.read',
    objectType: 'resident',
    objectId: '62080210020100001',
    orgCode: '620802100201',
    countyCode: '620802',
    outcome: 'allowed',
    rowCount: null,
    detail: 'GET /api/residents/:recordNo',
    ...overrides,
  };
}

/** Runs `change` as an attacker with database rights would: the append-only trigger dropped first. */
async function asAttacker(db: Db, change: RawBuilder<unknown>): Promise<void> {
  const triggers = db.dialect.appendOnlyTriggers('access_trail');
  if (db.dialect.name === 'sqlite') {
    await sql`drop trigger access_trail_no_update`.execute(db.kysely);
    await sql`drop trigger access_trail_no_delete`.execute(db.kysely);
    await change.execute(db.kysely);
    for (const trigger of triggers) await trigger.execute(db.kysely);
  } else {
    await sql`drop trigger access_trail_append_only on access_trail`.execute(db.kysely);
    await change.execute(db.kysely);
    // The function stays; the trigger comes back.
    await triggers[1]!.execute(db.kysely);
  }
}

async function ids(db: Db): Promise<number[]> {
  return (await readChainPage(db.kysely, 0, 100_000)).map((r) => r.id);
}

/** A writable collecting what is written to it. */
function sink(): { out: Writable; text: () => string } {
  const chunks: string[] = [];
  const out = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  return { out, text: () => chunks.join('') };
}

describeEachDialect('access trail: append-only, verified, exported', (t) => {
  it('refuses UPDATE and DELETE of its rows (the triggers)', async () => {
    await appendTrail(t.db, [entry('2020-06-01T01:00:00.000Z'), entry('2020-06-01T02:00:00.000Z')]);
    const h = withTrailTables(t.db.kysely);
    await expect(h.updateTable('access_trail').set({ actor: 'x' }).execute()).rejects.toThrow(/append-only/);
    await expect(h.deleteFrom('access_trail').execute()).rejects.toThrow(/append-only/);
    await expect(
      sql`update access_trail set outcome = 'refused' where id = 1`.execute(t.db.kysely),
    ).rejects.toThrow(/append-only/);
    expect(await h.selectFrom('access_trail').select('actor').execute()).toEqual([
      { actor: 'tbureau' },
      { actor: 'tbureau' },
    ]);
    if (t.db.dialect.name === 'postgres')
      await expect(sql`truncate access_trail`.execute(t.db.kysely)).rejects.toThrow(/append-only/);
  });

  it('verifies an intact chain in pages, counting its rows', async () => {
    await appendTrail(
      t.db,
      Array.from({ length: 23 }, (_, i) => entry(new Date(Date.UTC(2020, 5, 2, 0, i)), { rowCount: i })),
    );
    const whole = await verifyTrail(t.db);
    const paged = await verifyTrail(t.db, { pageSize: 5 });
    expect(whole.broken).toBeNull();
    expect(paged).toEqual(whole);
    expect(whole.rows).toBe(25);
    expect(whole.last!.id).toBe((await ids(t.db)).at(-1));
  });

  it('finds an edited row by its id, in whichever page it lies', async () => {
    const target = (await ids(t.db))[7]!;
    await asAttacker(t.db, sql`update access_trail set actor = 'someone-else' where id = ${target}`);
    expect((await verifyTrail(t.db, { pageSize: 3 })).broken).toEqual({
      id: target,
      reason: 'hash',
      source: 'table',
    });
    await asAttacker(t.db, sql`update access_trail set actor = 'tbureau' where id = ${target}`);
    expect((await verifyTrail(t.db)).broken).toBeNull();
  });

  it('finds a removed row at the row after it, and the chain holds once it is back', async () => {
    const all = await ids(t.db);
    const [removed, next] = [all[10]!, all[11]!];
    const row = await withTrailTables(t.db.kysely)
      .selectFrom('access_trail')
      .selectAll()
      .where('id', '=', removed)
      .executeTakeFirstOrThrow();
    await asAttacker(t.db, sql`delete from access_trail where id = ${removed}`);
    expect((await verifyTrail(t.db, { pageSize: 4 })).broken).toEqual({
      id: next,
      reason: 'previous_hash',
      source: 'table',
    });
    await withTrailTables(t.db.kysely).insertInto('access_trail').values(row).execute();
    expect((await verifyTrail(t.db)).broken).toBeNull();
  });

  it('keeps the chain intact under 20 concurrent appends', async () => {
    const before = (await verifyTrail(t.db)).rows;
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        appendTrail(t.db, [
          entry(new Date(), { requestId: `c${i}a` }),
          entry(new Date(), { requestId: `c${i}b` }),
        ]),
      ),
    );
    const check = await verifyTrail(t.db);
    expect(check.broken).toBeNull();
    expect(check.rows).toBe(before + 40);
  });

  it('exports the rows between two dates, inclusive, as CSV or JSON lines', async () => {
    const at = (d: number, h: number, m = 0): Date => new Date(2021, 5, d, h, m);
    await appendTrail(t.db, [
      entry(new Date(2021, 4, 31, 23, 59), { objectId: 'before' }),
      entry(at(1, 0), { objectId: 'first' }),
      entry(at(15, 12), { objectId: 'middle', orgCode: '620881100', countyCode: '620881' }),
      entry(at(30, 23, 59), { objectId: 'last', rowCount: 7 }),
      entry(new Date(2021, 6, 1, 0, 0), { objectId: 'after' }),
    ]);
    const range = trailTimeRange({ from: '2021-06-01', to: '2021-06-30' }, { from: 'from', to: 'to' });
    const csv = sink();
    expect(await exportTrail(t.db, WHOLE_TREE, range, 'csv', csv.out, { pageSize: 2 })).toBe(3);
    const rows = parse(csv.text(), { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r.object_id)).toEqual(['first', 'middle', 'last']);
    expect(Object.keys(rows[0]!)).toEqual([
      'id',
      'at',
      'actor',
      'role',
      'client_address',
      'request_id',
      'action',
      'object_type',
      'object_id',
      'org_code',
      'county_code',
      'outcome',
      'row_count',
      'detail',
      'previous_hash',
      'hash',
    ]);
    expect(rows[2]!.row_count).toBe('7');
    const jsonl = sink();
    const scope = subtreeScope({ code: '620802', level: 3, countyCode: '620802' });
    expect(await exportTrail(t.db, scope, range, 'jsonl', jsonl.out)).toBe(2);
    const lines = jsonl
      .text()
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { object_id: string; row_count: number | null; hash: string });
    expect(lines.map((l) => l.object_id)).toEqual(['first', 'last']);
    expect(lines[1]!.row_count).toBe(7);
    expect(lines[1]!.hash).toMatch(/^[0-9a-f]{64}$/);
    const empty = sink();
    const none = trailTimeRange({ from: '2019-01-01', to: '2019-01-31' }, { from: 'from', to: 'to' });
    expect(await exportTrail(t.db, WHOLE_TREE, none, 'csv', empty.out)).toBe(0);
    expect(empty.text().trim()).toBe(
      'id,at,actor,role,client_address,request_id,action,object_type,object_id,org_code,county_code,outcome,row_count,detail,previous_hash,hash',
    );
  });

  it('lists in scope: a county sees its rows, a township its own, rows without an org the whole tree only', async () => {
    await appendTrail(t.db, [
      entry('2022-01-01T00:00:00.000Z', { orgCode: null, countyCode: null, actor: 'anonymous' }),
    ]);
    const all = { fromAt: null, beforeAt: null };
    const page = { order: 'newest-first', beforeId: null, limit: 1000 } as const;
    const county = await listTrail(
      t.db.kysely,
      subtreeScope({ code: '620881', level: 3, countyCode: '620881' }),
      all,
      page,
    );
    expect(county.map((r) => r.object_id)).toEqual(['middle']);
    const whole = await listTrail(t.db.kysely, WHOLE_TREE, { ...all, actor: 'anonymous' }, page);
    expect(whole).toHaveLength(1);
    const refused = await listTrail(t.db.kysely, WHOLE_TREE, { ...all, outcome: 'refused' }, page);
    expect(refused).toHaveLength(0);
  });
});

describeEachDialect(
  'access trail: archive, removal by the documented procedure, verify with archives',
  (t) => {
    const dir = mkdtempSync(join(tmpdir(), 'gongwei-archive-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('archives the chain up to a date, removing nothing', async () => {
      await appendTrail(
        t.db,
        Array.from({ length: 12 }, (_, month) =>
          entry(new Date(Date.UTC(2020, month, 15)), { objectId: `m${month + 1}` }),
        ),
      );
      await appendTrail(t.db, [entry(new Date())]);
      const file = join(dir, 'first-half.jsonl');
      const archive = await archiveTrail(t.db, '2020-07-01T00:00:00.000Z', file, { pageSize: 4 });
      const all = await ids(t.db);
      expect(archive.rows).toBe(6);
      expect(archive.first.id).toBe(all[0]);
      expect(archive.last.id).toBe(all[5]);
      const lines = readFileSync(file, 'utf8').trim().split('\n');
      expect(lines.map((l) => (JSON.parse(l) as { object_id: string }).object_id)).toEqual([
        'm1',
        'm2',
        'm3',
        'm4',
        'm5',
        'm6',
      ]);
      expect(await ids(t.db)).toHaveLength(13);
      const both = await verifyWithArchives(t.db, [file], { pageSize: 4 });
      expect(both.archives).toMatchObject({ rows: 6, broken: null });
      expect(both.table).toMatchObject({ rows: 7, broken: null });
    });

    it('refuses an archive of a broken chain and an archive of nothing, writing no file', async () => {
      await expect(archiveTrail(t.db, '2019-01-01T00:00:00.000Z', join(dir, 'none.jsonl'))).rejects.toThrow(
        /no access-trail rows/,
      );
      const target = (await ids(t.db))[2]!;
      await asAttacker(t.db, sql`update access_trail set outcome = 'refused' where id = ${target}`);
      const file = join(dir, 'broken.jsonl');
      await expect(archiveTrail(t.db, '2020-07-01T00:00:00.000Z', file)).rejects.toThrow(
        new RegExp(`broken at id ${target}`),
      );
      expect(() => readFileSync(file)).toThrow();
      expect(() => readFileSync(`${file}.partial`)).toThrow();
      await asAttacker(t.db, sql`update access_trail set outcome = 'allowed' where id = ${target}`);
    });

    it('after archived rows are removed, verifies only with the archive; a changed archive is found', async () => {
      const file = join(dir, 'first-half.jsonl');
      const all = await ids(t.db);
      await asAttacker(t.db, sql`delete from access_trail where id <= ${all[5]!}`);
      expect((await verifyTrail(t.db)).broken).toEqual({
        id: all[6],
        reason: 'previous_hash',
        source: 'table',
      });
      const check = await verifyWithArchives(t.db, [file]);
      expect(check.archives.broken).toBeNull();
      expect(check.table).toMatchObject({ rows: 7, broken: null });

      const edited = join(dir, 'edited.jsonl');
      const lines = readFileSync(file, 'utf8').trim().split('\n');
      lines[3] = lines[3]!.replace('"m4"', '"m4x"');
      writeFileSync(edited, `${lines.join('\n')}\n`);
      expect((await verifyWithArchives(t.db, [edited])).archives.broken).toEqual({
        id: all[3],
        reason: 'hash',
        source: edited,
      });
    });
  },
);
