import type { Compilable, Kysely } from 'kysely';
import { CompiledQuery } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { OrgScope } from '../orgs/org-scope.js';

/**
 * A compiled multi-row statement and, for each of its parameters, which input value it
 * binds: a row position (≥ 0), or a constant of the statement (the codes of an org scope),
 * stored at `-1 - slot` of `constants`.
 */
interface Template {
  readonly sql: string;
  readonly slots: readonly number[];
  readonly constants: readonly unknown[];
}

// Compiled per dialect adapter (SQLite and PostgreSQL write different SQL) and per shape.
const templates = new WeakMap<object, Map<string, Template>>();

/** The part of a template's key that tells apart statements confined to different scopes. */
function scopeKey(scope: OrgScope | undefined): string {
  if (scope === undefined) return '';
  if (scope.kind === 'all') return ':all';
  return `:${scope.roots.map((r) => `${r.level}/${r.code}/${r.countyCode ?? ''}`).join(',')}`;
}

/**
 * Executes a statement over many rows at the cost of one Kysely compilation per statement
 * shape instead of one per batch. Building and compiling a 30 000-value insert through the
 * query builder costs more than SQLite takes to run it; the shape only depends on the row
 * count, so the statement is built once with placeholders standing for value positions,
 * and later batches bind their values in the order the compiler chose.
 *
 * `values` holds `rowCount × width` values row by row; `build` receives, for each row, the
 * positions of its values and must use each position as the value of one column. A
 * statement confined to an org scope (`rowsInScope`) names that scope as `scope`: the
 * scope's codes are the statement's own constants, compiled once per scope.
 *
 * @example
 * await executeBatch(trx, 'residents.upsert', 2, ['a', 1, 'b', 2], (rows) =>
 *   trx.insertInto('t').values(rows.map(([x, y]) => ({ x, y }))));
 * await executeBatch(trx, 'residents.by_record_no', 1, numbers, (rows) =>
 *   trx.selectFrom('residents').where('record_no', 'in', rows.map((r) => r[0])).where(rowsInScope(scope, …)), scope);
 */
export async function executeBatch<R>(
  trx: Kysely<Database>,
  shape: string,
  width: number,
  values: readonly unknown[],
  build: (rows: number[][]) => Compilable<R>,
  scope?: OrgScope,
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
  const key = `${shape}:${width}:${rowCount}${scopeKey(scope)}`;
  let template = byShape.get(key);
  if (template === undefined) {
    const rows = Array.from({ length: rowCount }, (_, r) =>
      Array.from({ length: width }, (_, c) => r * width + c),
    );
    const compiled = build(rows).compile();
    const constants: unknown[] = [];
    const slots = compiled.parameters.map((p) => {
      if (typeof p === 'number' && Number.isInteger(p) && p >= 0 && p < values.length) return p;
      // Only a scope's codes (text) may be bound besides row positions.
      if (scope !== undefined && typeof p === 'string') return -1 - (constants.push(p) - 1);
      throw new Error(`${shape}: the statement binds a value that is not a row position`);
    });
    template = { sql: compiled.sql, slots, constants };
    byShape.set(key, template);
  }
  const { slots, constants } = template;
  const parameters = new Array<unknown>(slots.length);
  for (let i = 0; i < slots.length; i++) {
    const slot = slots[i]!;
    parameters[i] = slot >= 0 ? values[slot] : constants[-1 - slot];
  }
  const result = await trx.executeQuery<R>(CompiledQuery.raw(template.sql, parameters));
  return result.rows;
}
