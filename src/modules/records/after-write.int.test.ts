import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../db/database.js';
import { withMaintenanceDeferred, withRecordsMaintainers, type ChangedRecords } from './after-write.js';
import { fixtureResident, insertFixtureOrgs } from './records.fixture.js';
import { WHOLE_TREE } from '../orgs/org-scope.js';
import { upsertResidents } from './residents-repository.js';

// How the maintainers reach the writers: installed on the database by the composition root,
// carried into every transaction. The indicator facts they keep are tested in src/modules/indicators.
describe('after-write maintainers', () => {
  let dir = '';
  let bare: Db;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'gongwei-after-write-'));
    bare = await openDatabase({ file: join(dir, 'db.sqlite') });
    await insertFixtureOrgs(bare.kysely);
  });
  afterAll(async () => {
    await bare?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const residents = async (): Promise<number> =>
    (await bare.kysely.selectFrom('residents').select('id').execute()).length;

  it('refuses a records write through a database opened without them, and writes nothing', async () => {
    await expect(
      bare.kysely.transaction().execute((trx) => upsertResidents(trx, WHOLE_TREE, [fixtureResident(1)])),
    ).rejects.toThrow(/without its after-write maintainers/);
    expect(await residents()).toBe(0);
  });

  it('runs the installed ones in the writing transaction, once per deferred write', async () => {
    const seen: { ids: readonly number[]; inTransaction: boolean }[] = [];
    const db = withRecordsMaintainers(bare, [
      async (trx, changed: ChangedRecords) => {
        seen.push({ ids: changed.residentIds, inTransaction: trx.isTransaction });
      },
    ]);
    await db.kysely.transaction().execute((trx) => upsertResidents(trx, WHOLE_TREE, [fixtureResident(1)]));
    await db.kysely.transaction().execute((trx) =>
      withMaintenanceDeferred(trx, async () => {
        await upsertResidents(trx, WHOLE_TREE, [fixtureResident(2)]);
        await upsertResidents(trx, WHOLE_TREE, [fixtureResident(3)]);
      }),
    );
    expect(seen).toHaveLength(2);
    expect(seen.every((s) => s.inTransaction)).toBe(true);
    expect(seen[1]!.ids).toHaveLength(2);
    // An empty list is a deliberate "maintain nothing"; the last list installed applies.
    const quiet = withRecordsMaintainers(db, []);
    await quiet.kysely.transaction().execute((trx) => upsertResidents(trx, WHOLE_TREE, [fixtureResident(4)]));
    expect(seen).toHaveLength(2);
    expect(await residents()).toBe(4);
  });
});
