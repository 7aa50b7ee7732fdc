import type { Migration } from 'kysely';
import type { SqlDialect } from '../dialects/dialect.js';

/**
 * Data versions (issue 11, ADR 0014): one counter per county (`scope` = the county code)
 * and one for the whole tree (`'*'`), advanced by triggers in the transaction of every write
 * to what the indicator table is computed from — the tally nodes (per county), the fact
 * years, the orgs and their population (the whole tree). The server caches indicator answers
 * under the versions it read before computing them, so a cached answer is never older than
 * the last committed write, whoever made it (the server, a CLI import, another process).
 */
export function dataVersions009(dialect: SqlDialect): Migration {
  return {
    async up(db) {
      await dialect
        .clusteredByPrimaryKey(
          db.schema
            .createTable('data_versions')
            .addColumn('scope', 'text', (c) => c.primaryKey())
            .addColumn('version', 'bigint', (c) => c.notNull()),
        )
        .execute();
      const watched: readonly [string, string | null][] = [
        ['indicator_tallies', 'county_code'],
        ['indicator_fact_years', null],
        ['orgs', null],
        ['org_population', null],
      ];
      for (const [table, county] of watched)
        for (const statement of dialect.dataVersionTriggers(table, county)) await statement.execute(db);
    },
  };
}
