/**
 * Storage of named parameters (a prevalence, …) per area and year: `target_parameters`. A
 * parameter of an org is its own value, else its nearest ancestor's.
 */
import type { Kysely } from 'kysely';
import type { Db } from '../../db/database.js';
import type { Database, OrgLevel } from '../../db/schema.js';
import { ancestorAt, findOrgLineage } from '../orgs/org-scope.js';
import { targetsHandle as handle } from './target-tables.js';

/** Sets a named parameter (a prevalence) for an area and year. The caller owns the transaction. */
export async function writeParameter(
  trx: Kysely<Database>,
  p: { orgCode: string; year: number; name: string; value: number; setBy: string; setAt: string },
): Promise<void> {
  const h = handle(trx);
  const updated = await h
    .updateTable('target_parameters')
    .set({ value: p.value, set_by: p.setBy, set_at: p.setAt })
    .where('org_code', '=', p.orgCode)
    .where('year', '=', p.year)
    .where('name', '=', p.name)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 0) {
    await h
      .insertInto('target_parameters')
      .values({
        org_code: p.orgCode,
        year: p.year,
        name: p.name,
        value: p.value,
        set_by: p.setBy,
        set_at: p.setAt,
      })
      .execute();
  }
}

// Nearest first: the org, then its township, county, city and province.
const NEAREST_FIRST: readonly OrgLevel[] = [5, 4, 3, 2, 1];

/**
 * The value of a named parameter for an org and year: the org's own, else the nearest
 * ancestor's (township, county, city, province); null when no area sets it. A parameter is
 * an area's figure, not per-person data: an ancestor's value serves every org below it.
 *
 * @example
 * await parameterFor(db, '620881100201', 2020, 'hypertensionPrevalence') // 0.25 (set on the county)
 */
export async function parameterFor(
  db: Db | Kysely<Database>,
  orgCode: string,
  year: number,
  name: string,
): Promise<number | null> {
  const h = handle(db);
  const org = await findOrgLineage('kysely' in db ? db.kysely : db, orgCode);
  if (!org) return null;
  const chain = NEAREST_FIRST.map((level) => ancestorAt(org, level)).filter((c): c is string => c !== null);
  const rows = await h
    .selectFrom('target_parameters')
    .select(['org_code', 'value'])
    .where('org_code', 'in', chain)
    .where('year', '=', year)
    .where('name', '=', name)
    .execute();
  for (const code of chain) {
    const row = rows.find((r) => r.org_code === code);
    if (row) return Number(row.value);
  }
  return null;
}
