import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/databases.js';
import { GongweiError } from '../../domain/gongwei-error.js';
import { importDivisionTree } from './division-import.js';
import {
  NOTHING,
  WHOLE_TREE,
  findOrgLineage,
  orgsInScope,
  rootOf,
  rowsInScope,
  scopeIncludes,
  scopeOfOrg,
  subtreeScope,
  type OrgScope,
} from './org-scope.js';

const VILLAGES = ['620881100201', '620881100202', '620802100201', '620821100201'];

describeEachDialect('org scope predicate', (t) => {
  beforeAll(async () => {
    await importDivisionTree(t.db, '620800');
    const now = '2020-01-01T00:00:00Z';
    const villages = await t.db.kysely
      .selectFrom('orgs')
      .select(['code', 'county_code'])
      .where('level', '=', 5)
      .execute();
    const known = new Set(villages.map((v) => v.code));
    const chosen = VILLAGES.filter((v) => known.has(v));
    // Fall back to real villages of each county when the package names them otherwise.
    const byCounty = new Map<string, string>();
    for (const v of villages) if (!byCounty.has(v.county_code!)) byCounty.set(v.county_code!, v.code);
    const codes = [...new Set([...chosen, ...byCounty.values()])];
    await t.db.kysely
      .insertInto('residents')
      .values(
        codes.map((code, i) => ({
          county_code: code.slice(0, 6),
          record_no: `${code}${String(i).padStart(5, '0')}`,
          name: '测试',
          org_code: code,
          electronic: 1,
          record_created: '2019-01-01',
          created_at: now,
          updated_at: now,
        })),
      )
      .execute();
  });

  async function orgCodes(scope: OrgScope): Promise<string[]> {
    const rows = await t.db.kysely
      .selectFrom('orgs as o')
      .select('o.code')
      .where(orgsInScope(scope, 'o'))
      .execute();
    return rows.map((r) => r.code).sort();
  }
  async function residentOrgs(scope: OrgScope): Promise<string[]> {
    const rows = await t.db.kysely
      .selectFrom('residents as r')
      .select('r.org_code')
      .where(rowsInScope(scope, { county: 'r.county_code', org: 'r.org_code' }))
      .execute();
    return rows.map((r) => r.org_code).sort();
  }

  it('selects exactly the orgs the pure rule includes, at every level', async () => {
    const all = await t.db.kysely
      .selectFrom('orgs')
      .select(['code', 'level', 'province_code', 'city_code', 'county_code', 'township_code'])
      .execute();
    const lineages = all.map((o) => ({
      code: o.code,
      level: Number(o.level) as 1 | 2 | 3 | 4 | 5,
      provinceCode: o.province_code,
      cityCode: o.city_code,
      countyCode: o.county_code,
      townshipCode: o.township_code,
    }));
    for (const code of ['620000', '620800', '620881', '620881100', '620881100201']) {
      const org = (await findOrgLineage(t.db.kysely, code))!;
      if (!org) continue;
      const scope = subtreeScope(rootOf(org));
      const expected = lineages
        .filter((o) => scopeIncludes(scope, o))
        .map((o) => o.code)
        .sort();
      expect(await orgCodes(scope)).toEqual(expected);
      expect(expected).toContain(code);
    }
    expect((await orgCodes(WHOLE_TREE)).length).toBe(all.length);
    expect(await orgCodes(NOTHING)).toEqual([]);
  });

  it('confines rows carrying county and org codes at every level, and unions several roots', async () => {
    const everyone = await residentOrgs(WHOLE_TREE);
    expect(everyone.length).toBeGreaterThanOrEqual(7);
    const huating = (await findOrgLineage(t.db.kysely, '620881'))!;
    expect(await residentOrgs(subtreeScope(rootOf(huating)))).toEqual(
      everyone.filter((c) => c.startsWith('620881')),
    );
    const city = (await findOrgLineage(t.db.kysely, '620800'))!;
    expect(await residentOrgs(subtreeScope(rootOf(city)))).toEqual(everyone);
    const village = (await findOrgLineage(t.db.kysely, everyone[0]!))!;
    expect(await residentOrgs(subtreeScope(rootOf(village)))).toEqual([everyone[0]]);
    const township = (await findOrgLineage(t.db.kysely, everyone[0]!.slice(0, 9)))!;
    expect(await residentOrgs(subtreeScope(rootOf(township)))).toEqual(
      everyone.filter((c) => c.startsWith(township.code)),
    );
    const two = subtreeScope(rootOf(village), rootOf((await findOrgLineage(t.db.kysely, everyone.at(-1)!))!));
    expect(await residentOrgs(two)).toEqual([everyone[0], everyone.at(-1)].sort());
    expect(await residentOrgs(NOTHING)).toEqual([]);
  });

  it('scopeOfOrg narrows the caller scope to the org, refuses an org beside it, names the field of an unknown org', async () => {
    const huating = (await findOrgLineage(t.db.kysely, '620881'))!;
    const { scope } = await scopeOfOrg(t.db.kysely, subtreeScope(rootOf(huating)), '620800');
    expect(scope).toEqual(subtreeScope(rootOf(huating)));
    const outside = await scopeOfOrg(t.db.kysely, subtreeScope(rootOf(huating)), '620802', {
      field: 'org',
    }).catch((e) => e);
    expect(outside).toBeInstanceOf(GongweiError);
    expect([outside.status, outside.field]).toEqual([403, 'org']);
    const error = await scopeOfOrg(t.db.kysely, WHOLE_TREE, '629999', { field: 'orgCode' }).catch((e) => e);
    expect(error).toBeInstanceOf(GongweiError);
    expect(error.status).toBe(404);
    expect(error.field).toBe('orgCode');
    const bad = await scopeOfOrg(t.db.kysely, WHOLE_TREE, '629999', { unknownCode: 'bad_request' }).catch(
      (e) => e,
    );
    expect(bad.status).toBe(400);
  });
});
