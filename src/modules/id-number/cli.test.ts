import { afterEach, describe, expect, it, vi } from 'vitest';
import { GongweiError } from '../../domain/gongwei-error.js';
import { runCli } from '../../../test/run-cli.js';
import { registerIdCommands } from './cli.js';

async function run(args: string[], stdin?: string): Promise<{ lines: unknown[]; error: unknown }> {
  const { out, error } = await runCli(registerIdCommands, ['id', ...args], { stdin });
  const lines = out
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as unknown);
  return { lines, error };
}

describe('gongwei id', () => {
  afterEach(() => vi.restoreAllMocks());

  it('prints one JSON object per number with real division names', async () => {
    const { lines, error } = await run([
      '11010519491231002X',
      '620881900101123',
      'abc',
      '--today',
      '2020-06-30',
    ]);
    expect(error).toBeNull();
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatchObject({ valid: true, regionName: '北京市朝阳区', sex: 'F' });
    expect(lines[1]).toMatchObject({
      valid: true,
      legacy: true,
      regionName: '甘肃省平凉市华亭市',
      birthDate: '1990-01-01',
    });
    expect(lines[2]).toMatchObject({ input: 'abc', valid: false, errors: ['LENGTH', 'CHARS'] });
  });

  it('judges birth dates against --today', async () => {
    const { lines } = await run(['620881202007011234', '--today', '2020-06-30']);
    expect((lines[0] as { errors: string[] }).errors).toContain('DATE');
  });

  it('reads numbers from standard input with -', async () => {
    const { lines } = await run(['-'], '11010519491231002x\r\n\n\u3000\n110105491231002\n');
    expect(lines.map((l) => (l as { normalized: string }).normalized)).toEqual([
      '11010519491231002X',
      '11010519491231002X',
    ]);
  });

  it('is a usage error without numbers or with a malformed --today', async () => {
    expect((await run([])).error).toMatchObject({ exitCode: 1 });
    expect((await run(['1', '--today', '2020'])).error).toBeInstanceOf(GongweiError);
    expect((await run(['1', '--region-policy', 'city'])).error).toMatchObject({ exitCode: 1 });
  });
});
