import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { describeEachDialect } from '../../../test/databases.js';
import type { DbTarget } from '../../db/database.js';
import { appendTrail } from './trail-repository.js';
import { verifyTrail } from './verify-trail.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../../..');
const source = (path: string): string => JSON.stringify(pathToFileURL(join(root, path)).href);

// A second process appending as the CLI does beside a running server, through tsx.
const CHILD = `
import { openMaintainedDatabase } from ${source('src/composition/maintained-database.ts')};
import { appendTrail } from ${source('src/modules/access-trail/trail-repository.ts')};
const db = await openMaintainedDatabase(JSON.parse(process.argv[2]));
for (let i = 0; i < 40; i++)
  await appendTrail(db, [{ at: new Date().toISOString(), actor: 'operator:child', role: 'admin',
    clientAddress: null, requestId: String(i), action: 'cli test', objectType: null, objectId: null,
    orgCode: null, countyCode: null, outcome: 'allowed', rowCount: null, detail: null }]);
await db.close();
`;

const SERVER_ENTRY = {
  at: '',
  actor: 'tserver',
  role: 'bureau',
  clientAddress: '127.0.0.1',
  requestId: null,
  action: 'resident.read',
  objectType: null,
  objectId: null,
  orgCode: '620802',
  countyCode: '620802',
  outcome: 'allowed',
  rowCount: null,
  detail: null,
} as const;

describeEachDialect('access trail appended by several processes at once', (t) => {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'gongwei-trail-procs-'));
    writeFileSync(join(dir, 'child.mts'), CHILD);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps one chain: each append waits for the one before', async () => {
    const target: DbTarget =
      t.db.dialect.name === 'sqlite'
        ? { file: t.db.location }
        : { url: inject('postgresUrl')!, schema: /\(schema (\w+)\)$/.exec(t.db.location)![1]! };
    let exited = false;
    const child = new Promise<{ code: number | null; errors: string }>((done) => {
      const process_ = spawn(
        process.execPath,
        ['--import', 'tsx', join(dir, 'child.mts'), JSON.stringify(target)],
        {
          cwd: root,
          stdio: ['ignore', 'ignore', 'pipe'],
        },
      );
      let errors = '';
      process_.stderr.on('data', (d: Buffer) => (errors += d.toString()));
      process_.on('exit', (code) => {
        exited = true;
        done({ code, errors });
      });
    });
    // This process appends all the while the other one runs, so that their appends interleave.
    let appended = 0;
    while (!exited) {
      await appendTrail(t.db, [
        { ...SERVER_ENTRY, at: new Date().toISOString(), requestId: String(appended) },
      ]);
      appended += 1;
      // SQLite answers without leaving the microtask queue: let the child's exit event in.
      await new Promise((done) => setImmediate(done));
    }
    expect(await child).toEqual({ code: 0, errors: '' });
    expect(appended).toBeGreaterThan(40);
    expect(await verifyTrail(t.db)).toMatchObject({ rows: appended + 40, broken: null });
  }, 60_000);
});
