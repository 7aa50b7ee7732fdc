import type { Migration } from 'kysely';
import type { SqlDialect } from '../dialects/dialect.js';

/**
 * Push-plan schedules (C4.5): an org's push plan re-computed at every checkpoint (10th,
 * 20th, last day of the month) until its deadline, by the server's timer. Each run is kept
 * as a snapshot in `push_plan_snapshots` (migration 003); the schedule keeps the day it
 * last ran, so a run is attempted once per checkpoint day.
 */
export function pushPlanSchedules006(dialect: SqlDialect): Migration {
  return {
    async up(db) {
      await dialect
        .withIdColumn(db.schema.createTable('push_plan_schedules'))
        .addColumn('org_code', 'text', (c) => c.notNull())
        .addColumn('county_code', 'text')
        .addColumn('period', 'text', (c) => c.notNull())
        .addColumn('deadline', 'text', (c) => c.notNull())
        .addColumn('days', 'text', (c) => c.notNull())
        // JSON arrays of ISO dates.
        .addColumn('holidays', 'text', (c) => c.notNull())
        .addColumn('workdays', 'text', (c) => c.notNull())
        .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('last_run_on', 'text')
        .addColumn('last_run_at', 'text')
        .addColumn('last_snapshot_id', 'bigint')
        .addColumn('last_error', 'text')
        .addColumn('ended_at', 'text')
        .addColumn('ended_reason', 'text')
        .execute();
      await db.schema
        .createIndex('push_plan_schedules_active')
        .on('push_plan_schedules')
        .columns(['active', 'org_code'])
        .execute();
    },
    async down(db) {
      await db.schema.dropTable('push_plan_schedules').execute();
    },
  };
}
