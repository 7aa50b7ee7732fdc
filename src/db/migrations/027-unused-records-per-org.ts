import { sql, type Migration } from 'kysely';

/**
 * `unused_records` now finds one finding per org, weighing its unused records, instead of one
 * per record (ADR 0007, amendment of 8 December 2026): the findings of the old shape, keyed
 * by resident, would never be seen again, and closing them would be one write per record of
 * a city at its next run. They are removed; the runs' stored counts stay as history.
 */
export function unusedRecordsPerOrg027(): Migration {
  return {
    async up(db) {
      await sql`delete from audit_findings where rule = 'unused_records' and subject like 'resident:%'`.execute(
        db,
      );
    },
  };
}
