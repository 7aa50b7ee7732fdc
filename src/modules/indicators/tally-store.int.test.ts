import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/databases.js';
import { openMaintainedDatabase } from '../../composition/maintained-database.js';
import type { ServiceInput } from '../../domain/records/inputs.js';
import { findOrgLineage, subtreeScope, WHOLE_TREE, type OrgScope } from '../orgs/org-scope.js';
import { upsertServices } from '../records/services-repository.js';
import { loadDataVersions } from '../serving/data-versions-repository.js';
import { loadFactYears } from './facts-repository.js';
import { buildHandData, insertVillageBesideV1, recordNo, TOWNSHIP, V1, V2 } from './indicators.fixture.js';
import { listIndicatorPeople } from './indicator-people.js';
import { computeIndicatorValues, indicatorTableFrom, type IndicatorQuery } from './indicator-values.js';
import { TallyStore } from './tally-store.js';

const COUNTY = '620881';
const SCOPES: readonly [string, OrgScope][] = [
  ['whole tree', WHOLE_TREE],
  ['the county', subtreeScope({ code: COUNTY, level: 3, countyCode: COUNTY })],
  ['the township', subtreeScope({ code: TOWNSHIP, level: 4, countyCode: COUNTY })],
  ['one village', subtreeScope({ code: V2, level: 5, countyCode: COUNTY })],
];
const QUERIES: readonly IndicatorQuery[] = [
  { orgCode: '620000', period: '2020', depth: 4 },
  { orgCode: '620800', period: '2020Q2', depth: 1 },
  { orgCode: COUNTY, period: '2020-03-2', depth: 2 },
  { orgCode: TOWNSHIP, period: '2020H2', depth: 1 },
  { orgCode: V2, period: '2020-12', depth: 0 },
];

function followUp(serviceNo: string, seq: number, date: string, sbp: number): ServiceInput {
  return {
    serviceNo,
    recordNo: recordNo(seq, V1),
    type: 'hypertension_followup',
    serviceDate: date,
    orgCode: null,
    institution: null,
    doctor: null,
    payload: {
      visitMode: 'clinic',
      sbp,
      dbp: 80,
      heartRate: null,
      controlled: sbp < 140,
      guidance: false,
      medicationAdherence: null,
      symptoms: null,
    },
  } as ServiceInput;
}

describeEachDialect('in-memory tallies (ADR 0022)', (t) => {
  beforeAll(async () => {
    await buildHandData(t.db);
  });

  /** Every query in every scope from `store` equals the same query read from the tally rows. */
  async function expectSameAsRows(store: TallyStore): Promise<void> {
    for (const [name, scope] of SCOPES)
      for (const query of QUERIES) {
        let rows;
        try {
          rows = await computeIndicatorValues(t.db, scope, query);
        } catch {
          // An org outside the scope is refused the same way with or without the store.
          await expect(computeIndicatorValues(t.db, scope, query, store)).rejects.toThrow();
          continue;
        }
        expect([name, query, await computeIndicatorValues(t.db, scope, query, store)]).toEqual([
          name,
          query,
          rows,
        ]);
      }
  }

  it('answers every org, depth, period and scope as the tally rows do', async () => {
    const store = new TallyStore();
    await expectSameAsRows(store);
    expect(store.readCounts.counties).toBeGreaterThan(0);
    expect(store.heldBytes).toBeGreaterThan(0);
  });

  it('preloads a year so that answers of that year read no county, and stay right', async () => {
    const store = new TallyStore();
    await store.preload(t.db.kysely, 2020);
    const preloaded = store.readCounts.counties;
    expect(preloaded).toBeGreaterThan(0);
    await expectSameAsRows(store);
    expect(store.readCounts).toEqual({ counties: preloaded, orgs: 0 });
  });

  it('reads again only the village a follow-up changed, and answers with it at once', async () => {
    const store = new TallyStore();
    const query = {
      orgCode: '620800',
      period: '2020Q2',
      depth: 1,
      ids: [
        'hypertension.hearts_under_care',
        'hypertension.hearts_controlled_rate',
        'hypertension.control_rate',
      ],
    };
    const before = await computeIndicatorValues(t.db, WHOLE_TREE, query, store);
    const reads = store.readCounts;
    await t.db.kysely
      .transaction()
      .execute((trx) => upsertServices(trx, WHOLE_TREE, [followUp('store-1', 1, '2020-06-28', 152)]));
    const after = await computeIndicatorValues(t.db, WHOLE_TREE, query, store);
    expect(after).toEqual(await computeIndicatorValues(t.db, WHOLE_TREE, query));
    expect(after.map((v) => v.numerator)).not.toEqual(before.map((v) => v.numerator));
    expect(store.readCounts.counties).toBe(reads.counties);
    expect(store.readCounts.orgs).toBe(reads.orgs + 1);
    // Nothing written since: nothing read.
    await computeIndicatorValues(t.db, WHOLE_TREE, query, store);
    expect(store.readCounts).toEqual({ counties: reads.counties, orgs: reads.orgs + 1 });
  });

  it('sees what another connection wrote (a CLI import beside the server)', async () => {
    const store = new TallyStore();
    await expectSameAsRows(store);
    const other = await openMaintainedDatabase(t.target);
    try {
      await other.kysely
        .transaction()
        .execute((trx) => upsertServices(trx, WHOLE_TREE, [followUp('store-2', 1, '2020-02-14', 150)]));
    } finally {
      await other.close();
    }
    await expectSameAsRows(store);
  });

  it('reads every county again when the org tree or the population changed', async () => {
    const store = new TallyStore();
    await expectSameAsRows(store);
    const counties = store.readCounts.counties;
    await t.db.kysely
      .updateTable('org_population')
      .set((eb) => ({ total: eb('total', '+', 1) }))
      .where('org_code', '=', V1)
      .execute();
    await expectSameAsRows(store);
    expect(store.readCounts.counties).toBeGreaterThan(counties);
  });

  it('answers right when its byte budget keeps nothing', async () => {
    const store = new TallyStore(1);
    await expectSameAsRows(store);
    expect(store.heldBytes).toBe(0);
  });

  it('takes the versions its caller read: older ones keep what is newer, newer ones bring it up', async () => {
    const store = new TallyStore();
    const query = {
      orgCode: COUNTY,
      period: '2020Q2',
      depth: 1,
      ids: ['hypertension.hearts_controlled_rate', 'hypertension.control_rate'],
    };
    const tableAt = (versions: Awaited<ReturnType<typeof loadDataVersions>>): Promise<unknown> =>
      store.read(t.db.kysely, (memory) => indicatorTableFrom(t.db, WHOLE_TREE, query, memory), versions);
    const first = await loadDataVersions(t.db.kysely);
    const before = await tableAt(first);
    const reads = store.readCounts;
    await t.db.kysely
      .transaction()
      .execute((trx) => upsertServices(trx, WHOLE_TREE, [followUp('store-3', 1, '2020-06-29', 125)]));
    // A caller that read its versions before the write is answered from memory, unread.
    expect(await tableAt(first)).toEqual(before);
    expect(store.readCounts).toEqual(reads);
    // One that read them after gets the write.
    const second = await loadDataVersions(t.db.kysely);
    const after = await tableAt(second);
    expect(after).toEqual(await computeIndicatorValues(t.db, WHOLE_TREE, query));
    expect(after).not.toEqual(before);
    expect(store.readCounts).toEqual({ counties: reads.counties, orgs: reads.orgs + 1 });
    // Now the memory is newer than `first`: an answer for it keeps the newer memory.
    expect(await tableAt(first)).toEqual(after);
    expect(store.readCounts).toEqual({ counties: reads.counties, orgs: reads.orgs + 1 });
  });

  it('keeps the maintained years and the org lineages of the tree version it read', async () => {
    const store = new TallyStore();
    const seen = await store.read(t.db.kysely, async (memory) => ({
      years: await memory.factYears(),
      village: await memory.orgLineage(V1),
      unknown: await memory.orgLineage('620881999999'),
    }));
    expect(seen.years).toEqual(await loadFactYears(t.db.kysely));
    expect(seen.years).toContain(2020);
    expect(seen.village).toEqual(await findOrgLineage(t.db.kysely, V1));
    expect(seen.unknown).toBeNull();
    // A village added moves the tree's version: the store reads the tree again and knows it.
    const added = '620881999998';
    await insertVillageBesideV1(t.db.kysely, added, '新增村');
    const after = await store.read(t.db.kysely, (memory) => memory.orgLineage(added));
    expect(after).toEqual(await findOrgLineage(t.db.kysely, added));
    expect(after?.code).toBe(added);
  });

  it('lists the people of a drill-down from its orgs and years in memory as from the database', async () => {
    const store = new TallyStore();
    const fromMemory = <T>(
      use: (memory: Parameters<Parameters<TallyStore['read']>[1]>[0]) => Promise<T>,
    ): Promise<T> => store.read(t.db.kysely, use);
    const outcome = (p: Promise<unknown>): Promise<unknown> =>
      p.then(
        (ok) => ({ ok }),
        (error: unknown) => ({ error: error instanceof Error ? error.message : String(error) }),
      );
    let listed = 0;
    for (const [name, scope] of SCOPES)
      for (const orgCode of [COUNTY, TOWNSHIP, V1, '620881999999'])
        for (const [period, set] of [
          ['2020Q2', 'numerator'],
          ['2020', 'gap'],
          ['2019', 'numerator'],
        ] as const) {
          const query = {
            orgCode,
            period,
            indicator: 'hypertension.control_rate',
            set,
            page: 1,
            pageSize: 100,
          };
          const expected = await outcome(listIndicatorPeople(t.db, scope, query));
          expect([name, query, await outcome(listIndicatorPeople(t.db, scope, query, fromMemory))]).toEqual([
            name,
            query,
            expected,
          ]);
          if ('ok' in (expected as object)) listed += 1;
        }
    // Lists and refusals both: outside the scope, an unknown org, a year without facts.
    expect(listed).toBeGreaterThan(4);
    expect(listed).toBeLessThan(SCOPES.length * 12);
  });
});
