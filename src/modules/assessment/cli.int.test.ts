import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runCli } from '../../../test/run-cli.js';
import { openMaintainedDatabase } from '../../composition/maintained-database.js';
import { DEFAULT_SCHEME_JSON } from '../../domain/assessment/default-scheme.js';
import { registerAssessmentCommands } from './cli.js';
import { listSchemes } from './schemes.js';

let dir = '';
let file = '';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'gongwei-assess-cli-'));
  file = join(dir, 'county.sqlite');
  await (await openMaintainedDatabase({ file }, { create: true })).close();
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('`assess scheme import|list|export --db FILE` use that file, not the default database', async () => {
  const json = join(dir, 'scheme.json');
  writeFileSync(
    json,
    JSON.stringify({ ...DEFAULT_SCHEME_JSON, name: { zh: '县级考核方案', en: 'County scheme' } }),
  );

  const imported = await runCli(registerAssessmentCommands, [
    'assess',
    'scheme',
    'import',
    json,
    '--db',
    file,
  ]);
  expect(imported.error).toBeNull();
  expect(imported.out).toMatch(/ v2 stored/);

  const db = await openMaintainedDatabase({ file }, { create: false });
  try {
    expect((await listSchemes(db)).map((s) => s.version).sort()).toEqual([1, 2]);
  } finally {
    await db.close();
  }

  const listed = await runCli(registerAssessmentCommands, ['assess', 'scheme', 'list', '--db', file]);
  expect(listed.error).toBeNull();
  expect(listed.out.trim().split('\n')).toHaveLength(2);

  const out = join(dir, 'exported.json');
  const exported = await runCli(registerAssessmentCommands, [
    'assess',
    'scheme',
    'export',
    '--db',
    file,
    '--out',
    out,
  ]);
  expect(exported.error).toBeNull();
  expect(readFileSync(out, 'utf8')).toContain('县级考核方案');
});

it('a --db given before the subcommand counts as well', async () => {
  const listed = await runCli(registerAssessmentCommands, ['assess', '--db', file, 'scheme', 'list']);
  expect(listed.error).toBeNull();
  expect(listed.out.trim().split('\n')).toHaveLength(2);
});
