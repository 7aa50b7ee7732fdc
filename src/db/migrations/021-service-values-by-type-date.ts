import type { Migration } from 'kysely';

/**
 * The index of services by type and date carries the columns the unit-level audits count
 * (issue 12): `aggregate_outliers` (services per unit, month and type, hypertension
 * follow-ups below 140/90) and `digit_preference` (terminal digits of BP readings per unit)
 * read millions of services by type and date and fetched each row from the table for its
 * unit and BP; with county, org and both readings in the index they read the index alone.
 * It replaces `services_type_date`, its prefix, so a write of a service keeps the same
 * number of indexes to maintain.
 */
export function serviceValuesByTypeDate021(): Migration {
  return {
    async up(db) {
      await db.schema
        .createIndex('services_type_date_values')
        .on('services')
        .columns(['type', 'service_date', 'county_code', 'org_code', 'sbp', 'dbp'])
        .execute();
      await db.schema.dropIndex('services_type_date').execute();
    },
  };
}
