import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliRun } from '../../../test/run-cli.js';
import { registerInitCommand } from '../../cli/init-command.js';
import { openMaintainedDatabase } from '../../composition/maintained-database.js';
import type { Db } from '../../db/database.js';
import { GongweiError } from '../../domain/gongwei-error.js';
import { buildApp } from '../../server/app.js';
import { withTrailTables } from '../access-trail/trail-tables.js';
import { importDivisionTree } from '../orgs/division-import.js';
import { registerAccountCommands } from './cli.js';

// The use-cases behind these commands are tested on both dialects; this runs the commands
// end to end on an SQLite file and signs in through the API with what they created.
const dir = mkdtempSync(join(tmpdir(), 'gongwei-accounts-cli-'));
const file = join(dir, 'cli.sqlite');
const PASSWORD = 'Cli-pass-2026';

const run = (args: string[], stdin?: string): Promise<CliRun> =>
  runCli(registerAccountCommands, [...args, '--db', file], stdin === undefined ? {} : { stdin });

/** Opens the file the commands write, for checks through the API and the tables. */
async function withFile<T>(work: (db: Db) => Promise<T>): Promise<T> {
  const db = await openMaintainedDatabase({ file });
  try {
    return await work(db);
  } finally {
    await db.close();
  }
}

async function logIn(username: string, password: string): Promise<number> {
  return withFile(async (db) => {
    const app = await buildApp({ db, backgroundJobs: false });
    try {
      return (await app.inject({ method: 'POST', url: '/api/session', payload: { username, password } }))
        .statusCode;
    } finally {
      await app.close();
    }
  });
}

describe('gongwei users and tokens', () => {
  beforeAll(async () => {
    expect((await runCli(registerInitCommand, ['init', '--db', file])).error).toBeNull();
    await withFile((db) => importDivisionTree(db, '620800').then(() => undefined));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('adds a user with the password from standard input; it signs in at once', async () => {
    const { out, error } = await run(
      ['users', 'add', '--username', 'kt.admin', '--role', 'admin', '--org', '620802', '--password-stdin'],
      `${PASSWORD}\n`,
    );
    expect(error).toBeNull();
    expect(out).toContain('Created user kt.admin (admin at 620802)');
    expect(out).not.toContain(PASSWORD);
    expect(await logIn('kt.admin', PASSWORD)).toBe(200);
  });

  it('refuses a user without --password-stdin, a weak password, an unknown role or org', async () => {
    const base = ['users', 'add', '--username', 'kt.viewer', '--role', 'viewer', '--org', '620802'];
    const missing = await run(base);
    expect(missing.error).toBeInstanceOf(GongweiError);
    expect((missing.error as GongweiError).field).toBe('--password-stdin');
    const weak = await run([...base, '--password-stdin'], 'weakpassword\n');
    expect((weak.error as GongweiError).field).toBe('--password-stdin');
    const empty = await run([...base, '--password-stdin'], '');
    expect((empty.error as GongweiError).field).toBe('--password-stdin');
    const unknownOrg = await run(
      ['users', 'add', '--username', 'x.y', '--role', 'viewer', '--org', '620899', '--password-stdin'],
      PASSWORD,
    );
    expect((unknownOrg.error as GongweiError).field).toBe('--org');
    const role = await run(
      ['users', 'add', '--username', 'x.y', '--role', 'root', '--org', '620802', '--password-stdin'],
      PASSWORD,
    );
    expect(role.error).toMatchObject({ code: 'commander.invalidArgument' });
    // The password is never taken from the command line.
    const argv = await run([...base, '--password', PASSWORD]);
    expect(argv.error).toMatchObject({ code: 'commander.unknownOption' });
  });

  it('adds a must-change user, lists users as a table and JSON, below an org', async () => {
    const added = await run(
      [
        'users',
        'add',
        '--username',
        'bs.centre',
        '--role',
        'centre',
        '--org',
        '620802102',
        '--display-name',
        '白水镇卫生院',
        '--must-change',
        '--password-stdin',
      ],
      PASSWORD,
    );
    expect(added.out).toContain('must change the password at first log-in');
    const table = await run(['users', 'list']);
    expect(table.out).toMatch(/bs\.centre\s+白水镇卫生院\s+centre\s+620802102\s+正常 active\s+是 yes/);
    expect(table.out).toContain('共 2 个用户');
    const json = JSON.parse((await run(['users', 'list', '--org', '620802102', '--format', 'json'])).out);
    expect(json.map((u: { username: string }) => u.username)).toEqual(['bs.centre']);
    expect(JSON.stringify(json)).not.toMatch(/argon2|passwordHash/);
  });

  it('locks and unlocks a user, and resets a password that must then be changed', async () => {
    expect((await run(['users', 'lock', 'kt.admin'])).out).toContain('locked kt.admin');
    expect(await logIn('kt.admin', PASSWORD)).toBe(401);
    expect((await run(['users', 'unlock', 'kt.admin'])).out).toContain('unlocked kt.admin');
    expect(await logIn('kt.admin', PASSWORD)).toBe(200);
    const unknown = await run(['users', 'lock', 'nobody']);
    expect((unknown.error as GongweiError).code).toBe('not_found');

    const reset = await run(['users', 'reset', 'kt.admin', '--password-stdin'], 'Reset-pass-2026\n');
    expect(reset.error).toBeNull();
    expect(await logIn('kt.admin', PASSWORD)).toBe(401);
    expect(await logIn('kt.admin', 'Reset-pass-2026')).toBe(200);
    const json = JSON.parse((await run(['users', 'list', '--org', '620802', '--format', 'json'])).out);
    expect(json.find((u: { username: string }) => u.username === 'kt.admin').mustChangePassword).toBe(true);
    expect((await run(['users', 'reset', 'kt.admin'])).error).toBeInstanceOf(GongweiError);
  });

  it('adds a token, printing the secret alone on standard output once; lists and revokes it', async () => {
    const added = await run([
      'tokens',
      'add',
      '--name',
      'his-push',
      '--role',
      'centre',
      '--org',
      '620802102',
    ]);
    expect(added.error).toBeNull();
    const secret = added.out.trim();
    expect(secret).toMatch(/^gwt_[A-Za-z0-9_-]{43}$/);
    expect(added.err).toContain('shown only this once');
    const listed = await run(['tokens', 'list']);
    expect(listed.out).toMatch(/his-push\s+centre\s+620802102\s+有效 live/);
    expect(listed.out).not.toContain(secret);
    const id = (JSON.parse((await run(['tokens', 'list', '--format', 'json'])).out) as { id: number }[])[0]!
      .id;
    const answer = async (): Promise<number> =>
      withFile(async (db) => {
        const app = await buildApp({ db, backgroundJobs: false });
        try {
          return (
            await app.inject({
              method: 'GET',
              url: '/api/orgs/620802102',
              headers: { authorization: `Bearer ${secret}` },
            })
          ).statusCode;
        } finally {
          await app.close();
        }
      });
    expect(await answer()).toBe(200);
    expect((await run(['tokens', 'revoke', String(id)])).out).toContain(`revoked token ${id} his-push`);
    expect(await answer()).toBe(401);
    expect((await run(['tokens', 'list'])).out).toContain('已吊销 revoked');
    const long = await run([
      'tokens',
      'add',
      '--name',
      'x',
      '--role',
      'viewer',
      '--org',
      '620802',
      '--days',
      '367',
    ]);
    expect((long.error as GongweiError).field).toBe('--days');
    expect(((await run(['tokens', 'revoke', 'abc'])).error as GongweiError).field).toBe('<id>');
  });

  it('writes what the operator did to the access trail', async () => {
    const rows = await withFile((db) =>
      withTrailTables(db.kysely)
        .selectFrom('access_trail')
        .select(['actor', 'action', 'object_id', 'detail'])
        .where('detail', '=', 'cli')
        .orderBy('id')
        .execute(),
    );
    const actions = rows.map((r) => r.action);
    for (const action of [
      'user.create',
      'users.read',
      'user.lock',
      'user.unlock',
      'user.password-reset',
      'token.create',
      'token.revoke',
    ])
      expect(actions).toContain(action);
    expect(rows.every((r) => r.actor.startsWith('operator:'))).toBe(true);
  });

  it('prints the roles table that docs/security.md holds', async () => {
    const { out } = await runCli(registerAccountCommands, ['users', 'roles']);
    expect(out).toContain('| `users.manage` |');
    expect(out).toContain('<!-- END roles -->');
  });
});
