import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, inject } from 'vitest';
import { openMaintainedDatabase } from '../src/composition/maintained-database.js';
import type { Db, DbTarget } from '../src/db/database.js';

/** A fresh, migrated database of one dialect for one `describe` block. */
export interface TestDatabase {
  readonly db: Db;
  /** Where it is (for tests that open it again, e.g. backup and restore). */
  readonly target: DbTarget;
}

/**
 * Runs `body` once per dialect: SQLite in a temporary file, and PostgreSQL in a schema of
 * its own (created before, dropped after) so that concurrent runs never see each other's
 * rows. Without a PostgreSQL server the PostgreSQL block is reported as skipped.
 *
 * @example
 * describeEachDialect('residents repository', (t) => {
 *   it('stores a resident', async () => { await insertResident(t.db, ...); });
 * });
 */
export function describeEachDialect(name: string, body: (t: TestDatabase) => void): void {
  describe(`${name} [sqlite]`, () => {
    const t = { db: undefined as unknown as Db, target: {} as DbTarget };
    let dir = '';
    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'gongwei-test-'));
      t.target = { file: join(dir, 'test.sqlite') };
      t.db = await openMaintainedDatabase(t.target);
    });
    afterAll(async () => {
      await t.db?.close();
      rmSync(dir, { recursive: true, force: true });
    });
    body(t);
  });

  const url = inject('postgresUrl');
  describe.skipIf(!url)(`${name} [postgres]${url ? '' : ' — SKIPPED: no PostgreSQL server'}`, () => {
    const schema = `gw_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
    const t = { db: undefined as unknown as Db, target: { url: url!, schema } };
    beforeAll(async () => {
      await adminQuery(url!, `create schema ${schema}`);
      t.db = await openMaintainedDatabase(t.target);
    });
    afterAll(async () => {
      await t.db?.close();
      await adminQuery(url!, `drop schema if exists ${schema} cascade`);
    });
    body(t);
  });
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
