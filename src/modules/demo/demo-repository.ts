/**
 * SQL of the demo module: whether a database already holds records (the demo only fills an
 * empty one).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { rowsInScope, type OrgScope } from '../orgs/org-scope.js';

/**
 * Resident records in `scope`.
 *
 * @example
 * await countResidents(db.kysely, WHOLE_TREE) // 0 on a new database
 */
export async function countResidents(h: Kysely<Database>, scope: OrgScope): Promise<number> {
  const row = await h
    .selectFrom('residents as r')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where(rowsInScope(scope, { county: 'r.county_code', org: 'r.org_code' }))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * True when `scope` holds at least one resident record: one row read, however large the
 * database.
 *
 * @example
 * if (!(await holdsResidents(db.kysely, WHOLE_TREE))) await generateDemo(db, options);
 */
export async function holdsResidents(h: Kysely<Database>, scope: OrgScope): Promise<boolean> {
  const row = await h
    .selectFrom('residents as r')
    .select('r.id')
    .where(rowsInScope(scope, { county: 'r.county_code', org: 'r.org_code' }))
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
