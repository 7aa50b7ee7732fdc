/**
 * The writer's SQLite connection runs on the server's one event loop, and better-sqlite3 runs
 * each statement synchronously; Kysely awaits only promises that are already resolved, so a
 * transaction of fifty statements (a follow-up and its indicator facts) kept the loop from the
 * first to the last: a health check or a request waiting to be handed to a read worker
 * waited behind it (ADR 0014). This driver lets the loop run between two statements once the
 * connection has held it for a slice: the transaction stays one transaction (the connection
 * is still held, other writers still wait for it), only callbacks of other work run between.
 */
import {
  SqliteDialect,
  type CompiledQuery,
  type DatabaseConnection,
  type Driver,
  type QueryCompiler,
  type QueryResult,
  type TransactionSettings,
} from 'kysely';

/** Longest the connection keeps the event loop before it lets other callbacks run (ms). */
export const EVENT_LOOP_SLICE_MS = 5;

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** A connection that yields the event loop before a statement once a slice is spent. */
class SlicedConnection implements DatabaseConnection {
  #since = performance.now();

  constructor(readonly inner: DatabaseConnection) {}

  /** Called when the connection is handed out: its slice starts now. */
  restart(): void {
    this.#since = performance.now();
  }

  async #turn(): Promise<void> {
    if (performance.now() - this.#since < EVENT_LOOP_SLICE_MS) return;
    await nextTurn();
    this.#since = performance.now();
  }

  async executeQuery<R>(compiledQuery: CompiledQuery): Promise<QueryResult<R>> {
    await this.#turn();
    return this.inner.executeQuery<R>(compiledQuery);
  }

  async *streamQuery<R>(
    compiledQuery: CompiledQuery,
    chunkSize?: number,
  ): AsyncIterableIterator<QueryResult<R>> {
    await this.#turn();
    yield* this.inner.streamQuery<R>(compiledQuery, chunkSize);
  }
}

class SlicedDriver implements Driver {
  #connection: SlicedConnection | undefined;

  constructor(private readonly inner: Driver) {}

  init(): Promise<void> {
    return this.inner.init();
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    const inner = await this.inner.acquireConnection();
    // SQLite has one connection: wrap it once.
    if (this.#connection?.inner !== inner) this.#connection = new SlicedConnection(inner);
    this.#connection.restart();
    return this.#connection;
  }

  beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    return this.inner.beginTransaction(connection, settings);
  }

  commitTransaction(connection: DatabaseConnection): Promise<void> {
    return this.inner.commitTransaction(connection);
  }

  rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    return this.inner.rollbackTransaction(connection);
  }

  savepoint(
    connection: DatabaseConnection,
    name: string,
    compile: QueryCompiler['compileQuery'],
  ): Promise<void> {
    return this.#inner('savepoint').call(this.inner, connection, name, compile);
  }

  rollbackToSavepoint(
    connection: DatabaseConnection,
    name: string,
    compile: QueryCompiler['compileQuery'],
  ): Promise<void> {
    return this.#inner('rollbackToSavepoint').call(this.inner, connection, name, compile);
  }

  releaseSavepoint(
    connection: DatabaseConnection,
    name: string,
    compile: QueryCompiler['compileQuery'],
  ): Promise<void> {
    return this.#inner('releaseSavepoint').call(this.inner, connection, name, compile);
  }

  #inner(method: 'savepoint' | 'rollbackToSavepoint' | 'releaseSavepoint'): NonNullable<Driver['savepoint']> {
    const f = this.inner[method];
    if (f === undefined) throw new Error(`the SQLite driver has no ${method}`);
    return f;
  }

  releaseConnection(connection: DatabaseConnection): Promise<void> {
    return this.inner.releaseConnection((connection as SlicedConnection).inner);
  }

  destroy(): Promise<void> {
    return this.inner.destroy();
  }
}

/**
 * Kysely's SQLite dialect whose connection gives the event loop a turn between statements
 * every {@link EVENT_LOOP_SLICE_MS} ms. For the writer's connection on the server's loop; the
 * read workers have a loop of their own and use the plain dialect.
 *
 * @example new Kysely<Database>({ dialect: new EventLoopSlicingSqliteDialect({ database }) })
 */
export class EventLoopSlicingSqliteDialect extends SqliteDialect {
  override createDriver(): Driver {
    return new SlicedDriver(super.createDriver());
  }
}
