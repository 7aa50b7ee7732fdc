import type { Migration } from 'kysely';

/**
 * Years whose indicator facts are being prepared in the background (ADR 0021): the resident
 * id up to which every resident has its facts for the year. Kept apart from
 * `indicator_fact_years` (the complete years, which reads trust) and without a data-version
 * trigger: a batch of the preparation changes no answer, so it must not empty the caches.
 */
export function factYearsInPreparation013(): Migration {
  return {
    async up(db) {
      await db.schema
        .createTable('indicator_fact_years_preparing')
        .addColumn('year', 'integer', (c) => c.primaryKey())
        .addColumn('prepared_through', 'bigint', (c) => c.notNull())
        .execute();
    },
    async down(db) {
      await db.schema.dropTable('indicator_fact_years_preparing').execute();
    },
  };
}
