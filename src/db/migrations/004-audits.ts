import type { Migration } from 'kysely';
import type { SqlDialect } from '../dialects/dialect.js';

/**
 * Data-quality audits: runs, findings (one row per stable finding key, carried across runs
 * with its resolution status), per-run counts for history, and the merge log.
 */
export function audits004(dialect: SqlDialect): Migration {
  return {
    async up(db) {
      await dialect
        .withIdColumn(db.schema.createTable('audit_runs'))
        .addColumn('started_at', 'text', (c) => c.notNull())
        .addColumn('finished_at', 'text')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('org_code', 'text')
        .addColumn('period', 'text')
        .addColumn('window_from', 'text')
        .addColumn('window_to', 'text', (c) => c.notNull())
        .addColumn('as_of', 'text', (c) => c.notNull())
        .addColumn('rules', 'text', (c) => c.notNull())
        .addColumn('parameters', 'text', (c) => c.notNull())
        .addColumn('summary', 'text')
        .execute();

      await dialect
        .withIdColumn(db.schema.createTable('audit_findings'))
        .addColumn('finding_key', 'text', (c) => c.notNull().unique())
        .addColumn('rule', 'text', (c) => c.notNull())
        .addColumn('severity', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('county_code', 'text', (c) => c.notNull())
        .addColumn('org_code', 'text', (c) => c.notNull())
        .addColumn('resident_id', 'bigint')
        .addColumn('service_id', 'bigint')
        .addColumn('subject', 'text', (c) => c.notNull())
        .addColumn('subject_date', 'text')
        .addColumn('weight', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('evidence', 'text', (c) => c.notNull())
        .addColumn('first_run_id', 'bigint', (c) => c.notNull())
        .addColumn('last_run_id', 'bigint', (c) => c.notNull())
        .addColumn('first_seen_at', 'text', (c) => c.notNull())
        .addColumn('last_seen_at', 'text', (c) => c.notNull())
        .addColumn('resolved_by', 'text')
        .addColumn('resolved_at', 'text')
        .addColumn('resolution_note', 'text')
        .addColumn('closed_at', 'text')
        .addColumn('closed_run_id', 'bigint')
        .execute();
      await db.schema
        .createIndex('audit_findings_scope')
        .on('audit_findings')
        .columns(['county_code', 'rule', 'status'])
        .execute();
      // Few indexes on purpose: every index costs each of the (up to millions of) upserts of a
      // run. Work lists reach findings through the scope index (county first); a run reaches
      // its own findings through (rule, last_run_id).
      await db.schema
        .createIndex('audit_findings_run')
        .on('audit_findings')
        .columns(['rule', 'last_run_id'])
        .execute();

      await db.schema
        .createTable('audit_run_counts')
        .addColumn('run_id', 'bigint', (c) => c.notNull())
        .addColumn('org_code', 'text', (c) => c.notNull())
        .addColumn('rule', 'text', (c) => c.notNull())
        .addColumn('severity', 'text', (c) => c.notNull())
        .addColumn('count', 'integer', (c) => c.notNull())
        .addColumn('affected', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('audit_run_counts_pk', ['run_id', 'org_code', 'rule', 'severity'])
        .execute();

      await dialect
        .withIdColumn(db.schema.createTable('audit_merges'))
        .addColumn('merged_at', 'text', (c) => c.notNull())
        .addColumn('merged_by', 'text', (c) => c.notNull())
        .addColumn('county_code', 'text', (c) => c.notNull())
        .addColumn('org_code', 'text', (c) => c.notNull())
        .addColumn('finding_id', 'bigint')
        .addColumn('survivor_id', 'bigint', (c) => c.notNull())
        .addColumn('survivor_record_no', 'text', (c) => c.notNull())
        .addColumn('absorbed_record_nos', 'text', (c) => c.notNull())
        .addColumn('field_sources', 'text', (c) => c.notNull())
        .addColumn('before', 'text', (c) => c.notNull())
        .addColumn('moved_enrollments', 'integer', (c) => c.notNull())
        .addColumn('dropped_enrollments', 'text', (c) => c.notNull())
        .addColumn('moved_services', 'integer', (c) => c.notNull())
        .addColumn('rekeyed_services', 'integer', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('audit_merges_county')
        .on('audit_merges')
        .columns(['county_code'])
        .execute();
    },
    async down(db) {
      for (const table of ['audit_merges', 'audit_run_counts', 'audit_findings', 'audit_runs']) {
        await db.schema.dropTable(table).execute();
      }
    },
  };
}
