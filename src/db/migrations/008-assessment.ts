import type { Migration } from 'kysely';
import type { SqlDialect } from '../dialects/dialect.js';

/**
 * Performance assessment (C7, ADR 0015): schemes stored as versioned JSON; runs (scheme
 * version, org, period, data cut-off, who ran it) with each unit's totals and each item's
 * value, target, rule, score and explanation; assessors' manual entries with evidence.
 */
export function assessment008(dialect: SqlDialect): Migration {
  return {
    async up(db) {
      await dialect
        .withIdColumn(db.schema.createTable('assessment_schemes'))
        .addColumn('code', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('name_zh', 'text', (c) => c.notNull())
        .addColumn('name_en', 'text', (c) => c.notNull())
        .addColumn('definition', 'text', (c) => c.notNull())
        .addColumn('max_centi', 'integer', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('assessment_schemes_natural', ['code', 'version'])
        .execute();

      await dialect
        .withIdColumn(db.schema.createTable('assessment_runs'))
        .addColumn('scheme_id', 'bigint', (c) => c.notNull().references('assessment_schemes.id'))
        .addColumn('org_code', 'text', (c) => c.notNull())
        .addColumn('county_code', 'text')
        .addColumn('period', 'text', (c) => c.notNull())
        .addColumn('data_cutoff', 'text', (c) => c.notNull())
        .addColumn('unit_count', 'integer', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('assessment_runs_org_period')
        .on('assessment_runs')
        .columns(['org_code', 'period'])
        .execute();

      await db.schema
        .createTable('assessment_unit_results')
        .addColumn('run_id', 'bigint', (c) =>
          c.notNull().references('assessment_runs.id').onDelete('cascade'),
        )
        .addColumn('unit_code', 'text', (c) => c.notNull())
        .addColumn('county_code', 'text')
        .addColumn('unit_name', 'text', (c) => c.notNull())
        .addColumn('total_centi', 'integer', (c) => c.notNull())
        .addColumn('max_centi', 'integer', (c) => c.notNull())
        .addColumn('applicable_centi', 'integer', (c) => c.notNull())
        .addColumn('converted_centi', 'integer', (c) => c.notNull())
        .addColumn('missing', 'integer', (c) => c.notNull())
        .addColumn('rank', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('assessment_unit_results_pk', ['run_id', 'unit_code'])
        .execute();

      await db.schema
        .createTable('assessment_item_results')
        .addColumn('run_id', 'bigint', (c) =>
          c.notNull().references('assessment_runs.id').onDelete('cascade'),
        )
        .addColumn('unit_code', 'text', (c) => c.notNull())
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('section_id', 'text', (c) => c.notNull())
        .addColumn('item_id', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('indicator', 'text')
        .addColumn('value', 'double precision')
        .addColumn('numerator', 'double precision')
        .addColumn('denominator', 'double precision')
        .addColumn('target', 'double precision')
        .addColumn('target_source', 'text')
        .addColumn('scoring', 'text', (c) => c.notNull())
        .addColumn('points_centi', 'integer', (c) => c.notNull())
        .addColumn('score_centi', 'integer')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('explanation_zh', 'text', (c) => c.notNull())
        .addColumn('explanation_en', 'text', (c) => c.notNull())
        .addColumn('inputs', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('assessment_item_results_pk', ['run_id', 'unit_code', 'position'])
        .execute();

      await dialect
        .withIdColumn(db.schema.createTable('assessment_manual_entries'))
        .addColumn('scheme_code', 'text', (c) => c.notNull())
        .addColumn('item_id', 'text', (c) => c.notNull())
        .addColumn('unit_code', 'text', (c) => c.notNull())
        .addColumn('county_code', 'text')
        .addColumn('period', 'text', (c) => c.notNull())
        .addColumn('score_centi', 'integer', (c) => c.notNull())
        .addColumn('evidence', 'text', (c) => c.notNull())
        .addColumn('assessor', 'text', (c) => c.notNull())
        .addColumn('entered_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('assessment_manual_entries_key')
        .on('assessment_manual_entries')
        .columns(['scheme_code', 'period', 'unit_code', 'item_id'])
        .execute();
    },
    async down(db) {
      for (const table of [
        'assessment_manual_entries',
        'assessment_item_results',
        'assessment_unit_results',
        'assessment_runs',
        'assessment_schemes',
      ])
        await db.schema.dropTable(table).execute();
    },
  };
}
