import { sql, type Migration } from 'kysely';
import type { SqlDialect } from '../dialects/dialect.js';

/**
 * Memberships kept in the order a drill-down reads them (issue 11): clustered by year,
 * county, org and resident, so that the members of a township or a county are one range of
 * the table, read in order. Before, SQLite found them through the (year, org) index and
 * fetched each row from wherever the primary key (resident, year) had put it: a township's
 * drill-down read 2.5 times longer. The lookup by resident, which the fact maintainer makes,
 * is the unique index (resident, year) that was the primary key. One b-tree fewer than
 * before (the table, the key and the org index), and a little smaller (311 MB against
 * 333 MB on the county demo).
 *
 * The table is rebuilt: the rows are copied in the new key's order, then the old table is
 * dropped. On the city demo (2 M residents, 8 years) that is a minute or two, once.
 */
export function membershipsByOrg025(dialect: SqlDialect): Migration {
  return {
    async up(db) {
      await dialect
        .clusteredByPrimaryKey(
          db.schema
            .createTable('indicator_memberships_by_org')
            .addColumn('resident_id', 'bigint', (c) => c.notNull())
            .addColumn('year', 'integer', (c) => c.notNull())
            .addColumn('county_code', 'text', (c) => c.notNull())
            .addColumn('org_code', 'text', (c) => c.notNull())
            .addColumn('terms', 'text', (c) => c.notNull())
            .addPrimaryKeyConstraint('indicator_memberships_by_org_pk', [
              'year',
              'county_code',
              'org_code',
              'resident_id',
            ]),
        )
        .execute();
      await sql`insert into indicator_memberships_by_org (resident_id, year, county_code, org_code, terms)
        select resident_id, year, county_code, org_code, terms from indicator_memberships
        order by year, county_code, org_code, resident_id`.execute(db);
      await db.schema.dropTable('indicator_memberships').execute();
      await db.schema.alterTable('indicator_memberships_by_org').renameTo('indicator_memberships').execute();
      await db.schema
        .createIndex('indicator_memberships_resident')
        .on('indicator_memberships')
        .columns(['resident_id', 'year'])
        .unique()
        .execute();
    },
  };
}
