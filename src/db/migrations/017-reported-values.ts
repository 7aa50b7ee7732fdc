import type { Migration } from 'kysely';
import type { SqlDialect } from '../dialects/dialect.js';

/**
 * Reported values (issue 13 point 10): the figures an org reports per period for the
 * indicators not computed from residents' services (notifiable disease reporting, health
 * supervision assistance, health-literacy surveys). One current row per (org, period,
 * indicator) with its source and who entered it; every insert, update and delete appended to
 * `reported_value_changes` with the values as they became (the earlier ones stay there).
 * `county_code` is the first six digits of the org code (a city's own report carries the
 * city's code, as `rowsInScope` expects); the data-version triggers on it make every write
 * empty the cached indicator answers of that county (ADR 0014), whoever writes.
 */
export function reportedValues017(dialect: SqlDialect): Migration {
  return {
    async up(db) {
      await db.schema
        .createTable('reported_values')
        .addColumn('county_code', 'text', (c) => c.notNull())
        .addColumn('org_code', 'text', (c) => c.notNull())
        .addColumn('period', 'text', (c) => c.notNull())
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('indicator', 'text', (c) => c.notNull())
        .addColumn('numerator', 'bigint')
        .addColumn('denominator', 'bigint')
        .addColumn('percent', 'double precision')
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('entered_by', 'text', (c) => c.notNull())
        .addColumn('entered_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('reported_values_pk', ['county_code', 'org_code', 'period', 'indicator'])
        .execute();
      await db.schema
        .createIndex('reported_values_period')
        .on('reported_values')
        .columns(['period', 'county_code'])
        .execute();

      await dialect
        .withIdColumn(db.schema.createTable('reported_value_changes'))
        .addColumn('county_code', 'text', (c) => c.notNull())
        .addColumn('org_code', 'text', (c) => c.notNull())
        .addColumn('period', 'text', (c) => c.notNull())
        .addColumn('indicator', 'text', (c) => c.notNull())
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('numerator', 'bigint')
        .addColumn('denominator', 'bigint')
        .addColumn('percent', 'double precision')
        .addColumn('source', 'text')
        .addColumn('changed_by', 'text', (c) => c.notNull())
        .addColumn('changed_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('reported_value_changes_key')
        .on('reported_value_changes')
        .columns(['org_code', 'period', 'indicator'])
        .execute();

      for (const statement of dialect.dataVersionTriggers('reported_values', 'county_code'))
        await statement.execute(db);
    },
    async down(db) {
      await db.schema.dropTable('reported_value_changes').execute();
      await db.schema.dropTable('reported_values').execute();
    },
  };
}
