import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/databases.js';
import type { PopulationInput } from '../../domain/orgs/population.js';
import { importDivisionTree, UnknownDivisionError } from './division-import.js';
import { divisionDistDir } from './division-source.js';
import { getOrg, listChildren, listSubtree, updateOrgResponsible } from './org-repository.js';
import { NOTHING, subtreeScope, WHOLE_TREE } from './org-scope.js';
import { InvalidPopulationError, populationOf, upsertPopulation } from './population-repository.js';

/** Rows of one of the package's CSV files whose code starts with `prefix`, parsed by csv-parse. */
function packageCsv(file: string, prefix: string): { code: string; name: string }[] {
  const text = readFileSync(join(divisionDistDir(), file), 'utf8');
  const lines = text.split('\n');
  const wanted = [lines[0], ...lines.slice(1).filter((l) => l.startsWith(prefix))].join('\n');
  return parse(wanted, { columns: true, skip_empty_lines: true }) as { code: string; name: string }[];
}

// Expected figures come from the package's CSV exports, an independent copy of the data the
// importer reads from data.sqlite.
const expected = {
  counties: packageCsv('areas.csv', '6208'),
  townships: packageCsv('streets.csv', '6208'),
  villages: packageCsv('villages.csv', '6208'),
};

function pop(orgCode: string, total: number, overrides: Partial<PopulationInput> = {}): PopulationInput {
  return {
    orgCode,
    year: 2020,
    total,
    age0to6: Math.floor(total * 0.08),
    age65plus: Math.floor(total * 0.12),
    age15plus: Math.floor(total * 0.8),
    age18plus: Math.floor(total * 0.75),
    women15to49: Math.floor(total * 0.24),
    liveBirths: Math.floor(total * 0.01),
    ...overrides,
  };
}

describe('package expectations', () => {
  it('Pingliang has 7 counties in the package', () => {
    expect(expected.counties.map((c) => c.code)).toHaveLength(7);
    expect(expected.townships.length).toBeGreaterThan(100);
  });
});

describeEachDialect('division import and org tree', (t) => {
  let firstImport: Awaited<ReturnType<typeof importDivisionTree>>;
  beforeAll(async () => {
    firstImport = await importDivisionTree(t.db, '620800');
  });

  it('imports the city, its counties, townships and villages as the package ships them', async () => {
    expect(firstImport.byLevel).toEqual({
      1: 0,
      2: 1,
      3: expected.counties.length,
      4: expected.townships.length,
      5: expected.villages.length,
    });
    expect(firstImport.orgs).toBe(1 + 7 + expected.townships.length + expected.villages.length);
    const subtree = await listSubtree(t.db, WHOLE_TREE, '620800');
    expect(subtree).toHaveLength(firstImport.orgs);
    const byLevel = [1, 2, 3, 4, 5].map((l) => subtree.filter((o) => o.level === l).length);
    expect(byLevel).toEqual([0, 1, 7, expected.townships.length, expected.villages.length]);
    // The province is written as an ancestor so every parent code resolves.
    expect(await getOrg(t.db, WHOLE_TREE, '620000')).toMatchObject({
      name: '甘肃省',
      level: 1,
      parentCode: null,
    });
    expect(firstImport.inserted).toBe(firstImport.orgs + 1);
  });

  it('places 华亭市 and 东华镇 in the tree', async () => {
    expect(await getOrg(t.db, WHOLE_TREE, '620881')).toMatchObject({
      name: '华亭市',
      level: 3,
      parentCode: '620800',
      provinceCode: '620000',
      cityCode: '620800',
      countyCode: '620881',
      townshipCode: null,
      urbanRural: null,
    });
    expect(await getOrg(t.db, WHOLE_TREE, '620881100')).toMatchObject({
      name: '东华镇',
      level: 4,
      parentCode: '620881',
      countyCode: '620881',
      townshipCode: '620881100',
      urbanRural: 'rural',
    });
  });

  it('keeps village names as shipped and derives urban/rural from them', async () => {
    const township = packageCsv('streets.csv', '620826110')[0]!;
    const village = await getOrg(t.db, WHOLE_TREE, '620826110209');
    expect(village).toMatchObject({
      name: '屈岔村委会',
      level: 5,
      parentCode: '620826110',
      provinceCode: '620000',
      cityCode: '620800',
      countyCode: '620826',
      townshipCode: '620826110',
      urbanRural: 'rural',
    });
    expect((await getOrg(t.db, WHOLE_TREE, '620826110'))?.name).toBe(township.name);
    expect(township.name).toBe('雷大镇');
    const community = expected.villages.find((v) => v.name.endsWith('居委会'))!;
    expect((await getOrg(t.db, WHOLE_TREE, community.code))?.urbanRural).toBe('urban');
    const street = expected.townships.find((s) => s.name.endsWith('街道'))!;
    expect((await getOrg(t.db, WHOLE_TREE, street.code))?.urbanRural).toBe('urban');
  });

  it('lists children and subtrees to a depth', async () => {
    const counties = await listChildren(t.db, WHOLE_TREE, '620800');
    expect(counties.map((c) => c.code)).toEqual(expected.counties.map((c) => c.code));
    const huatingTownships = expected.townships.filter((s) => s.code.startsWith('620881'));
    const huatingVillages = expected.villages.filter((v) => v.code.startsWith('620881'));
    expect(await listSubtree(t.db, WHOLE_TREE, '620881', 0)).toHaveLength(1);
    expect(await listSubtree(t.db, WHOLE_TREE, '620881', 1)).toHaveLength(1 + huatingTownships.length);
    const whole = await listSubtree(t.db, WHOLE_TREE, '620881');
    expect(whole).toHaveLength(1 + huatingTownships.length + huatingVillages.length);
    expect(whole[0]!.code).toBe('620881');
    // Every org comes after its parent.
    const seen = new Set<string>();
    for (const org of whole) {
      if (org.code !== '620881') expect(seen.has(org.parentCode!)).toBe(true);
      seen.add(org.code);
    }
    const village = (await listSubtree(t.db, WHOLE_TREE, '620826110209'))[0]!;
    expect(village.code).toBe('620826110209');
    expect(await listSubtree(t.db, WHOLE_TREE, '999999')).toEqual([]);
  });

  it('re-imports idempotently, restoring names and keeping responsible fields', async () => {
    await updateOrgResponsible(t.db, WHOLE_TREE, '620881', {
      responsibleInstitution: '华亭市卫生健康局',
      responsiblePerson: '王主任',
      contactPhone: '0933-7712345',
    });
    await updateOrgResponsible(t.db, WHOLE_TREE, '620881100', { urbanRural: 'urban' });
    await t.db.kysely.updateTable('orgs').set({ name: '旧名' }).where('code', '=', '620881100').execute();
    const again = await importDivisionTree(t.db, '620800');
    expect(again.inserted).toBe(0);
    expect(again.updated).toBe(firstImport.orgs + 1);
    expect(await listSubtree(t.db, WHOLE_TREE, '620800')).toHaveLength(firstImport.orgs);
    expect(await getOrg(t.db, WHOLE_TREE, '620881')).toMatchObject({
      responsibleInstitution: '华亭市卫生健康局',
      responsiblePerson: '王主任',
      contactPhone: '0933-7712345',
    });
    expect(await getOrg(t.db, WHOLE_TREE, '620881100')).toMatchObject({
      name: '东华镇',
      urbanRural: 'urban',
    });
  });

  it('imports a county root on its own (already present rows are updated)', async () => {
    const result = await importDivisionTree(t.db, '620881');
    expect(result.byLevel[3]).toBe(1);
    expect(result.inserted).toBe(0);
  });

  it('imports a city without counties (东莞): the city row stands for the county', async () => {
    const townships = packageCsv('streets.csv', '4419');
    const result = await importDivisionTree(t.db, '441900');
    expect(result.byLevel).toMatchObject({ 2: 1, 3: 0, 4: townships.length });
    expect(await getOrg(t.db, WHOLE_TREE, '441900')).toMatchObject({
      level: 2,
      cityCode: '441900',
      countyCode: '441900',
    });
    const children = await listSubtree(t.db, WHOLE_TREE, '441900', 1);
    expect(children).toHaveLength(1 + townships.length);
    expect(children[1]).toMatchObject({ level: 4, parentCode: '441900', countyCode: '441900' });
  });

  it('refuses unknown or malformed roots and writes nothing', async () => {
    const before = await t.db.kysely
      .selectFrom('orgs')
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .executeTakeFirstOrThrow();
    await expect(importDivisionTree(t.db, '629900')).rejects.toBeInstanceOf(UnknownDivisionError);
    await expect(importDivisionTree(t.db, '6208')).rejects.toBeInstanceOf(UnknownDivisionError);
    const after = await t.db.kysely
      .selectFrom('orgs')
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  describe('population', () => {
    const villagesOf = (township: string): string[] =>
      expected.villages.filter((v) => v.code.startsWith(township)).map((v) => v.code);

    it('upserts rows and reports inserted and updated', async () => {
      const [a, b, c] = villagesOf('620881100');
      const first = await t.db.kysely
        .transaction()
        .execute((trx) => upsertPopulation(trx, WHOLE_TREE, [pop(a!, 1000), pop(b!, 2000), pop(c!, 3000)]));
      expect(first).toEqual({ inserted: 3, updated: 0 });
      const second = await t.db.kysely
        .transaction()
        .execute((trx) =>
          upsertPopulation(trx, WHOLE_TREE, [pop(a!, 1100), pop(a!, 1200), pop(c!, 3000, { year: 2019 })]),
        );
      expect(second).toEqual({ inserted: 1, updated: 2 });
      const stored = await t.db.kysely
        .selectFrom('org_population')
        .selectAll()
        .where('org_code', '=', a!)
        .where('year', '=', 2020)
        .executeTakeFirstOrThrow();
      expect(stored.total).toBe(1200);
      expect(stored.age_65_plus).toBe(144);
    });

    it('sums the villages of a subtree, at every level', async () => {
      const [a, b, c] = villagesOf('620881100');
      const township = await populationOf(t.db, WHOLE_TREE, '620881100', 2020);
      expect(township).toMatchObject({ total: 1200 + 2000 + 3000, source: 'villages', villages: 3 });
      expect(township?.age65plus).toBe(144 + 240 + 360);
      const county = await populationOf(t.db, WHOLE_TREE, '620881', 2020);
      const city = await populationOf(t.db, WHOLE_TREE, '620800', 2020);
      expect(county?.total).toBe(6200);
      expect(city?.total).toBe(6200);
      const village = await populationOf(t.db, WHOLE_TREE, b!, 2020);
      expect(village).toMatchObject({ total: 2000, villages: 1 });
      expect((await populationOf(t.db, WHOLE_TREE, c!, 2019))?.total).toBe(3000);
      expect(await populationOf(t.db, WHOLE_TREE, a!, 2019)).toBeNull();
      expect(await populationOf(t.db, WHOLE_TREE, '999999', 2020)).toBeNull();
    });

    it('leaves a band unknown when a summed village lacks it', async () => {
      const [, , , d] = villagesOf('620881100');
      await t.db.kysely
        .transaction()
        .execute((trx) => upsertPopulation(trx, WHOLE_TREE, [pop(d!, 500, { women15to49: null })]));
      const township = await populationOf(t.db, WHOLE_TREE, '620881100', 2020);
      expect(township).toMatchObject({ total: 6700, villages: 4, women15to49: null });
      expect(township?.age0to6).not.toBeNull();
    });

    it("uses the org's own row when none of its villages has one", async () => {
      const township = expected.townships.find((s) => s.code.startsWith('620826'))!.code;
      await t.db.kysely
        .transaction()
        .execute((trx) => upsertPopulation(trx, WHOLE_TREE, [pop(township, 40000)]));
      expect(await populationOf(t.db, WHOLE_TREE, township, 2020)).toMatchObject({
        total: 40000,
        source: 'own',
        villages: 0,
      });
    });

    it('refuses invalid rows and unknown orgs, naming row and field, writing nothing', async () => {
      const [a] = villagesOf('620881101');
      const bad = [pop(a!, 100), pop(a!, 100, { year: 2021, age65plus: 120 }), pop('620881999999', 10)];
      const attempt = t.db.kysely.transaction().execute((trx) => upsertPopulation(trx, WHOLE_TREE, bad));
      await expect(attempt).rejects.toBeInstanceOf(InvalidPopulationError);
      const error = (await attempt.catch((e: unknown) => e)) as InvalidPopulationError;
      // Above the total and above 18+: both reasons are reported.
      expect(error.issues.map((i) => [i.row, i.field, i.reason.en])).toEqual([
        [1, 'age65plus', 'must not exceed the total'],
        [1, 'age65plus', '65+ must not exceed 18+'],
      ]);
      const unknown = (await t.db.kysely
        .transaction()
        .execute((trx) => upsertPopulation(trx, WHOLE_TREE, [pop(a!, 100), pop('620881999999', 10)]))
        .catch((e: unknown) => e)) as InvalidPopulationError;
      expect(unknown.issues).toEqual([expect.objectContaining({ row: 1, field: 'orgCode' })]);
      expect(unknown.message).toContain('row 2');
      const stored = await t.db.kysely
        .selectFrom('org_population')
        .selectAll()
        .where('org_code', '=', a!)
        .execute();
      expect(stored).toEqual([]);
    });

    it('confines children, sums and writes to the scope', async () => {
      const [a, b] = villagesOf('620881100');
      const scope = subtreeScope({ code: b!, level: 5, countyCode: '620881' });
      expect((await listChildren(t.db, scope, '620881100')).map((o) => o.code)).toEqual([b]);
      expect(await populationOf(t.db, scope, '620881100', 2020)).toMatchObject({ total: 2000, villages: 1 });
      expect(await populationOf(t.db, NOTHING, '620881100', 2020)).toBeNull();
      expect((await listSubtree(t.db, scope, b!)).map((o) => o.code)).toEqual([b]);
      await expect(
        t.db.kysely.transaction().execute((trx) => upsertPopulation(trx, scope, [pop(a!, 5)])),
      ).rejects.toBeInstanceOf(InvalidPopulationError);
      expect(await updateOrgResponsible(t.db, scope, a!, { contactPhone: '1' })).toBeNull();
      expect(await getOrg(t.db, WHOLE_TREE, a!)).toMatchObject({ contactPhone: null });
    });

    it('answers an org as the scope sees it: in full inside, without its contact above, null beside', async () => {
      const [a, b] = villagesOf('620881100');
      const contact = {
        responsibleInstitution: '东华镇卫生院',
        responsiblePerson: '王五',
        contactPhone: '13809331234',
      };
      await updateOrgResponsible(t.db, WHOLE_TREE, '620881100', contact);
      await updateOrgResponsible(t.db, WHOLE_TREE, b!, {
        responsiblePerson: '赵六',
        contactPhone: '13909331234',
      });
      const scope = subtreeScope({ code: b!, level: 5, countyCode: '620881' });
      expect(await getOrg(t.db, scope, b!)).toMatchObject({
        responsiblePerson: '赵六',
        contactPhone: '13909331234',
      });
      expect(await getOrg(t.db, scope, '620881100')).toMatchObject({
        name: '东华镇',
        responsibleInstitution: '东华镇卫生院',
        responsiblePerson: null,
        contactPhone: null,
      });
      expect(await getOrg(t.db, scope, a!)).toBeNull();
      expect(await getOrg(t.db, scope, '620826')).toBeNull();
      expect(await getOrg(t.db, NOTHING, '620881100')).toBeNull();
      expect(await getOrg(t.db, WHOLE_TREE, '620881100')).toMatchObject(contact);
      await updateOrgResponsible(t.db, WHOLE_TREE, '620881100', {
        responsibleInstitution: null,
        responsiblePerson: null,
        contactPhone: null,
      });
    });
  });
});
