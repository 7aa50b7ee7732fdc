import type { Migration } from 'kysely';
import type { SqlDialect } from '../dialects/dialect.js';

/**
 * Funding (issue 16.3, ADR 0016): an allocation stores the parameters it was computed with
 * (standard, earmark, shares, flag rule) and each unit's population and amounts, so every
 * figure of an export traces back to its inputs; disbursements are the payments recorded
 * against an allocation's units. Money is integer fen (分).
 */
export function funding010(dialect: SqlDialect): Migration {
  return {
    async up(db) {
      await dialect
        .withIdColumn(db.schema.createTable('funding_allocations'))
        .addColumn('org_code', 'text', (c) => c.notNull())
        .addColumn('county_code', 'text')
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('per_capita_fen', 'bigint', (c) => c.notNull())
        .addColumn('earmark_fen', 'bigint', (c) => c.notNull())
        .addColumn('village_share_bp', 'integer', (c) => c.notNull())
        .addColumn('advance_share_bp', 'integer', (c) => c.notNull())
        .addColumn('county_share_bp', 'integer', (c) => c.notNull())
        .addColumn('population', 'bigint', (c) => c.notNull())
        .addColumn('total_fen', 'bigint', (c) => c.notNull())
        .addColumn('allocated_on', 'text', (c) => c.notNull())
        .addColumn('idle_after', 'text', (c) => c.notNull())
        .addColumn('idle_threshold_bp', 'integer', (c) => c.notNull())
        .addColumn('late_after_days', 'integer', (c) => c.notNull())
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('funding_allocations_natural', ['org_code', 'year'])
        .execute();

      await db.schema
        .createTable('funding_allocation_units')
        .addColumn('allocation_id', 'bigint', (c) =>
          c.notNull().references('funding_allocations.id').onDelete('cascade'),
        )
        .addColumn('unit_code', 'text', (c) => c.notNull())
        .addColumn('county_code', 'text', (c) => c.notNull())
        .addColumn('unit_name', 'text', (c) => c.notNull())
        .addColumn('population', 'bigint', (c) => c.notNull())
        .addColumn('amount_fen', 'bigint', (c) => c.notNull())
        .addColumn('earmark_fen', 'bigint', (c) => c.notNull())
        .addColumn('village_fen', 'bigint', (c) => c.notNull())
        .addColumn('advance_fen', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('funding_allocation_units_pk', ['allocation_id', 'unit_code'])
        .execute();

      await dialect
        .withIdColumn(db.schema.createTable('funding_disbursements'))
        .addColumn('allocation_id', 'bigint', (c) =>
          c.notNull().references('funding_allocations.id').onDelete('cascade'),
        )
        .addColumn('unit_code', 'text', (c) => c.notNull())
        .addColumn('county_code', 'text', (c) => c.notNull())
        .addColumn('paid_on', 'text', (c) => c.notNull())
        .addColumn('payer', 'text', (c) => c.notNull())
        .addColumn('amount_fen', 'bigint', (c) => c.notNull())
        .addColumn('purpose', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('funding_disbursements_unit')
        .on('funding_disbursements')
        .columns(['allocation_id', 'unit_code'])
        .execute();
    },
    async down(db) {
      for (const table of ['funding_disbursements', 'funding_allocation_units', 'funding_allocations']) {
        await db.schema.dropTable(table).execute();
      }
    },
  };
}
