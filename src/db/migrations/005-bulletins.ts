import type { Migration } from 'kysely';
import type { SqlDialect } from '../dialects/dialect.js';

/**
 * Bulletins: the archive of generated bulletins (the document itself, its parameters and
 * the data cut-off) and the recurring schedules the server runs.
 */
export function bulletins005(dialect: SqlDialect): Migration {
  return {
    async up(db) {
      await dialect
        .withIdColumn(db.schema.createTable('bulletin_schedules'))
        .addColumn('org_code', 'text', (c) => c.notNull())
        .addColumn('every', 'text', (c) => c.notNull())
        .addColumn('format', 'text', (c) => c.notNull())
        .addColumn('parameters', 'text', (c) => c.notNull())
        .addColumn('next_run', 'text', (c) => c.notNull())
        .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('last_run_at', 'text')
        .addColumn('last_bulletin_id', 'bigint')
        .addColumn('last_error', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();

      await dialect
        .withIdColumn(db.schema.createTable('bulletins'))
        .addColumn('org_code', 'text', (c) => c.notNull())
        .addColumn('period', 'text', (c) => c.notNull())
        .addColumn('format', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('file_name', 'text', (c) => c.notNull())
        .addColumn('content_type', 'text', (c) => c.notNull())
        .addColumn('size', 'integer', (c) => c.notNull())
        .addColumn('parameters', 'text', (c) => c.notNull())
        .addColumn('data_cutoff', 'text', (c) => c.notNull())
        .addColumn('generated_at', 'text', (c) => c.notNull())
        .addColumn('schedule_id', 'bigint')
        // Base64 text, not a blob: the same column type and driver behaviour in both dialects.
        .addColumn('content_base64', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('bulletins_org_period')
        .on('bulletins')
        .columns(['org_code', 'period'])
        .execute();
    },
    async down(db) {
      await db.schema.dropTable('bulletins').execute();
      await db.schema.dropTable('bulletin_schedules').execute();
    },
  };
}
