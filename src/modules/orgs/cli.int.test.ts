import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GongweiError } from '../../domain/gongwei-error.js';
import { runCli, type CliRun } from '../../../test/run-cli.js';
import { registerInitCommand } from '../../cli/init-command.js';
import { registerOrgCommands } from './cli.js';

// The CLI only translates arguments; the repositories are tested on both dialects. This
// runs the commands end to end on an SQLite file.
const dir = mkdtempSync(join(tmpdir(), 'gongwei-orgs-cli-'));
const file = join(dir, 'cli.sqlite');

const run = (args: string[]): Promise<CliRun> => runCli(registerOrgCommands, ['orgs', ...args, '--db', file]);

describe('gongwei orgs', () => {
  // Only init, demo and start create a database; the orgs commands refuse a missing file.
  beforeAll(async () => {
    expect((await runCli(registerInitCommand, ['init', '--db', file])).error).toBeNull();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('imports a division tree and says what it imported', async () => {
    const { out, error } = await run(['import', '--from-division', '620881']);
    expect(error).toBeNull();
    expect(out).toMatch(/已导入 华亭市 620881：1 县、\d+ 乡镇、\d+ 村居/);
  });

  it('lists a subtree as a table or JSON', async () => {
    const table = await run(['list', '--org', '620881']);
    expect(table.out).toContain('东华镇');
    expect(table.out).not.toContain('东华社区居委会');
    const json = await run(['list', '--org', '620881100', '--depth', '1', '--format', 'json']);
    const rows = JSON.parse(json.out) as { code: string; level: number }[];
    expect(rows[0]!.code).toBe('620881100');
    expect(rows.slice(1).every((r) => r.level === 5)).toBe(true);
    const top = await run(['list', '--depth', '0', '--format', 'json']);
    expect((JSON.parse(top.out) as { code: string }[]).map((r) => r.code)).toEqual(['620000']);
  });

  it('sets responsible fields and the urban/rural type', async () => {
    const { out } = await run([
      'set',
      '620881100',
      '--responsible-institution',
      '东华镇卫生院',
      '--urban-rural',
      'urban',
    ]);
    expect(JSON.parse(out)).toMatchObject({ responsibleInstitution: '东华镇卫生院', urbanRural: 'urban' });
    const cleared = await run(['set', '620881100', '--responsible-institution', '']);
    expect(JSON.parse(cleared.out)).toMatchObject({ responsibleInstitution: null, urbanRural: 'urban' });
  });

  it('fails with a one-line reason on bad usage', async () => {
    expect((await run(['import', '--from-division', '62'])).error).toBeInstanceOf(GongweiError);
    expect((await run(['import', '--from-division', '629999'])).error).toBeInstanceOf(GongweiError);
    expect((await run(['set', '620899', '--contact-phone', '1'])).error).toBeInstanceOf(GongweiError);
    expect((await run(['set', '620881'])).error).toBeInstanceOf(GongweiError);
    expect((await run(['set', '620881', '--urban-rural', 'suburb'])).error).toMatchObject({ exitCode: 1 });
    expect((await run(['list', '--org', '620899'])).error).toBeInstanceOf(GongweiError);
    expect((await run(['list', '--depth', '-1'])).error).toBeInstanceOf(GongweiError);
    expect((await run(['population', '620881', '--year', '2020'])).error).toBeInstanceOf(GongweiError);
  });
});
