import pg from 'pg';
import { Kysely, PostgresDialect, sql } from 'kysely';
import type { Database } from '../schema.js';
import { queryLog, type Db, type SqlDialect } from './dialect.js';

// Counts and sums come back as int8/numeric; Gongwei's figures fit in a double.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));
pg.types.setTypeParser(1700, (v) => Number.parseFloat(v));

/** PostgreSQL helpers; dates are ISO text columns, cast to date where arithmetic needs it. */
export const postgresDialect: SqlDialect = {
  name: 'postgres',
  maxParameters: 65_000,
  oneConnection: false,
  jsonText: (column, key) => sql<string | null>`(${sql.ref(column)}::jsonb ->> ${key})`,
  daysBetween: (fromExpr, toExpr) => sql<number>`((${sql.raw(toExpr)})::date - (${sql.raw(fromExpr)})::date)`,
  addMonths: (dateExpr, months) =>
    sql<string>`to_char((${sql.raw(dateExpr)})::date + make_interval(months => ${months}), 'YYYY-MM-DD')`,
  withIdColumn: (table) => table.addColumn('id', 'bigserial', (c) => c.primaryKey()),
  clusteredByPrimaryKey: (table) => table,
  tableThroughIndex: (table, alias) => sql`${sql.table(table)} as ${sql.id(alias)}`,
  allDigits: (expr) => sql<boolean>`(${expr} ~ '^[0-9]*$')`,
  appendOnlyTriggers: (table) => [
    sql`create function ${sql.id(`${table}_refuse_change`)}() returns trigger language plpgsql as $$
        begin raise exception '% is append-only', tg_table_name; end $$`,
    sql`create trigger ${sql.id(`${table}_append_only`)} before update or delete or truncate on ${sql.table(table)}
        for each statement execute function ${sql.id(`${table}_refuse_change`)}()`,
  ],
  // Autovacuum's analyze rule with its default settings; read here because a server may run
  // with autovacuum off (the machines this is measured on do), or behind a bulk load.
  plannerStatistics: {
    stale: () =>
      sql<{ table_name: string }>`select relname as table_name from pg_stat_user_tables
        where schemaname = current_schema() and n_mod_since_analyze > 50 + 0.1 * n_live_tup
        order by relname`,
    gather: (table) => sql`analyze ${sql.table(table)}`,
  },
  lockForAppend: (table) => sql`lock table ${sql.table(table)} in share row exclusive mode`,
  // Statement triggers over the transition table: one upsert per statement and county, the
  // counties in code order so that two writers lock their version rows in one order.
  dataVersionTriggers: (table, countyColumn) => {
    const fn = sql.id(`${table}_advance_version`);
    const scopes =
      countyColumn === null
        ? sql`select '*'::text, 1`
        : sql`select distinct coalesce(${sql.ref(countyColumn)}, '*'), 1 from changed_rows order by 1`;
    return [
      sql`create function ${fn}() returns trigger language plpgsql as $$
          begin
            insert into data_versions (scope, version) ${scopes}
            on conflict (scope) do update set version = data_versions.version + 1;
            return null;
          end $$`,
      ...(['insert', 'update', 'delete'] as const).map(
        (event) =>
          sql`create trigger ${sql.id(`${table}_version_${event}`)} after ${sql.raw(event)} on ${sql.table(table)}
              referencing ${sql.raw(event === 'delete' ? 'old' : 'new')} table as changed_rows
              for each statement execute function ${fn}()`,
      ),
    ];
  },
  // One upsert per statement over its distinct keys, in key order (one lock order).
  keyVersionTriggers: (table, versions) => {
    const fn = sql.id(`${table}_advance_${versions.table}`);
    const columns = sql.join(versions.columns.map((c) => sql.id(c)));
    const target = sql.table(versions.table);
    return [
      sql`create function ${fn}() returns trigger language plpgsql as $$
          begin
            insert into ${target} (${columns}, version)
              select distinct ${columns}, 1::bigint from changed_rows order by ${columns}
            on conflict (${columns}) do update set version = ${target}.version + 1;
            return null;
          end $$`,
      ...(['insert', 'update', 'delete'] as const).map(
        (event) =>
          sql`create trigger ${sql.id(`${table}_${versions.table}_${event}`)} after ${sql.raw(event)} on ${sql.table(table)}
              referencing ${sql.raw(event === 'delete' ? 'old' : 'new')} table as changed_rows
              for each statement execute function ${fn}()`,
      ),
    ];
  },
};

/** Connection options beyond the URL. */
export interface PostgresOptions {
  /** Schema to use for every connection (search_path); tests use one schema per run. */
  schema?: string;
  /** Pool size; defaults to 10. */
  max?: number;
  /** Every transaction read-only (a server's read workers): a write fails instead of happening. */
  readOnly?: boolean;
  /** Called with the SQL text of every statement run (see `OpenOptions` in database.ts). */
  onQuery?: (sql: string) => void;
}

/** Opens a pool on a PostgreSQL URL, optionally confined to one schema. */
export function openPostgres(url: string, options: PostgresOptions = {}): Db {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    ...(options.schema || options.readOnly
      ? {
          options: [
            ...(options.schema ? [`-c search_path=${options.schema}`] : []),
            ...(options.readOnly ? ['-c default_transaction_read_only=on'] : []),
          ].join(' '),
        }
      : {}),
  });
  const kysely = new Kysely<Database>({
    dialect: new PostgresDialect({ pool }),
    ...queryLog(options.onQuery),
  });
  return {
    kysely,
    dialect: postgresDialect,
    location: redactUrl(url) + (options.schema ? ` (schema ${options.schema})` : ''),
    close: () => kysely.destroy(),
  };
}

/** A PostgreSQL URL for messages: the password replaced by `***` (never printed). */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres';
  }
}
