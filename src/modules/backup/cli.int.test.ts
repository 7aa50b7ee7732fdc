import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../test/run-cli.js';
import { openMaintainedDatabase } from '../../composition/maintained-database.js';
import { GongweiError } from '../../domain/gongwei-error.js';
import { insertOrgTree } from '../indicators/indicators.fixture.js';
import { WHOLE_TREE } from '../orgs/org-scope.js';
import { fixtureResident } from '../records/records.fixture.js';
import { writeResidents } from '../records/write-records.js';
import { registerBackupCommands } from './cli.js';

const dir = mkdtempSync(join(tmpdir(), 'gongwei-backup-cli-'));
const source = join(dir, 'live.sqlite');

describe('gongwei backup and restore (SQLite)', () => {
  beforeAll(async () => {
    const db = await openMaintainedDatabase({ file: source });
    try {
      await insertOrgTree(db.kysely);
      await writeResidents(db, WHOLE_TREE, [fixtureResident(1), fixtureResident(2), fixtureResident(3)]);
    } finally {
      await db.close();
    }
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes a checked backup and prints what it holds', async () => {
    const out = join(dir, 'backups', 'b1.sqlite');
    const { out: printed, error } = await runCli(registerBackupCommands, [
      'backup',
      '--db',
      source,
      '--out',
      out,
    ]);
    expect(error).toBeNull();
    expect(existsSync(out)).toBe(true);
    expect(existsSync(`${out}-wal`)).toBe(false);
    expect(printed).toContain(`backup written: ${out}`);
    expect(printed).toContain('check: integrity_check ok; 结构版本 migrations');
    expect(printed).toMatch(/residents +3\n/);
  });

  it('never overwrites a file, naming --out', async () => {
    const out = join(dir, 'taken.sqlite');
    writeFileSync(out, 'precious');
    const { error } = await runCli(registerBackupCommands, ['backup', '--db', source, '--out', out]);
    expect(error).toMatchObject({ code: 'conflict', field: '--out' });
  });

  it('restores into a new file, printing the counts of the backup and the restored database', async () => {
    const target = join(dir, 'new', 'restored.sqlite');
    const { out, error } = await runCli(registerBackupCommands, [
      'restore',
      join(dir, 'backups', 'b1.sqlite'),
      '--db',
      target,
    ]);
    expect(error).toBeNull();
    expect(out).toContain(`restored ${join(dir, 'backups', 'b1.sqlite')} into ${target}`);
    expect(out).toContain('restored integrity_check ok');
    expect(out).toMatch(/residents +3 +3\n/);
  });

  it('refuses to restore over a database in use, naming it', async () => {
    const { error } = await runCli(registerBackupCommands, [
      'restore',
      join(dir, 'backups', 'b1.sqlite'),
      '--db',
      source,
    ]);
    expect(error).toBeInstanceOf(GongweiError);
    expect((error as GongweiError).text.en).toBe(
      `the target database ${source} is not empty (orgs 6, residents 3): restore writes only into an empty database; nothing was changed`,
    );
  });
});

describe('gongwei backup and restore without the PostgreSQL client tools', () => {
  const path = process.env.PATH;
  const empty = join(dir, 'empty-path');
  beforeAll(() => {
    mkdirSync(empty, { recursive: true });
    process.env.PATH = empty;
  });
  afterAll(() => {
    process.env.PATH = path;
  });

  it('names what to install, touches nothing and never shows the password', async () => {
    const url = 'postgres://gongwei:Secret-Pa55@127.0.0.1:1/nowhere';
    for (const [args, program] of [
      [['backup', '--db', url, '--out', join(dir, 'pg.dump')], 'pg_dump'],
      [['restore', join(dir, 'pg.dump'), '--db', url], 'pg_restore'],
    ] as const) {
      const { error, out, err } = await runCli(registerBackupCommands, args);
      expect(error).toBeInstanceOf(GongweiError);
      const text = (error as GongweiError).text;
      expect(text.en).toContain(`${program} was not found on PATH`);
      expect(text.en).toContain('apt-get install postgresql-client');
      expect(text.zh).toContain(`找不到 ${program}`);
      expect(`${text.zh}${text.en}${out}${err}`).not.toContain('Secret-Pa55');
    }
    expect(existsSync(join(dir, 'pg.dump'))).toBe(false);
  });
});
