import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openMaintainedDatabase } from '../../composition/maintained-database.js';
import type { Db } from '../../db/database.js';
import { WHOLE_TREE } from '../orgs/org-scope.js';
import { buildHandData } from './indicators.fixture.js';
import { computeIndicatorValues } from './indicator-values.js';

const url = inject('postgresUrl');

async function admin(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url! });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

describe.skipIf(!url)(`SQLite and PostgreSQL${url ? '' : ' — SKIPPED: no PostgreSQL server'}`, () => {
  const dir = mkdtempSync(join(tmpdir(), 'gongwei-agree-'));
  const schema = `gw_test_agree_${process.pid}`;
  let sqlite: Db;
  let postgres: Db;
  beforeAll(async () => {
    sqlite = await openMaintainedDatabase({ file: join(dir, 'a.sqlite') });
    await admin(`create schema ${schema}`);
    postgres = await openMaintainedDatabase({ url: url!, schema });
    await buildHandData(sqlite);
    await buildHandData(postgres);
  });
  afterAll(async () => {
    await sqlite?.close();
    await postgres?.close();
    await admin(`drop schema if exists ${schema} cascade`);
    rmSync(dir, { recursive: true, force: true });
  });

  it('return identical indicator tables for every period kind', async () => {
    for (const period of ['2020', '2020H1', '2020Q3', '2020-06', '2020-03-1', '2019']) {
      const query = { orgCode: '620000', period, depth: 4 };
      const a = await computeIndicatorValues(sqlite, WHOLE_TREE, query);
      expect(a.length).toBeGreaterThan(0);
      expect(await computeIndicatorValues(postgres, WHOLE_TREE, query)).toEqual(a);
    }
  });
});
