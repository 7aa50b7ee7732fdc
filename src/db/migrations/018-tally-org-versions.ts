import type { Migration } from 'kysely';
import type { SqlDialect } from '../dialects/dialect.js';

/**
 * Tally versions per org (issue 11, ADR 0022): one counter per (county, year, org), advanced
 * by triggers in the transaction of every insert, update or delete of that org's tally nodes
 * of that year. The server keeps a year's tally nodes in memory
 * (src/modules/indicators/tally-store.ts); when a county's data version has moved, these
 * counters say which orgs to read again, so that a follow-up recorded in one village costs
 * the reading of that village's nodes, not the county's.
 */
export function tallyOrgVersions018(dialect: SqlDialect): Migration {
  return {
    async up(db) {
      await dialect
        .clusteredByPrimaryKey(
          db.schema
            .createTable('tally_org_versions')
            .addColumn('county_code', 'text', (c) => c.notNull())
            .addColumn('year', 'integer', (c) => c.notNull())
            .addColumn('org_code', 'text', (c) => c.notNull())
            .addColumn('version', 'bigint', (c) => c.notNull())
            .addPrimaryKeyConstraint('tally_org_versions_pk', ['county_code', 'year', 'org_code']),
        )
        .execute();
      for (const statement of dialect.keyVersionTriggers('indicator_tallies', {
        table: 'tally_org_versions',
        columns: ['county_code', 'year', 'org_code'],
      }))
        await statement.execute(db);
    },
  };
}
