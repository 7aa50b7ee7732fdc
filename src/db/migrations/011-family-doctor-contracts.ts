import type { Migration } from 'kysely';
import type { SqlDialect } from '../dialects/dialect.js';

/**
 * Family-doctor contracts (家庭医生签约, ADR 0018): teams (institution, members and the
 * villages they serve, as JSON text: a team is read whole) and contracts (resident, team,
 * term, package, key-population flags fixed at signing, the contract it continues, its
 * termination). Contracts carry `county_code` and the resident's village `org_code` at
 * signing, so the one scope predicate confines them like every large table.
 */
export function familyDoctorContracts011(dialect: SqlDialect): Migration {
  return {
    async up(db) {
      await dialect
        .withIdColumn(db.schema.createTable('family_doctor_teams'))
        .addColumn('code', 'text', (c) => c.notNull().unique())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('county_code', 'text', (c) => c.notNull())
        .addColumn('institution_code', 'text', (c) => c.notNull())
        .addColumn('members', 'text', (c) => c.notNull())
        .addColumn('villages', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('family_doctor_teams_institution')
        .on('family_doctor_teams')
        .columns(['county_code', 'institution_code'])
        .execute();

      await dialect
        .withIdColumn(db.schema.createTable('family_doctor_contracts'))
        .addColumn('contract_no', 'text', (c) => c.notNull().unique())
        .addColumn('county_code', 'text', (c) => c.notNull())
        .addColumn('org_code', 'text', (c) => c.notNull())
        .addColumn('resident_id', 'bigint', (c) => c.notNull().references('residents.id').onDelete('cascade'))
        .addColumn('team_id', 'bigint', (c) => c.notNull().references('family_doctor_teams.id'))
        .addColumn('signed_date', 'text', (c) => c.notNull())
        .addColumn('end_date', 'text', (c) => c.notNull())
        .addColumn('package_code', 'text', (c) => c.notNull())
        .addColumn('key_populations', 'text', (c) => c.notNull())
        .addColumn('disabled', 'integer', (c) => c.notNull())
        .addColumn('previous_contract_id', 'bigint', (c) => c.references('family_doctor_contracts.id'))
        .addColumn('terminated_date', 'text')
        .addColumn('termination_reason', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('family_doctor_contracts_org')
        .on('family_doctor_contracts')
        .columns(['county_code', 'org_code', 'signed_date'])
        .execute();
      await db.schema
        .createIndex('family_doctor_contracts_resident')
        .on('family_doctor_contracts')
        .columns(['resident_id', 'signed_date'])
        .execute();
    },
    async down(db) {
      await db.schema.dropTable('family_doctor_contracts').execute();
      await db.schema.dropTable('family_doctor_teams').execute();
    },
  };
}
