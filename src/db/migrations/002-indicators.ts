import type { Migration } from 'kysely';
import type { SqlDialect } from '../dialects/dialect.js';

/**
 * Maintained indicator facts (see docs/decisions/0005-indicator-engine.md):
 * - indicator_fact_years: the years whose facts are maintained;
 * - indicator_residents: each resident's normalised ID key (to find duplicate peers when it changes);
 * - indicator_memberships: per resident and year, the 36-bit 旬 masks of every term it belongs to;
 * - indicator_tallies: per year, org and term, how many members at each 旬 end, stored as the
 *   nodes of a Fenwick tree over the 36 slots (column `slot` = node; src/domain/indicators/slot-tree.ts):
 *   a flip at one 旬 changes ≤ 6 rows instead of every later 旬, a read sums ≤ 5 rows.
 */
export function indicators002(dialect: SqlDialect): Migration {
  return {
    async up(db) {
      await db.schema
        .createTable('indicator_fact_years')
        .addColumn('year', 'integer', (c) => c.primaryKey())
        .execute();
      await db.schema
        .createTable('indicator_residents')
        .addColumn('resident_id', 'bigint', (c) => c.primaryKey())
        .addColumn('county_code', 'text', (c) => c.notNull())
        .addColumn('id_key', 'text')
        .execute();
      await db.schema
        .createIndex('indicator_residents_key')
        .on('indicator_residents')
        .column('id_key')
        .execute();
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
      // Written many times per import (one row per org, term and tree node touched), so one b-tree fewer matters.
      await dialect
        .clusteredByPrimaryKey(db.schema.createTable('indicator_tallies'))
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('slot', 'integer', (c) => c.notNull())
        .addColumn('org_code', 'text', (c) => c.notNull())
        .addColumn('term', 'text', (c) => c.notNull())
        .addColumn('county_code', 'text', (c) => c.notNull())
        .addColumn('n', 'bigint', (c) => c.notNull())
        // The county (the first 6 digits of the org code) is in the key so that the key alone
        // serves the read (a period's nodes for a set of counties): no second b-tree to update.
        .addPrimaryKeyConstraint('indicator_tallies_pk', ['year', 'slot', 'county_code', 'org_code', 'term'])
        .execute();
    },
    async down(db) {
      for (const t of [
        'indicator_tallies',
        'indicator_memberships',
        'indicator_residents',
        'indicator_fact_years',
      ])
        await db.schema.dropTable(t).execute();
    },
  };
}
