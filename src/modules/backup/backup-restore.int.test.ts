import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, expect, it, type TestContext } from 'vitest';
import { describeEachDialect, type TestDatabase } from '../../../test/databases.js';
import { openMaintainedDatabase } from '../../composition/maintained-database.js';
import type { Db, DbTarget } from '../../db/database.js';
import type { ServiceInput } from '../../domain/records/inputs.js';
import { GongweiError } from '../../domain/gongwei-error.js';
import { computeIndicatorValuesBaseline } from '../indicators/indicator-baseline.js';
import { computeIndicatorValues } from '../indicators/indicator-values.js';
import { buildHandData, recordNo, V1, V2 } from '../indicators/indicators.fixture.js';
import { WHOLE_TREE } from '../orgs/org-scope.js';
import { fixtureResident } from '../records/records.fixture.js';
import { writeEnrollments, writeResidents, writeServices } from '../records/write-records.js';
import { backupDatabase, type BackupReport } from './backup-database.js';
import { backupStoreFor } from './backup-stores.js';
import { findOnPath } from './pg-client-tools.js';
import { restoreDatabase } from './restore-database.js';
import { countRows } from './table-counts-repository.js';

const MISSING_PG_TOOLS = ['pg_dump', 'pg_restore'].filter((p) => findOnPath(p) === null);
const dir = mkdtempSync(join(tmpdir(), 'gongwei-backup-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Skips a PostgreSQL test loudly when pg_dump or pg_restore is not installed. */
function needTools(t: TestDatabase, ctx: TestContext): void {
  if (t.db.dialect.name !== 'postgres' || MISSING_PG_TOOLS.length === 0) return;
  const reason = `SKIPPED: ${MISSING_PG_TOOLS.join(' and ')} not on PATH (Debian: apt-get install postgresql-client)`;
  console.warn(`\n========== backup/restore [postgres] ${reason} ==========\n`);
  ctx.skip(reason);
}

const SEED = 300;
const FIRST_WRITTEN = 10_000;

const followup = (seq: number): ServiceInput => ({
  serviceNo: `w-${seq}`,
  recordNo: recordNo(seq, seq % 2 ? V1 : V2),
  type: 'hypertension_followup',
  serviceDate: '2020-05-10',
  orgCode: null,
  institution: null,
  doctor: null,
  payload: {
    sbp: 120 + (seq % 40),
    dbp: 80,
    heartRate: null,
    controlled: seq % 40 < 20,
    guidance: false,
    medicationAdherence: null,
    symptoms: null,
  },
});

/** One person of the write loop: the resident, the enrolment, the follow-up, in three transactions. */
async function writePerson(db: Db, seq: number): Promise<void> {
  const village = seq % 2 ? V1 : V2;
  const no = recordNo(seq, village);
  await writeResidents(db, WHOLE_TREE, [
    fixtureResident(seq, { recordNo: no, orgCode: village, idNumber: null }),
  ]);
  await writeEnrollments(db, WHOLE_TREE, [
    {
      recordNo: no,
      program: 'hypertension',
      startDate: '2020-01-01',
      endDate: null,
      endReason: null,
      detail: null,
    },
  ]);
  await writeServices(db, WHOLE_TREE, [followup(seq)]);
}

/**
 * Writes people one after the other until `stop()`; returns how many it wrote. Between two
 * people it lets the event loop turn, as a server's requests do (better-sqlite3 is
 * synchronous: a loop of resolved promises alone would starve the backup's steps).
 */
function writeLoop(db: Db): { stop(): Promise<number> } {
  let stopping = false;
  let written = 0;
  const loop = (async () => {
    while (!stopping) {
      if (written >= 50_000) throw new Error('the backup did not finish while writes went on');
      await writePerson(db, FIRST_WRITTEN + written);
      written += 1;
      await new Promise((resolve) => setImmediate(resolve));
    }
  })();
  return {
    async stop() {
      stopping = true;
      await loop;
      return written;
    },
  };
}

async function adminQuery(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

describeEachDialect('backup and restore', (t) => {
  const pgDatabase = `gw_restore_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  /** A new, empty database of the same dialect (PostgreSQL: a new database, same schema name). */
  let fresh: DbTarget;
  let backupFile = '';
  let report: BackupReport;
  let before: Record<string, number>;
  let after: Record<string, number>;

  beforeAll(async () => {
    await buildHandData(t.db);
    for (let i = 0; i < SEED; i += 100)
      await writeResidents(
        t.db,
        WHOLE_TREE,
        Array.from({ length: 100 }, (_, k) => fixtureResident(1000 + i + k, { idNumber: null })),
      );
    const { url, schema } = t.target;
    if (url) {
      await adminQuery(url, `create database ${pgDatabase}`);
      const u = new URL(url);
      u.pathname = `/${pgDatabase}`;
      fresh = { url: u.toString(), ...(schema ? { schema } : {}) };
    } else fresh = { file: join(dir, `restored-${t.db.dialect.name}.sqlite`) };
    backupFile = join(dir, `backup-${t.db.dialect.name}.${url ? 'dump' : 'sqlite'}`);
  });

  afterAll(async () => {
    if (t.target.url) await adminQuery(t.target.url, `drop database if exists ${pgDatabase} with (force)`);
  });

  it('takes a checked backup while records are being written', async (ctx) => {
    needTools(t, ctx);
    const writer = writeLoop(t.db);
    await writePerson(t.db, 900); // the loop is under way before the count
    before = await countRows(t.db, ['residents', 'services']);
    const progress: number[] = [];
    try {
      // Small steps on SQLite: the writes land between them and make the copy start over.
      report = await backupDatabase(backupStoreFor(t.target, { pagesPerStep: 4 }), backupFile, {
        onProgress: (done, total) => progress.push(done / total),
      });
    } finally {
      await writer.stop();
    }
    after = await countRows(t.db, ['residents', 'services']);
    expect(after.services!).toBeGreaterThan(before.services!); // writes went on during the backup
    expect(existsSync(backupFile)).toBe(true);
    expect(existsSync(`${backupFile}.partial`)).toBe(false);
    expect(report.migrations).toEqual(await backupStoreFor(t.target).appliedMigrations());
    expect(report.migrations.length).toBeGreaterThanOrEqual(7);
    expect(progress.length).toBeGreaterThan(1);
    expect(progress[progress.length - 1]).toBe(1);
    if (t.db.dialect.name === 'sqlite') {
      expect(report.check).toBe('integrity_check ok');
      expect(report.restarts).toBeGreaterThan(0); // the copy finished in one step after a restart
    }
    for (const table of ['residents', 'services'] as const) {
      expect(report.counts[table]).toBeGreaterThanOrEqual(before[table]!);
      expect(report.counts[table]).toBeLessThanOrEqual(after[table]!);
    }
  });

  it('restores it into a new database: same rows, whole people, facts equal to a recount', async (ctx) => {
    needTools(t, ctx);
    expect(report, 'the backup test ran').toBeDefined();
    const restoredReport = await restoreDatabase(backupStoreFor(fresh), backupFile, () =>
      openMaintainedDatabase(fresh, { create: false }),
    );
    expect(restoredReport.restored).toEqual(report.counts);
    expect(restoredReport.migrations).toEqual(report.migrations);
    expect(restoredReport.integrity).toMatch(/integrity_check ok|constraints valid/);

    const db = await openMaintainedDatabase(fresh, { create: false });
    try {
      const counts = await countRows(db, ['residents', 'services', 'enrollments']);
      for (const table of ['residents', 'services'] as const) {
        expect(counts[table]).toBeGreaterThanOrEqual(before[table]!);
        expect(counts[table]).toBeLessThanOrEqual(after[table]!);
      }
      // Every service's and enrolment's resident is there.
      const orphans = await sql<{ n: number | string }>`
        select count(*) as n from services s
         where s.resident_id is not null and not exists (select 1 from residents r where r.id = s.resident_id)`.execute(
        db.kysely,
      );
      expect(Number(orphans.rows[0]!.n)).toBe(0);
      const orphanEnrolments = await sql<{ n: number | string }>`
        select count(*) as n from enrollments e
         where not exists (select 1 from residents r where r.id = e.resident_id)`.execute(db.kysely);
      expect(Number(orphanEnrolments.rows[0]!.n)).toBe(0);
      // One instant of a writer that writes people one after the other: no one missing in
      // the middle, and every person but the last one written whole.
      const loop = await sql<{ n: number | string; low: number | string; high: number | string }>`
        select count(*) as n, min(seq) as low, max(seq) as high
          from (select cast(substr(record_no, 13, 5) as integer) as seq from residents) people
         where seq >= ${FIRST_WRITTEN}`.execute(db.kysely);
      const people = Number(loop.rows[0]!.n);
      expect(people).toBeGreaterThan(0);
      expect(Number(loop.rows[0]!.low)).toBe(FIRST_WRITTEN);
      expect(Number(loop.rows[0]!.high) - FIRST_WRITTEN + 1).toBe(people);
      const loopServices = await sql<{ n: number | string }>`
        select count(*) as n from services where service_key like ${'%w-%'}`.execute(db.kysely);
      expect(Number(loopServices.rows[0]!.n)).toBeGreaterThanOrEqual(people - 1);
      // The maintained indicator facts agree with a recount from the raw rows.
      for (const period of ['2020Q2', '2020']) {
        const query = { orgCode: '620000', period, depth: 4 };
        const facts = await computeIndicatorValues(db, WHOLE_TREE, query);
        expect(facts.length).toBeGreaterThan(0);
        expect(facts).toEqual(await computeIndicatorValuesBaseline(db, WHOLE_TREE, query));
      }
    } finally {
      await db.close();
    }
  });

  it('refuses a target holding orgs or residents, naming it, and changes nothing', async (ctx) => {
    needTools(t, ctx);
    const beforeRefusal = await countRows(t.db, ['orgs', 'residents', 'services']);
    const refused = restoreDatabase(backupStoreFor(t.target), backupFile, () =>
      openMaintainedDatabase(t.target, { create: false }),
    );
    await expect(refused).rejects.toThrow(GongweiError);
    await expect(refused).rejects.toMatchObject({ code: 'conflict', field: '--db' });
    await expect(refused).rejects.toThrow(/the target database .* is not empty \(orgs \d[\d,]*, residents/);
    expect(await countRows(t.db, ['orgs', 'residents', 'services'])).toEqual(beforeRefusal);
  });

  it('refuses a damaged backup file before touching the target', async (ctx) => {
    needTools(t, ctx);
    const damaged = join(dir, `damaged-${t.db.dialect.name}`);
    writeFileSync(damaged, 'this is no backup');
    const target: DbTarget = t.target.url ? fresh : { file: join(dir, 'never-written.sqlite') };
    const store = backupStoreFor(target);
    await expect(
      restoreDatabase(store, damaged, () => openMaintainedDatabase(target, { create: false })),
    ).rejects.toMatchObject({ code: 'unprocessable' });
    if (target.file) expect(existsSync(target.file)).toBe(false);
  });
});
