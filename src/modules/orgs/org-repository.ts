import type { Kysely, Selectable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { Database, OrgLevel, OrgTable } from '../../db/schema.js';
import { chunks, KEYS_PER_LOOKUP, rowsPerStatement } from '../../db/statement-chunks.js';
import type { DivisionPosition, UrbanRural } from '../../domain/orgs/division-codes.js';
import {
  ancestorColumn,
  isEmptyScope,
  narrowScope,
  orgsInScope,
  scopeIncludes,
  type OrgScope,
} from './org-scope.js';

/** A row to write into the tree by `upsertOrgs` (responsible fields are never touched by it). */
export interface OrgRow extends DivisionPosition {
  name: string;
  urbanRural: UrbanRural | null;
}

/** An org of the tree as the modules see it. */
export interface Org extends OrgRow {
  responsibleInstitution: string | null;
  responsiblePerson: string | null;
  contactPhone: string | null;
}

/** The fields a user may change on an org (`gongwei orgs set`, PATCH /api/orgs/:code). */
export interface OrgResponsibleUpdate {
  responsibleInstitution?: string | null;
  responsiblePerson?: string | null;
  contactPhone?: string | null;
  urbanRural?: UrbanRural | null;
}

function toOrg(row: Selectable<OrgTable>): Org {
  return {
    code: row.code,
    name: row.name,
    level: Number(row.level) as OrgLevel,
    parentCode: row.parent_code,
    provinceCode: row.province_code,
    cityCode: row.city_code,
    countyCode: row.county_code,
    townshipCode: row.township_code,
    urbanRural: row.urban_rural === 'urban' || row.urban_rural === 'rural' ? row.urban_rural : null,
    responsibleInstitution: row.responsible_institution,
    responsiblePerson: row.responsible_person,
    contactPhone: row.contact_phone,
  };
}

/**
 * The org with this code as `scope` (the caller's) sees it. An org inside the scope comes in
 * full. An org above it (the county of a township's centre) comes with its name, type and
 * place in the tree — the caller's own breadcrumbs — but without its responsible person and
 * contact phone, which are personal data of an office the caller does not oversee. An org
 * beside the scope is null, as is an unknown code: a route that must tell the two apart (404
 * or 403) asks `scopeOfOrg` first.
 *
 * @example
 * await getOrg(db, callerScope(request), '620881100') // the township, or null outside the scope
 */
export async function getOrg(db: Db, scope: OrgScope, code: string): Promise<Org | null> {
  const row = await db.kysely.selectFrom('orgs').selectAll().where('code', '=', code).executeTakeFirst();
  if (!row) return null;
  const org = toOrg(row);
  if (scopeIncludes(scope, org)) return org;
  if (isEmptyScope(narrowScope(scope, org))) return null;
  return { ...org, responsiblePerson: null, contactPhone: null };
}

/**
 * The direct children of an org that `scope` sees, by code. Empty when the org has none or
 * does not exist.
 *
 * @example await listChildren(db, scope, '620881') // its townships
 */
export async function listChildren(db: Db, scope: OrgScope, code: string): Promise<Org[]> {
  const rows = await db.kysely
    .selectFrom('orgs as o')
    .selectAll('o')
    .where('o.parent_code', '=', code)
    .where(orgsInScope(scope, 'o'))
    .orderBy('o.code')
    .execute();
  return rows.map(toOrg);
}

/**
 * The top of what `scope` sees: the orgs without a parent (provinces, after a division
 * import) for the whole tree, the roots of its subtrees otherwise.
 *
 * @example await listRoots(db, OPERATOR_SCOPE) // [甘肃省]
 */
export async function listRoots(db: Db, scope: OrgScope): Promise<Org[]> {
  if (scope.kind === 'subtrees' && scope.roots.length === 0) return [];
  const rows = await db.kysely
    .selectFrom('orgs as o')
    .selectAll('o')
    .where((eb) =>
      scope.kind === 'all'
        ? eb('o.parent_code', 'is', null)
        : eb(
            'o.code',
            'in',
            scope.roots.map((r) => r.code),
          ),
    )
    .orderBy('o.code')
    .execute();
  return rows.map(toOrg);
}

/**
 * The org and every org below it that `scope` sees, by code (a parent always precedes its
 * children). `maxDepth` limits the generations below the org: 0 = the org only, 1 = it and
 * its children, … Depth counts tree steps, not levels: the townships of 东莞 (a city
 * without counties) are its children. Empty when the org does not exist.
 *
 * @example
 * await listSubtree(db, scope, '620800', 1) // Pingliang and its 7 counties
 */
export async function listSubtree(db: Db, scope: OrgScope, code: string, maxDepth?: number): Promise<Org[]> {
  const root = await getOrg(db, scope, code);
  if (!root) return [];
  let query = db.kysely
    .selectFrom('orgs as o')
    .selectAll('o')
    .where(`o.${ancestorColumn(root.level)}`, '=', code)
    .where(orgsInScope(scope, 'o'));
  const depth = maxDepth === undefined ? undefined : Math.max(0, maxDepth);
  // A generation spans one level, or two where a level is missing: fetch enough, then cut.
  if (depth !== undefined)
    query = query.where('o.level', '<=', Math.min(5, root.level + 2 * depth) as OrgLevel);
  // A parent's code sorts before its children's (it is their prefix, or ends in zeros).
  const rows = (await query.orderBy('o.code').execute()).map(toOrg);
  if (depth === undefined) return rows;
  const generation = new Map<string, number>([[code, 0]]);
  const out: Org[] = [];
  for (const org of rows) {
    const g = org.code === code ? 0 : (generation.get(org.parentCode ?? '') ?? Infinity) + 1;
    generation.set(org.code, g);
    if (g <= depth) out.push(org);
  }
  return out;
}

const ORG_COLUMNS = 9;

/**
 * Inserts or updates orgs by code. Names, levels, ancestors and the urban/rural type are
 * written; the responsible institution, person and phone are kept. A row whose stored
 * urban/rural type was set by the user is not distinguishable from a default, so
 * `keepUrbanRural` keeps any stored type (re-imports must not undo a user's choice).
 * The caller owns the transaction.
 */
export async function upsertOrgs(
  trx: Kysely<Database>,
  rows: readonly OrgRow[],
  options: { keepUrbanRural: boolean } = { keepUrbanRural: true },
): Promise<{ inserted: number; updated: number }> {
  let inserted = 0;
  let updated = 0;
  for (const chunk of chunks(rows, Math.min(KEYS_PER_LOOKUP, rowsPerStatement(ORG_COLUMNS)))) {
    const existing = new Set(
      (
        await trx
          .selectFrom('orgs')
          .select('code')
          .where(
            'code',
            'in',
            chunk.map((r) => r.code),
          )
          .execute()
      ).map((r) => r.code),
    );
    for (const r of chunk) {
      if (existing.has(r.code)) updated += 1;
      else inserted += 1;
    }
    await trx
      .insertInto('orgs')
      .values(
        chunk.map((r) => ({
          code: r.code,
          name: r.name,
          level: r.level,
          parent_code: r.parentCode,
          province_code: r.provinceCode,
          city_code: r.cityCode,
          county_code: r.countyCode,
          township_code: r.townshipCode,
          urban_rural: r.urbanRural,
        })),
      )
      .onConflict((oc) =>
        oc.column('code').doUpdateSet((eb) => ({
          name: eb.ref('excluded.name'),
          level: eb.ref('excluded.level'),
          parent_code: eb.ref('excluded.parent_code'),
          province_code: eb.ref('excluded.province_code'),
          city_code: eb.ref('excluded.city_code'),
          county_code: eb.ref('excluded.county_code'),
          township_code: eb.ref('excluded.township_code'),
          urban_rural: options.keepUrbanRural
            ? eb.fn.coalesce('orgs.urban_rural', eb.ref('excluded.urban_rural'))
            : eb.ref('excluded.urban_rural'),
        })),
      )
      .execute();
  }
  return { inserted, updated };
}

/**
 * Changes the responsible institution, person, contact phone or urban/rural type of an org
 * of `scope`. Fields left undefined are kept; null clears. Returns the updated org, or null
 * when the code is unknown or outside the scope.
 *
 * @example await updateOrgResponsible(db, scope, '620881100', { contactPhone: null })
 */
export async function updateOrgResponsible(
  db: Db,
  scope: OrgScope,
  code: string,
  update: OrgResponsibleUpdate,
): Promise<Org | null> {
  const set: Partial<
    Pick<OrgTable, 'responsible_institution' | 'responsible_person' | 'contact_phone' | 'urban_rural'>
  > = {};
  if (update.responsibleInstitution !== undefined)
    set.responsible_institution = update.responsibleInstitution;
  if (update.responsiblePerson !== undefined) set.responsible_person = update.responsiblePerson;
  if (update.contactPhone !== undefined) set.contact_phone = update.contactPhone;
  if (update.urbanRural !== undefined) set.urban_rural = update.urbanRural;
  const inScope = await db.kysely
    .selectFrom('orgs as o')
    .select('o.code')
    .where('o.code', '=', code)
    .where(orgsInScope(scope, 'o'))
    .executeTakeFirst();
  if (inScope === undefined) return null;
  if (Object.keys(set).length > 0) {
    await db.kysely.updateTable('orgs').set(set).where('code', '=', code).execute();
  }
  return getOrg(db, scope, code);
}
