import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliRun } from '../../../test/run-cli.js';
import { printError } from '../../cli/print-error.js';
import { openMaintainedDatabase } from '../../composition/maintained-database.js';
import type { Db } from '../../db/database.js';
import { GongweiError } from '../../domain/gongwei-error.js';
import { registerOrgCommands } from '../orgs/cli.js';
import { importDivisionTree } from '../orgs/division-import.js';
import { registerAccessLogCommands } from './cli.js';
import { appendTrail } from './trail-repository.js';
import { withTrailTables } from './trail-tables.js';

// The commands translate options and print; the use-cases behind them are tested on both
// dialects in access-trail.int.test.ts. This runs them end to end on an SQLite file.
const dir = mkdtempSync(join(tmpdir(), 'gongwei-trail-cli-'));
const file = join(dir, 'cli.sqlite');
const operator = `operator:${userInfo().username}`;

const run = (args: string[]): Promise<CliRun> =>
  runCli(registerAccessLogCommands, ['access-log', ...args, '--db', file]);

async function trail(db: Db) {
  return withTrailTables(db.kysely).selectFrom('access_trail').selectAll().orderBy('id').execute();
}

describe('gongwei access-log', () => {
  let db: Db;
  beforeAll(async () => {
    db = await openMaintainedDatabase({ file }, { create: true });
    await importDivisionTree(db, '620802');
    await appendTrail(
      db,
      Array.from({ length: 6 }, (_, month) => ({
        at: new Date(2020, month, 10).toISOString(),
        actor: 'tbureau',
        role: 'bureau',
        clientAddress: '10.0.0.1',
        requestId: `r${month}`,
        action: 'resident.read',
        objectType: 'resident',
        objectId: `R${month + 1}`,
        orgCode: '620802001',
        countyCode: '620802',
        outcome: 'allowed' as const,
        rowCount: null,
        detail: null,
      })),
    );
  });
  afterAll(async () => {
    await db?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('verifies: OK with the row count, and records the run as the operator', async () => {
    const before = (await trail(db)).length;
    const { out, error } = await run(['verify']);
    expect(error).toBeNull();
    expect(out).toMatch(
      new RegExp(`^OK: ${before} rows, the chain holds \\(last id \\d+, hash [0-9a-f]{64}\\)`),
    );
    const rows = await trail(db);
    expect(rows).toHaveLength(before + 1);
    expect(rows.at(-1)).toMatchObject({
      actor: operator,
      role: 'admin',
      action: 'cli access-log verify',
      outcome: 'allowed',
      org_code: null,
      detail: 'options --db',
    });
  });

  it('exports between two dates as CSV to a file or JSON lines to standard output', async () => {
    const out = join(dir, 'march-april.csv');
    const csv = await run(['export', '--from', '2020-03-01', '--to', '2020-04-30', '--out', out]);
    expect(csv.error).toBeNull();
    expect(csv.err).toContain('2 rows exported');
    const rows = parse(readFileSync(out, 'utf8'), { columns: true }) as { object_id: string }[];
    expect(rows.map((r) => r.object_id)).toEqual(['R3', 'R4']);
    const jsonl = await run(['export', '--from', '2020-06-10', '--to', '2020-06-10', '--format', 'jsonl']);
    expect(jsonl.error).toBeNull();
    expect(
      jsonl.out
        .trim()
        .split('\n')
        .map((l) => (JSON.parse(l) as { object_id: string }).object_id),
    ).toEqual(['R6']);
    const last = (await trail(db)).slice(-2);
    expect(last.map((r) => [r.action, r.outcome, r.detail])).toEqual([
      ['cli access-log export', 'allowed', 'options --db --from --out --to'],
      ['cli access-log export', 'allowed', 'options --db --format --from --to'],
    ]);
    expect(JSON.stringify(last)).not.toContain(out);
  });

  it('refuses a bad format or date naming the option, and records the run as failed', async () => {
    const format = await run(['export', '--from', '2020-01-01', '--to', '2020-12-31', '--format', 'xlsx']);
    expect(format.error).toBeInstanceOf(GongweiError);
    expect((format.error as GongweiError).field).toBe('--format');
    const date = await run(['export', '--from', '2020-01-01', '--to', '31/12/2020']);
    expect((date.error as GongweiError).field).toBe('--to');
    expect(printError(date.error, { write: () => true })).toBe(1);
    const last = (await trail(db)).slice(-2);
    expect(last.map((r) => [r.action, r.outcome, r.detail])).toEqual([
      ['cli access-log export', 'failed', 'bad_request · options --db --format --from --to'],
      ['cli access-log export', 'failed', 'bad_request · options --db --from --to'],
    ]);
  });

  it('records a command of another module by its option names, never their values or arguments', async () => {
    const res = await runCli(registerOrgCommands, [
      'orgs',
      'set',
      '620802001',
      '--responsible-person',
      '张三丰',
      '--contact-phone',
      '13800001234',
      '--db',
      file,
    ]);
    expect(res.error).toBeNull();
    const last = (await trail(db)).at(-1)!;
    expect(last).toMatchObject({
      actor: operator,
      action: 'cli orgs set',
      outcome: 'allowed',
      detail: 'options --contact-phone --db --responsible-person',
    });
    expect(JSON.stringify(last)).not.toMatch(/张三丰|13800001234|620802001/);
  });

  it('archives only rows older than the retention, removing none', async () => {
    const young = await run([
      'archive',
      '--before',
      new Date().toISOString().slice(0, 10),
      '--out',
      join(dir, 'a'),
    ]);
    expect((young.error as GongweiError).field).toBe('--before');
    const longer = await run([
      'archive',
      '--before',
      '2020-04-01',
      '--out',
      join(dir, 'a'),
      '--retention-months',
      '5',
    ]);
    expect((longer.error as GongweiError).field).toBe('--retention-months');
    const count = (await trail(db)).length;
    const archive = join(dir, 'first-quarter.jsonl');
    const ok = await run(['archive', '--before', '2020-04-01', '--out', archive, '--retention-months', '24']);
    expect(ok.error).toBeNull();
    expect(ok.out).toMatch(/^3 rows archived to .*first-quarter\.jsonl: ids 1\.\.3/);
    expect(readFileSync(archive, 'utf8').trim().split('\n')).toHaveLength(3);
    expect(await trail(db)).toHaveLength(count + 1);
  });

  it('names the first broken row and exits 1; after archived rows are removed, verifies with the archive', async () => {
    await sql`drop trigger access_trail_no_update`.execute(db.kysely);
    await sql`update access_trail set object_id = 'R99' where id = 5`.execute(db.kysely);
    const broken = await run(['verify']);
    expect(broken.error).toBeInstanceOf(GongweiError);
    expect((broken.error as GongweiError).message).toMatch(
      /first at id 5: its content does not match its hash/,
    );
    expect(printError(broken.error, { write: () => true })).toBe(1);
    await sql`update access_trail set object_id = 'R5' where id = 5`.execute(db.kysely);
    expect((await run(['verify'])).error).toBeNull();

    await sql`drop trigger access_trail_no_delete`.execute(db.kysely);
    await sql`delete from access_trail where id <= 3`.execute(db.kysely);
    const pruned = await run(['verify']);
    expect((pruned.error as GongweiError).message).toMatch(/first at id 4: .*pass them with --archive/);
    const withArchive = await run(['verify', '--archive', join(dir, 'first-quarter.jsonl')]);
    expect(withArchive.error).toBeNull();
    expect(withArchive.out).toMatch(/^OK: \d+ rows \+ 3 archived, the chain holds/);
  });
});
