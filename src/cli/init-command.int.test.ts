import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { runCli } from '../../test/run-cli.js';
import { openMaintainedDatabase } from '../composition/maintained-database.js';
import { GongweiError } from '../domain/gongwei-error.js';
import { configureGongwei } from './program.js';

const dir = mkdtempSync(join(tmpdir(), 'gongwei-init-cli-'));

describe('gongwei init, and commands given a database that does not exist', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses a missing database file naming --db, and creates neither the file nor its folders', async () => {
    const file = join(dir, 'typo', 'nested', 'gongwei.sqlite');
    for (const args of [
      ['orgs', 'list'],
      ['indicators', '--org', '620800', '--period', '2020Q2'],
      ['audit', 'counts', '--org', '620800'],
    ]) {
      const { error } = await runCli(configureGongwei, [...args, '--db', file]);
      expect(error).toBeInstanceOf(GongweiError);
      expect(error).toMatchObject({ code: 'not_found', field: '--db' });
      expect((error as GongweiError).text.zh).toContain('数据库文件不存在');
      expect((error as GongweiError).text.en).toContain(`no database at ${file}`);
    }
    expect(existsSync(join(dir, 'typo'))).toBe(false);
  });

  it('creates an empty migrated database with its folders, and is idempotent', async () => {
    const file = join(dir, 'new', 'gongwei.sqlite');
    const first = await runCli(configureGongwei, ['init', '--db', file]);
    expect(first.error).toBeNull();
    expect(first.out).toContain(`database ready: ${file}`);
    expect(existsSync(file)).toBe(true);
    const again = await runCli(configureGongwei, ['init', '--db', file]);
    expect(again.error).toBeNull();
    // Now that it exists, read commands open it.
    const list = await runCli(configureGongwei, ['orgs', 'list', '--format', 'json', '--db', file]);
    expect(list.error).toBeNull();
    expect(JSON.parse(list.out)).toEqual([]);
  });

  it('lets demo create a database', async () => {
    const file = join(dir, 'demo', 'demo.sqlite');
    const { error } = await runCli(configureGongwei, [
      'demo',
      '--fraction',
      '0.0002',
      '--json',
      '--db',
      file,
    ]);
    expect(error).toBeNull();
    expect(existsSync(file)).toBe(true);
  });

  const url = inject('postgresUrl');
  it.skipIf(!url)('leaves PostgreSQL alone: the schema is created on migration as before', async () => {
    const schema = `gw_test_init_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    const db = await openMaintainedDatabase({ url: url!, schema }, { create: false });
    try {
      expect(db.location).toContain(schema);
    } finally {
      await db.close();
      const client = new pg.Client({ connectionString: url! });
      await client.connect();
      await client.query(`drop schema if exists ${schema} cascade`);
      await client.end();
    }
  });
});
