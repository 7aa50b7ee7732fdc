import type { Migration } from 'kysely';
import type { SqlDialect } from '../dialects/dialect.js';

/**
 * Targets (C4): a target per org, indicator and year with its base, rate, milestones and
 * who set it; every change appended to `target_changes`; named parameters per area and year
 * (prevalences); push-plan snapshots taken at checkpoints, with their rows.
 */
export function targets003(dialect: SqlDialect): Migration {
  return {
    async up(db) {
      await dialect
        .withIdColumn(db.schema.createTable('targets'))
        .addColumn('org_code', 'text', (c) => c.notNull())
        .addColumn('county_code', 'text')
        .addColumn('indicator', 'text', (c) => c.notNull())
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('base_kind', 'text', (c) => c.notNull())
        .addColumn('base_band', 'text')
        .addColumn('base_parameter', 'text')
        .addColumn('parameter_value', 'double precision')
        .addColumn('base', 'double precision', (c) => c.notNull())
        .addColumn('rate', 'double precision', (c) => c.notNull())
        .addColumn('target', 'integer', (c) => c.notNull())
        .addColumn('milestones', 'text', (c) => c.notNull())
        .addColumn('responsible_unit', 'text')
        .addColumn('responsible_person', 'text')
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('set_by', 'text', (c) => c.notNull())
        .addColumn('set_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('targets_natural', ['org_code', 'indicator', 'year'])
        .execute();
      await db.schema.createIndex('targets_county').on('targets').columns(['county_code', 'year']).execute();

      await dialect
        .withIdColumn(db.schema.createTable('target_changes'))
        .addColumn('org_code', 'text', (c) => c.notNull())
        .addColumn('county_code', 'text')
        .addColumn('indicator', 'text', (c) => c.notNull())
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('base_kind', 'text')
        .addColumn('base_band', 'text')
        .addColumn('base_parameter', 'text')
        .addColumn('parameter_value', 'double precision')
        .addColumn('base', 'double precision')
        .addColumn('rate', 'double precision')
        .addColumn('target', 'integer')
        .addColumn('milestones', 'text')
        .addColumn('responsible_unit', 'text')
        .addColumn('responsible_person', 'text')
        .addColumn('source', 'text')
        .addColumn('changed_by', 'text', (c) => c.notNull())
        .addColumn('changed_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('target_changes_key')
        .on('target_changes')
        .columns(['org_code', 'indicator', 'year'])
        .execute();

      await db.schema
        .createTable('target_parameters')
        .addColumn('org_code', 'text', (c) => c.notNull())
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('value', 'double precision', (c) => c.notNull())
        .addColumn('set_by', 'text', (c) => c.notNull())
        .addColumn('set_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('target_parameters_pk', ['org_code', 'year', 'name'])
        .execute();

      await dialect
        .withIdColumn(db.schema.createTable('push_plan_snapshots'))
        .addColumn('org_code', 'text', (c) => c.notNull())
        .addColumn('county_code', 'text')
        .addColumn('period', 'text', (c) => c.notNull())
        .addColumn('as_of', 'text', (c) => c.notNull())
        .addColumn('done_as_of', 'text', (c) => c.notNull())
        .addColumn('deadline', 'text', (c) => c.notNull())
        .addColumn('days', 'text', (c) => c.notNull())
        .addColumn('days_left', 'integer', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('push_plan_snapshots_natural', [
          'org_code',
          'period',
          'as_of',
          'deadline',
          'days',
        ])
        .execute();

      await db.schema
        .createTable('push_plan_rows')
        .addColumn('snapshot_id', 'bigint', (c) =>
          c.notNull().references('push_plan_snapshots.id').onDelete('cascade'),
        )
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('unit_code', 'text')
        .addColumn('unit', 'text', (c) => c.notNull())
        .addColumn('task', 'text', (c) => c.notNull())
        .addColumn('task_name', 'text', (c) => c.notNull())
        .addColumn('target', 'integer', (c) => c.notNull())
        .addColumn('done', 'integer', (c) => c.notNull())
        .addColumn('remaining', 'integer', (c) => c.notNull())
        .addColumn('days_left', 'integer', (c) => c.notNull())
        .addColumn('per_day', 'integer', (c) => c.notNull())
        .addColumn('leader', 'text')
        .addColumn('phone', 'text')
        .addColumn('is_total', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('push_plan_rows_pk', ['snapshot_id', 'position'])
        .execute();
    },
    async down(db) {
      for (const table of [
        'push_plan_rows',
        'push_plan_snapshots',
        'target_parameters',
        'target_changes',
        'targets',
      ]) {
        await db.schema.dropTable(table).execute();
      }
    },
  };
}
