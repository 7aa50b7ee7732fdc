import SQLite from 'better-sqlite3';
import { EventLoopSlicingSqliteDialect } from './sqlite-event-loop-slices.js';
import { Kysely, SqliteDialect, sql, type SqliteDatabase, type SqliteStatement } from 'kysely';
import { walCheckpoints, type WalCheckpoints } from './sqlite-wal-checkpoints.js';
import type { Database } from '../schema.js';
import { queryLog, type Db, type SqlDialect } from './dialect.js';

/** SQLite helpers; dates are ISO text, so SQLite's date functions apply to them directly. */
export const sqliteDialect: SqlDialect = {
  name: 'sqlite',
  maxParameters: 32_000,
  oneConnection: true,
  jsonText: (column, key) => sql<string | null>`json_extract(${sql.ref(column)}, ${'$.' + key})`,
  daysBetween: (fromExpr, toExpr) =>
    sql<number>`cast(julianday(${sql.raw(toExpr)}) - julianday(${sql.raw(fromExpr)}) as integer)`,
  addMonths: (dateExpr, months) => sql<string>`date(${sql.raw(dateExpr)}, ${`${months} months`})`,
  withIdColumn: (table) => table.addColumn('id', 'integer', (c) => c.primaryKey()),
  clusteredByPrimaryKey: (table) => table.modifyEnd(sql`without rowid`),
  tableThroughIndex: (table, alias, index) =>
    sql`${sql.table(table)} as ${sql.id(alias)} indexed by ${sql.id(index)}`,
  allDigits: (expr) => sql<boolean>`(${expr} not glob '*[^0-9]*')`,
  appendOnlyTriggers: (table) =>
    (['update', 'delete'] as const).map(
      (event) =>
        sql`create trigger ${sql.id(`${table}_no_${event}`)} before ${sql.raw(event)} on ${sql.table(table)}
            begin select raise(abort, ${sql.lit(`${table} is append-only`)}); end`,
    ),
  // A write that changes nothing, first in the transaction: it takes the write lock before the
  // last link is read (waiting out busy_timeout for another process, the CLI beside the
  // server). Without it, a transaction that read first fails with SQLITE_BUSY_SNAPSHOT when
  // another connection appended in between. Matches no row, so no trigger fires.
  // No statistics on purpose: the plans were measured without sqlite_stat1, and the queries
  // that need a particular index name it (tableThroughIndex).
  plannerStatistics: null,
  lockForAppend: (table) => sql`update ${sql.table(table)} set id = id where 0`,
  // Row triggers (SQLite has no statement triggers): a write of n rows advances by n.
  dataVersionTriggers: (table, countyColumn) =>
    (['insert', 'update', 'delete'] as const).map((event) => {
      const row = event === 'delete' ? 'old' : 'new';
      const scope = countyColumn === null ? sql.lit('*') : sql.raw(`coalesce(${row}.${countyColumn}, '*')`);
      return sql`create trigger ${sql.id(`${table}_version_${event}`)} after ${sql.raw(event)} on ${sql.table(table)}
          begin insert into data_versions (scope, version) values (${scope}, 1)
          on conflict (scope) do update set version = version + 1; end`;
    }),
  keyVersionTriggers: (table, versions) =>
    (['insert', 'update', 'delete'] as const).map((event) => {
      const row = event === 'delete' ? 'old' : 'new';
      const columns = sql.join(versions.columns.map((c) => sql.id(c)));
      const values = sql.join(versions.columns.map((c) => sql.raw(`${row}.${c}`)));
      return sql`create trigger ${sql.id(`${table}_${versions.table}_${event}`)} after ${sql.raw(event)} on ${sql.table(table)}
          begin insert into ${sql.table(versions.table)} (${columns}, version) values (${values}, 1)
          on conflict (${columns}) do update set version = version + 1; end`;
    }),
};

/**
 * Prepared statements kept per connection (the compiled multi-row writes are reused many
 * times). Few: a 1 600-row insert of 20 columns holds ~3 MB once prepared.
 */
const STATEMENT_CACHE = 16;

/**
 * The connection as Kysely sees it, preparing each SQL text once. Kysely prepares every
 * query it runs; a 1 000-row insert takes SQLite milliseconds to prepare, as long as it
 * takes to run, and the batch writers run the same few texts over and over. Kysely runs one
 * query at a time on the connection (a stream holds it until done), so a cached statement
 * is never in use twice.
 *
 * @param committed called after a statement that writes runs outside a transaction: a
 *   `commit`, or a write committed on its own
 */
function withStatementCache(native: SQLite.Database, committed?: () => void): SqliteDatabase {
  const cache = new Map<string, SqliteStatement>();
  return {
    close: () => native.close(),
    prepare: (text: string) => {
      let statement = cache.get(text);
      if (statement === undefined) {
        statement = committed
          ? tellingCommits(native, native.prepare(text), committed)
          : native.prepare(text);
        if (cache.size >= STATEMENT_CACHE) cache.delete(cache.keys().next().value!);
      } else cache.delete(text);
      // Re-inserted so that the map's order is least recently used first.
      cache.set(text, statement);
      return statement;
    },
  };
}

/** `statement`, calling `committed` each time it writes outside a transaction. */
function tellingCommits(
  native: SQLite.Database,
  statement: SQLite.Statement,
  committed: () => void,
): SqliteStatement {
  if (statement.reader) return statement;
  return {
    reader: false,
    all: (parameters) => statement.all(parameters),
    iterate: (parameters) => statement.iterate(parameters),
    run: (parameters) => {
      const outcome = statement.run(parameters);
      if (!native.inTransaction) committed();
      return outcome;
    },
  };
}

/**
 * Opens (creating if needed) an SQLite file with the pragmas Gongwei relies on:
 * WAL for concurrent readers during imports, foreign keys on, NORMAL sync (safe under WAL),
 * a 64 MB page cache, and the log's checkpoints run by a worker thread beside the writer
 * rather than inside its commits (./sqlite-wal-checkpoints.ts).
 */
export function openSqlite(
  file: string,
  options: { onQuery?: (sql: string) => void; readOnly?: boolean } = {},
): Db {
  if (options.readOnly) return readOnlyDb(file, options);
  const native = new SQLite(file);
  const journal = native.pragma('journal_mode = WAL', { simple: true });
  native.pragma('synchronous = NORMAL');
  native.pragma('foreign_keys = ON');
  native.pragma('busy_timeout = 10000');
  native.pragma('cache_size = -65536');
  native.pragma('temp_store = MEMORY');
  // No memory map (SQLite's default): a 256 MB map made the pages it touched part of the
  // process's resident memory (+215 MB for a county import, +80 MB for the audits) and made
  // neither faster (measured on the county demo, ADR 0014 amendment of 7 December 2026).
  const checkpoints = journal === 'wal' ? checkpointsBeside(native, file) : null;
  const kysely = new Kysely<Database>({
    dialect: new EventLoopSlicingSqliteDialect({
      database: withStatementCache(native, checkpoints ? () => checkpoints.committed() : undefined),
    }),
    ...queryLog(options.onQuery),
  });
  return {
    kysely,
    dialect: sqliteDialect,
    location: file,
    close: async () => {
      await checkpoints?.close();
      // The last connection to close copies what is left of the log and removes it.
      await kysely.destroy();
    },
  };
}

/** The writer's log checkpointed by a worker thread; SQLite's own rule again if that fails. */
function checkpointsBeside(native: SQLite.Database, file: string): WalCheckpoints {
  native.pragma('wal_autocheckpoint = 0');
  return walCheckpoints(file, {
    checkpointHere: () => native.pragma('wal_checkpoint(PASSIVE)'),
    onFailure: (message) => {
      native.pragma('wal_autocheckpoint = 1000');
      process.emitWarning(
        `SQLite log checkpoints in a worker failed (${message}); back to checkpoints at commit`,
      );
    },
  });
}

/**
 * A read-only connection to an existing SQLite file in WAL mode (the server's read workers,
 * ADR 0014): it never writes nor migrates, sees each commit of the writer as soon as it is
 * made, and keeps a smaller page cache (each worker holds one) and no memory map.
 */
function readOnlyDb(file: string, options: { onQuery?: (sql: string) => void }): Db {
  const native = new SQLite(file, { readonly: true, fileMustExist: true });
  native.pragma('busy_timeout = 10000');
  native.pragma('cache_size = -32768');
  native.pragma('temp_store = MEMORY');
  const kysely = new Kysely<Database>({
    dialect: new SqliteDialect({ database: withStatementCache(native) }),
    ...queryLog(options.onQuery),
  });
  return { kysely, dialect: sqliteDialect, location: file, close: () => kysely.destroy() };
}
