import type { CreateTableBuilder, Kysely, KyselyConfig, RawBuilder } from 'kysely';
import type { Database } from '../schema.js';

/**
 * What differs between SQLite and PostgreSQL. One module per dialect implements it
 * (`sqlite.ts`, `postgres.ts`); services and repositories never test which one they have.
 */
export interface SqlDialect {
  /** 'sqlite' or 'postgres', for messages and the benchmark table only. */
  readonly name: 'sqlite' | 'postgres';
  /** Most bind parameters one statement may carry. Batch inserts chunk by this. */
  readonly maxParameters: number;
  /**
   * True when the application reads and writes through one connection (SQLite): while a
   * transaction holds it, nothing else of the application's runs on it, so a transaction must
   * never wait for a read of the application's own. PostgreSQL's pool has other connections.
   */
  readonly oneConnection: boolean;
  /** Text value of `key` in a JSON text column. */
  jsonText(column: string, key: string): RawBuilder<string | null>;
  /** Number of days from `from` to `to` (ISO date text expressions), `to - from`. */
  daysBetween(fromExpr: string, toExpr: string): RawBuilder<number>;
  /** Shift an ISO date text expression by a whole number of months (may be negative). */
  addMonths(dateExpr: string, months: number): RawBuilder<string>;
  /** Adds the surrogate key `id` (SQLite rowid alias; PostgreSQL bigserial). For migrations. */
  withIdColumn<T extends string>(table: CreateTableBuilder<T, never>): CreateTableBuilder<T, 'id'>;
  /**
   * Stores a table in its primary-key order only (SQLite `WITHOUT ROWID`; PostgreSQL keeps
   * its heap). For small-row, write-heavy tables keyed by their primary key: one b-tree to
   * update instead of two. For migrations.
   */
  clusteredByPrimaryKey<T extends string, C extends string>(
    table: CreateTableBuilder<T, C>,
  ): CreateTableBuilder<T, C>;
  /** True when a text expression consists of ASCII digits only (true for ''). */
  allDigits(expr: RawBuilder<unknown>): RawBuilder<boolean>;
  /**
   * `table as alias`, read through `index` where the dialect needs telling: SQLite keeps no
   * statistics (nothing runs ANALYZE) and prefers any index with an equality, e.g. the county
   * of a scope, over a small partial index; PostgreSQL's planner has statistics and chooses.
   * Only for an index whose condition the query repeats verbatim (SQLite refuses the query
   * otherwise).
   */
  tableThroughIndex(table: string, alias: string, index: string): RawBuilder<unknown>;
  /**
   * The planner's statistics, or null where the dialect keeps none (SQLite: nothing runs
   * ANALYZE, and the queries that need an index name it, see {@link tableThroughIndex}).
   * `stale`: the tables many rows were written to since their statistics were gathered, by
   * the rule PostgreSQL's autovacuum uses (50 rows + 10 %); `gather`: ANALYZE one table.
   * Used by `refreshPlannerStatistics`.
   */
  readonly plannerStatistics: {
    stale(): RawBuilder<{ table_name: string }>;
    gather(table: string): RawBuilder<unknown>;
  } | null;
  /**
   * Statements that make `table` append-only: any UPDATE or DELETE of its rows fails. For
   * migrations (the access trail).
   */
  appendOnlyTriggers(table: string): readonly RawBuilder<unknown>[];
  /**
   * A statement, run inside a transaction, after which no other transaction appends to
   * `table` until this one ends (PostgreSQL: a table lock; SQLite: the database's write
   * lock, taken before anything is read). For hash chains, whose next link reads the last.
   */
  lockForAppend(table: string): RawBuilder<unknown> | null;
  /**
   * Statements after which every insert, update or delete of `table` advances
   * `data_versions` (ADR 0014) in the writing transaction: the row of each changed row's
   * county (`countyColumn`), or the whole tree's row `'*'` when `countyColumn` is null.
   * For migrations.
   */
  dataVersionTriggers(table: string, countyColumn: string | null): readonly RawBuilder<unknown>[];
  /**
   * Statements after which every insert, update or delete of `table` advances, in the writing
   * transaction, the counter of `versions.table` keyed by the changed row's `versions.columns`
   * (a row created at 1). For migrations; e.g. the tally versions per org (migration 018).
   */
  keyVersionTriggers(
    table: string,
    versions: { readonly table: string; readonly columns: readonly string[] },
  ): readonly RawBuilder<unknown>[];
}

/** An open database: the query builder, its dialect helpers, and how to close it. */
export interface Db {
  readonly kysely: Kysely<Database>;
  readonly dialect: SqlDialect;
  /** Human-readable location (file path or URL without password), never with secrets. */
  readonly location: string;
  close(): Promise<void>;
}

/** Kysely's log option, passing on the SQL text of each statement only (never its values). */
export function queryLog(onQuery: ((sql: string) => void) | undefined): Pick<KyselyConfig, 'log'> {
  return onQuery ? { log: (event) => onQuery(event.query.sql) } : {};
}
