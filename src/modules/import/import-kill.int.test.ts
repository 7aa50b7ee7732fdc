import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { describeEachDialect } from '../../../test/databases.js';
import type { DbTarget } from '../../db/database.js';
import { WHOLE_TREE } from '../orgs/org-scope.js';
import { insertFixtureOrgs } from '../records/records.fixture.js';
import { RESIDENT_HEADER, residentLine, writeCsv } from './import.fixture.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../../..');

// The child imports the TypeScript sources through tsx, exactly as the CLI would run them.
const CHILD = `
import { openMaintainedDatabase } from ${JSON.stringify(pathToFileURL(join(root, 'src/composition/maintained-database.ts')).href)};
import { importFile } from ${JSON.stringify(pathToFileURL(join(root, 'src/modules/import/import-file.ts')).href)};
import { WHOLE_TREE } from ${JSON.stringify(pathToFileURL(join(root, 'src/modules/orgs/org-scope.ts')).href)};
const db = await openMaintainedDatabase(JSON.parse(process.argv[2]));
await importFile(db, WHOLE_TREE, 'residents', process.argv[3], {
  chunkRows: 500,
  onProgress: (done, total) => process.stdout.write('chunk ' + done + '/' + total + '\\n'),
});
process.stdout.write('done\\n');
await db.close();
`;

describeEachDialect('import killed part-way', (t) => {
  let dir = '';
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'gongwei-kill-'));
    await insertFixtureOrgs(t.db.kysely);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const residents = async (): Promise<number> =>
    Number(
      (
        await t.db.kysely
          .selectFrom('residents')
          .select(sql<number>`count(*)`.as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('leaves the database exactly as before when the process is killed with SIGKILL', async () => {
    writeCsv(join(dir, 'first.csv'), [RESIDENT_HEADER, residentLine(1), residentLine(2)], 'utf-8');
    const { importFile } = await import('./import-file.js');
    await importFile(t.db, WHOLE_TREE, 'residents', join(dir, 'first.csv'));
    expect(await residents()).toBe(2);

    const lines = [RESIDENT_HEADER];
    for (let i = 1; i <= 30_000; i++) lines.push(residentLine(i));
    writeCsv(join(dir, 'large.csv'), lines, 'utf-8');
    writeFileSync(join(dir, 'child.mts'), CHILD);
    const target: DbTarget =
      t.db.dialect.name === 'sqlite'
        ? { file: t.db.location }
        : { url: inject('postgresUrl')!, schema: /\(schema (\w+)\)$/.exec(t.db.location)![1]! };

    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(dir, 'child.mts'), JSON.stringify(target), join(dir, 'large.csv')],
      {
        cwd: root,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    let errors = '';
    child.stderr.on('data', (d: Buffer) => (errors += d.toString()));
    const killedAfterWriting = await new Promise<boolean>((done) => {
      child.stdout.on('data', (d: Buffer) => {
        output += d.toString();
        // Two chunks written inside the open transaction: the import is well under way.
        if ((output.match(/chunk/g) ?? []).length >= 2 && child.exitCode === null) {
          child.kill('SIGKILL');
          done(true);
        }
      });
      child.on('exit', () => done(false));
    });
    await new Promise((done) =>
      child.exitCode !== null || child.signalCode !== null ? done(null) : child.on('exit', done),
    );
    expect(errors).toBe('');
    expect(killedAfterWriting).toBe(true);
    expect(output).not.toContain('done');
    expect(child.signalCode).toBe('SIGKILL');
    expect(await residents()).toBe(2);
  }, 120_000);
});
