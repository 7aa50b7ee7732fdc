import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../test/databases.js';
import { insertOrgTree, insertVillageBesideV1, V1 } from '../modules/indicators/indicators.fixture.js';
import { findOrgLineage } from '../modules/orgs/org-scope.js';
import { loadDataVersions } from '../modules/serving/data-versions-repository.js';
import { OrgLineages } from './org-lineages.js';

const NEW_VILLAGE = `${V1.slice(0, 9)}299`;

describeEachDialect('org lineages kept under the tree version', (t) => {
  beforeAll(async () => {
    await insertOrgTree(t.db.kysely);
  });

  it('answers as the orgs table does, and sees an org added once the tree version moves', async () => {
    const lineages = new OrgLineages();
    const first = await loadDataVersions(t.db.kysely);
    expect(await lineages.find(t.db.kysely, first, V1)).toEqual(await findOrgLineage(t.db.kysely, V1));
    expect(await lineages.find(t.db.kysely, first, NEW_VILLAGE)).toBeNull();

    await insertVillageBesideV1(t.db.kysely, NEW_VILLAGE, '新村委会');
    // A request that read the versions before the insert may be told the org is unknown…
    expect(await lineages.find(t.db.kysely, first, NEW_VILLAGE)).toBeNull();
    // …one that read them after is not: the insert moved the whole tree's version.
    const second = await loadDataVersions(t.db.kysely);
    expect(second).not.toEqual(first);
    const found = await lineages.find(t.db.kysely, second, NEW_VILLAGE);
    expect(found).toEqual(await findOrgLineage(t.db.kysely, NEW_VILLAGE));
    expect(found?.code).toBe(NEW_VILLAGE);
    // An older request after the newer one is answered from what the newer one kept.
    expect(await lineages.find(t.db.kysely, first, NEW_VILLAGE)).toEqual(found);
  });
});
