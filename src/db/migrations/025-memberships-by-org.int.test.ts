import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/databases.js';
import {
  factTables,
  loadMemberships,
  updateMembershipTerms,
} from '../../modules/indicators/facts-repository.js';
import { membershipsInScope } from '../../modules/indicators/values-repository.js';
import { subtreeScope } from '../../modules/orgs/org-scope.js';
import { membershipsByOrg025 } from './025-memberships-by-org.js';

/** Rows as the table held them before 025: keyed by resident and year, in resident order. */
const BEFORE = [
  { resident_id: 1, year: 2020, county_code: '620881', org_code: '620881101201', terms: '|a=1|' },
  { resident_id: 2, year: 2020, county_code: '620802', org_code: '620802100201', terms: '|a=2|b=4|' },
  { resident_id: 2, year: 2021, county_code: '620802', org_code: '620802100201', terms: '|b=8|' },
  { resident_id: 3, year: 2020, county_code: '620881', org_code: '620881100201', terms: '|a=1|' },
  { resident_id: 4, year: 2020, county_code: '620881', org_code: '620881101201', terms: '|b=1|' },
];

describeEachDialect('migration 025: memberships clustered by year, county, org and resident', (t) => {
  it('keeps every row, finds a county by its range and a resident by the unique key', async () => {
    const db = t.db.kysely;
    // The table as migration 002 made it, with rows, then 025 applied to it.
    await db.schema.dropTable('indicator_memberships').execute();
    await db.schema
      .createTable('indicator_memberships')
      .addColumn('resident_id', 'bigint', (c) => c.notNull())
      .addColumn('year', 'integer', (c) => c.notNull())
      .addColumn('county_code', 'text', (c) => c.notNull())
      .addColumn('org_code', 'text', (c) => c.notNull())
      .addColumn('terms', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('indicator_memberships_pk', ['resident_id', 'year'])
      .execute();
    await db.schema
      .createIndex('indicator_memberships_org')
      .on('indicator_memberships')
      .columns(['year', 'org_code'])
      .execute();
    await sql`insert into indicator_memberships (resident_id, year, county_code, org_code, terms) values
      ${sql.join(BEFORE.map((r) => sql`(${r.resident_id}, ${r.year}, ${r.county_code}, ${r.org_code}, ${r.terms})`))}`.execute(
      db,
    );
    await membershipsByOrg025(t.db.dialect).up(db);

    const after = await factTables(db)
      .selectFrom('indicator_memberships')
      .select(['resident_id', 'year', 'county_code', 'org_code', 'terms'])
      .orderBy('resident_id')
      .orderBy('year')
      .execute();
    expect(after.map((r) => ({ ...r, resident_id: Number(r.resident_id) }))).toEqual(BEFORE);

    // A county's members of a year: its range, in resident order.
    const county = subtreeScope({ code: '620881', level: 3, countyCode: '620881' });
    expect((await membershipsInScope(db, county, 2020, 'a')).map((r) => r.resident_id)).toEqual([1, 3]);
    expect((await membershipsInScope(db, county, 2020, 'b')).map((r) => r.resident_id)).toEqual([4]);

    // The fact maintainer's reads and upserts by (resident, year) still find their row.
    expect((await loadMemberships(db, [2], 2021)).map((m) => m.terms)).toEqual(['|b=8|']);
    await updateMembershipTerms(db, [
      { residentId: 2, year: 2020, countyCode: '620802', orgCode: '620802100201', terms: '|a=3|' },
    ]);
    const stored = (await loadMemberships(db, [2])).sort((a, b) => a.year - b.year);
    expect(stored.map((m) => [m.year, m.terms])).toEqual([
      [2020, '|a=3|'],
      [2021, '|b=8|'],
    ]);
    await expect(
      sql`insert into indicator_memberships (resident_id, year, county_code, org_code, terms)
        values (1, 2020, '620802', '620802100201', '|a=1|')`.execute(db),
    ).rejects.toThrow(/unique|UNIQUE/);
  });
});
