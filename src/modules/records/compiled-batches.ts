import type { Compilable, Kysely } from 'kysely';
import { CompiledQuery } from 'kysely';
import type { Database } from '../../db/schema.js';

/** A compiled multi-row statement and, for each of its parameters, which input value it binds. */
interface Template {
  readonly sql: string;
  readonly slots: readonly number[];
}

// Compiled per dialect adapter (SQLite and PostgreSQL write different SQL) and per shape.
const templates = new WeakMap<object, Map<string, Template>>();

/**
 * Executes a statement over many rows at the cost of one Kysely compilation per statement
 * shape instead of one per batch. Building and compiling a 30 000-value insert through the
 * query builder costs more than SQLite takes to run it; the shape only depends on the row
 * count, so the statement is built once with placeholders standing for value positions,
 * and later batches bind their values in the order the compiler chose.
 *
 * `values` holds `rowCount × width` values row by row; `build` receives, for each row, the
 * positions of its values and must use each position as the value of one column.
 *
 * @example
 * await executeBatch(trx, 'residents.upsert', 2, ['a', 1, 'b', 2], (rows) =>
 *   trx.insertInto('t').values(rows.map(([x, y]) => ({ x, y }))));
 */
export async function executeBatch<R>(
  trx: Kysely<Database>,
  shape: string,
  width: number,
  values: readonly unknown[],
  build: (rows: number[][]) => Compilable<R>,
): Promise<R[]> {
  const rowCount = values.length / width;
  if (!Number.isInteger(rowCount) || rowCount === 0)
    throw new RangeError(`${shape}: ${values.length} values for width ${width}`);
  const adapter = trx.getExecutor().adapter;
  let byShape = templates.get(adapter);
  if (byShape === undefined) {
    byShape = new Map();
    templates.set(adapter, byShape);
  }
  const key = `${shape}:${width}:${rowCount}`;
  let template = byShape.get(key);
  if (template === undefined) {
    const rows = Array.from({ length: rowCount }, (_, r) =>
      Array.from({ length: width }, (_, c) => r * width + c),
    );
    const compiled = build(rows).compile();
    const slots = compiled.parameters.map((p) => {
      if (typeof p !== 'number' || !Number.isInteger(p) || p < 0 || p >= values.length)
        throw new Error(`${shape}: the statement binds a value that is not a row position`);
      return p;
    });
    template = { sql: compiled.sql, slots };
    byShape.set(key, template);
  }
  const slots = template.slots;
  const parameters = new Array<unknown>(slots.length);
  for (let i = 0; i < slots.length; i++) parameters[i] = values[slots[i]!];
  const result = await trx.executeQuery<R>(CompiledQuery.raw(template.sql, parameters));
  return result.rows;
}
