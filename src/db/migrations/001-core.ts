import type { Migration } from 'kysely';
import type { SqlDialect } from '../dialects/dialect.js';

/** Orgs, population, residents, enrolments and services: the foundation tables. */
export function core001(dialect: SqlDialect): Migration {
  return {
    async up(db) {
      await db.schema
        .createTable('orgs')
        .addColumn('code', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('level', 'integer', (c) => c.notNull())
        .addColumn('parent_code', 'text')
        .addColumn('province_code', 'text', (c) => c.notNull())
        .addColumn('city_code', 'text')
        .addColumn('county_code', 'text')
        .addColumn('township_code', 'text')
        .addColumn('urban_rural', 'text')
        .addColumn('responsible_institution', 'text')
        .addColumn('responsible_person', 'text')
        .addColumn('contact_phone', 'text')
        .execute();
      await db.schema.createIndex('orgs_parent').on('orgs').column('parent_code').execute();
      await db.schema.createIndex('orgs_county').on('orgs').columns(['county_code', 'level']).execute();

      await db.schema
        .createTable('org_population')
        .addColumn('org_code', 'text', (c) => c.notNull())
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('total', 'integer', (c) => c.notNull())
        .addColumn('age_0_6', 'integer')
        .addColumn('age_65_plus', 'integer')
        .addColumn('age_15_plus', 'integer')
        .addColumn('age_18_plus', 'integer')
        .addColumn('women_15_49', 'integer')
        .addColumn('live_births', 'integer')
        .addPrimaryKeyConstraint('org_population_pk', ['org_code', 'year'])
        .execute();

      await dialect
        .withIdColumn(db.schema.createTable('residents'))
        .addColumn('county_code', 'text', (c) => c.notNull())
        .addColumn('record_no', 'text', (c) => c.notNull().unique())
        .addColumn('id_number', 'text')
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('sex', 'text')
        .addColumn('birth_date', 'text')
        .addColumn('ethnicity', 'text')
        .addColumn('org_code', 'text', (c) => c.notNull())
        .addColumn('phone', 'text')
        .addColumn('contact_name', 'text')
        .addColumn('contact_phone', 'text')
        .addColumn('electronic', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('record_created', 'text', (c) => c.notNull())
        .addColumn('record_updated', 'text')
        .addColumn('death_date', 'text')
        .addColumn('moved_out_date', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('residents_id_number').on('residents').column('id_number').execute();
      await db.schema.createIndex('residents_org').on('residents').columns(['org_code']).execute();
      await db.schema.createIndex('residents_county').on('residents').columns(['county_code']).execute();

      await dialect
        .withIdColumn(db.schema.createTable('enrollments'))
        .addColumn('county_code', 'text', (c) => c.notNull())
        .addColumn('resident_id', 'bigint', (c) => c.notNull().references('residents.id').onDelete('cascade'))
        .addColumn('program', 'text', (c) => c.notNull())
        .addColumn('start_date', 'text', (c) => c.notNull())
        .addColumn('end_date', 'text')
        .addColumn('end_reason', 'text')
        .addColumn('detail', 'text')
        .addUniqueConstraint('enrollments_natural', ['resident_id', 'program', 'start_date'])
        .execute();
      await db.schema
        .createIndex('enrollments_program')
        .on('enrollments')
        .columns(['program', 'county_code'])
        .execute();

      await dialect
        .withIdColumn(db.schema.createTable('services'))
        .addColumn('county_code', 'text', (c) => c.notNull())
        .addColumn('resident_id', 'bigint', (c) => c.references('residents.id').onDelete('cascade'))
        .addColumn('service_key', 'text', (c) => c.notNull().unique())
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('service_date', 'text', (c) => c.notNull())
        .addColumn('org_code', 'text', (c) => c.notNull())
        .addColumn('institution', 'text')
        .addColumn('doctor', 'text')
        .addColumn('sbp', 'integer')
        .addColumn('dbp', 'integer')
        .addColumn('sbp_right', 'integer')
        .addColumn('dbp_right', 'integer')
        .addColumn('heart_rate', 'integer')
        .addColumn('fasting_glucose', 'double precision')
        .addColumn('weight', 'double precision')
        .addColumn('waist', 'double precision')
        .addColumn('controlled', 'integer')
        .addColumn('guidance', 'integer')
        .addColumn('payload', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('services_resident')
        .on('services')
        .columns(['resident_id', 'type', 'service_date'])
        .execute();
      await db.schema
        .createIndex('services_type_date')
        .on('services')
        .columns(['type', 'service_date'])
        .execute();
      await db.schema
        .createIndex('services_county')
        .on('services')
        .columns(['county_code', 'type'])
        .execute();
    },
    async down(db) {
      for (const table of ['services', 'enrollments', 'residents', 'org_population', 'orgs']) {
        await db.schema.dropTable(table).execute();
      }
    },
  };
}
