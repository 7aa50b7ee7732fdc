import type { Migration } from 'kysely';

/**
 * The fingerprint of the definitions the indicator facts were computed with (one row; see
 * src/domain/indicators/fact-definitions.ts). No data-version trigger: demoting the years
 * when it changes writes `indicator_fact_years`, whose trigger empties the caches.
 */
export function factDefinitions014(): Migration {
  return {
    async up(db) {
      await db.schema
        .createTable('indicator_fact_definitions')
        .addColumn('fingerprint', 'text', (c) => c.primaryKey())
        .execute();
    },
    async down(db) {
      await db.schema.dropTable('indicator_fact_definitions').execute();
    },
  };
}
