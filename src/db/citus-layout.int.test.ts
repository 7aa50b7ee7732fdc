import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openMaintainedDatabase } from '../composition/maintained-database.js';
import {
  CITUS_LAYOUT,
  citusViolations,
  PENDING_REKEYING,
  violationText,
  type SchemaFacts,
} from './citus-layout.js';

const url = inject('postgresUrl');

/** The tables, columns, keys and foreign keys of one PostgreSQL schema, from its catalogue. */
async function schemaFacts(client: pg.Client, schema: string): Promise<SchemaFacts> {
  const columns = await client.query<{
    table: string;
    column: string;
    type: string;
    not_null: boolean;
    sequence: boolean;
  }>(
    `select c.table_name as table, c.column_name as column, c.data_type as type,
            c.is_nullable = 'NO' as not_null,
            coalesce(c.column_default like 'nextval(%', false) or c.is_identity = 'YES' as sequence
       from information_schema.columns c
       join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
      where c.table_schema = $1 and t.table_type = 'BASE TABLE'`,
    [schema],
  );
  const constraints = await client.query<{
    table: string;
    kind: 'p' | 'u' | 'f';
    columns: string[];
    references: string | null;
    referenced_columns: string[] | null;
  }>(
    `select rel.relname as table, con.contype as kind,
            array(select a.attname::text from unnest(con.conkey) with ordinality k(n, i)
                  join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.n order by k.i) as columns,
            ref.relname as references,
            case when con.contype = 'f' then
              array(select a.attname::text from unnest(con.confkey) with ordinality k(n, i)
                    join pg_attribute a on a.attrelid = con.confrelid and a.attnum = k.n order by k.i)
            end as referenced_columns
       from pg_constraint con
       join pg_class rel on rel.oid = con.conrelid
       join pg_namespace n on n.oid = rel.relnamespace
       left join pg_class ref on ref.oid = con.confrelid
      where n.nspname = $1 and con.contype in ('p', 'u', 'f')`,
    [schema],
  );
  // Unique indexes that are not constraints (CREATE UNIQUE INDEX) are keys too.
  const indexes = await client.query<{ table: string; columns: string[] }>(
    `select t.relname as table,
            array(select a.attname::text from unnest(ix.indkey) with ordinality k(n, i)
                  join pg_attribute a on a.attrelid = ix.indrelid and a.attnum = k.n order by k.i) as columns
       from pg_index ix
       join pg_class t on t.oid = ix.indrelid
       join pg_class i on i.oid = ix.indexrelid
       join pg_namespace n on n.oid = t.relnamespace
      where n.nspname = $1 and ix.indisunique
        and not exists (select 1 from pg_constraint con where con.conindid = ix.indexrelid)`,
    [schema],
  );
  return {
    columns: columns.rows.map((r) => ({
      table: r.table,
      column: r.column,
      type: r.type,
      notNull: r.not_null,
      sequence: r.sequence,
    })),
    keys: [
      ...constraints.rows
        .filter((r) => r.kind !== 'f')
        .map((r) => ({
          table: r.table,
          kind: r.kind === 'p' ? ('primary' as const) : ('unique' as const),
          columns: r.columns,
        })),
      ...indexes.rows.map((r) => ({ table: r.table, kind: 'unique' as const, columns: r.columns })),
    ],
    foreignKeys: constraints.rows
      .filter((r) => r.kind === 'f')
      .map((r) => ({
        table: r.table,
        columns: r.columns,
        references: r.references!,
        referencedColumns: r.referenced_columns!,
      })),
  };
}

describe.skipIf(!url)(
  `the migrated schema and the Citus layout (ADR 0020) [postgres]${url ? '' : ' — SKIPPED: no PostgreSQL server'}`,
  () => {
    const schema = `gw_test_citus_${process.pid}`;
    const client = new pg.Client({ connectionString: url! });
    let facts: SchemaFacts;
    beforeAll(async () => {
      await client.connect();
      await client.query(`create schema ${schema}`);
      const db = await openMaintainedDatabase({ url: url!, schema });
      await db.close();
      facts = await schemaFacts(client, schema);
    });
    afterAll(async () => {
      await client.query(`drop schema if exists ${schema} cascade`);
      await client.end();
    });

    it('reads the catalogue: the residents, their keys and the services pointing at them', () => {
      expect(
        facts.columns.some((c) => c.table === 'residents' && c.column === 'county_code' && c.notNull),
      ).toBe(true);
      expect(facts.keys).toContainEqual({ table: 'residents', kind: 'primary', columns: ['id'] });
      // Migration 025: the memberships' key leads with the year and the county.
      expect(facts.keys).toContainEqual({
        table: 'indicator_memberships',
        kind: 'primary',
        columns: ['year', 'county_code', 'org_code', 'resident_id'],
      });
      expect(facts.foreignKeys).toContainEqual({
        table: 'services',
        columns: ['resident_id'],
        references: 'residents',
        referencedColumns: ['id'],
      });
    });

    it('places every table, and breaks no rule but the re-keying the ADR plans', () => {
      const tables = new Set(facts.columns.map((c) => c.table));
      expect([...tables].filter((t) => !Object.hasOwn(CITUS_LAYOUT, t))).toEqual([]);
      expect(Object.keys(CITUS_LAYOUT).filter((t) => !tables.has(t))).toEqual([]);
      expect(citusViolations(facts, CITUS_LAYOUT).map(violationText).sort()).toEqual(PENDING_REKEYING);
    });
  },
);
