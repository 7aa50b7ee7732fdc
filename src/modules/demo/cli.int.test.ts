import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, type CliRun } from '../../../test/run-cli.js';
import { GongweiError } from '../../domain/gongwei-error.js';
import { registerDemoCommand } from './cli.js';

// The CLI only translates arguments; generateDemo is tested on both dialects. This runs
// the command end to end on an SQLite file, at 1/2000 of the city.
const dir = mkdtempSync(join(tmpdir(), 'gongwei-demo-cli-'));
const file = join(dir, 'demo.sqlite');

const run = (args: string[]): Promise<CliRun> => runCli(registerDemoCommand, ['demo', ...args, '--db', file]);

describe('gongwei demo', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('builds the demo city, reports each phase on stderr and prints the summary', async () => {
    const { out, err, error } = await run(['--fraction', '0.0005', '--seed', '3', '--json']);
    expect(error).toBeNull();
    const summary = JSON.parse(out) as { scale: string; seed: number; orgs: number; residents: number };
    expect(summary).toMatchObject({ scale: 'small', seed: 3, orgs: 1680 });
    expect(summary.residents).toBeGreaterThan(800);
    // Not a terminal here: one line per phase instead of a bar.
    expect(err).toContain('导入区划 division tree');
    expect(err).toContain('档案与服务 records and services');
  });

  it('refuses a database that already holds records with a one-line reason', async () => {
    const { error } = await run(['--fraction', '0.0005']);
    expect(error).toBeInstanceOf(GongweiError);
    expect((error as Error).message).toMatch(/演示数据只写入空数据库.*new file/);
  });

  it('refuses a bad seed, fraction or scale', async () => {
    expect((await run(['--seed', 'abc'])).error).toBeInstanceOf(GongweiError);
    expect((await run(['--fraction', '2'])).error).toBeInstanceOf(GongweiError);
    expect((await run(['--scale', 'country'])).error).toMatchObject({ code: 'commander.invalidArgument' });
  });
});
