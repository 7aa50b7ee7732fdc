import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../test/run-cli.js';
import { fileURLToPath } from 'node:url';
import { packageVersion } from './package-version.js';
import { configureGongwei } from './program.js';

describe('gongwei program', () => {
  it('prints the package version with --version', async () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      version: string;
    };
    const { error } = await runCli(configureGongwei, ['--version']);
    expect(error).toMatchObject({ code: 'commander.version', exitCode: 0, message: pkg.version });
  });

  it('finds the version from the built command too (dist/src/cli, three folders down)', () => {
    const built = fileURLToPath(new URL('../../dist/src/cli/package-version.js', import.meta.url));
    expect(packageVersion(built)).toBe(packageVersion());
    expect(packageVersion()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('names a misspelt option and suggests the right one', async () => {
    const { error } = await runCli(configureGongwei, ['orgs', 'list', '--dbb', 'x.sqlite']);
    expect(error).toMatchObject({ code: 'commander.unknownOption', exitCode: 1 });
    expect((error as Error).message).toContain("unknown option '--dbb'");
    expect((error as Error).message).toContain('Did you mean --db?');
  });

  it('names a misspelt command and suggests the right one', async () => {
    const { error } = await runCli(configureGongwei, ['ogrs', 'list']);
    expect(error).toMatchObject({ code: 'commander.unknownCommand', exitCode: 1 });
    expect((error as Error).message).toContain("unknown command 'ogrs'");
    expect((error as Error).message).toContain('Did you mean orgs?');
  });

  it('names a misspelt subcommand and suggests the right one', async () => {
    const { error } = await runCli(configureGongwei, ['orgs', 'lsit']);
    expect((error as Error).message).toContain("unknown command 'lsit'");
    expect((error as Error).message).toContain('Did you mean list?');
  });
});
