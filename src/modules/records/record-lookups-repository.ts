/**
 * Finding records by their keys (record numbers, org codes, service keys), within an org
 * scope: a record outside the scope is not found. The write paths resolve the references of
 * a batch with these before writing it.
 */
import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { Database } from '../../db/schema.js';
import { chunks, KEYS_PER_LOOKUP } from '../../db/statement-chunks.js';
import type { ResidentInput } from '../../domain/records/inputs.js';
import { orgsInScope, rowsInScope, type OrgScope } from '../orgs/org-scope.js';
import { executeBatch } from './compiled-batches.js';

/** A resident as stored, with its surrogate id and bookkeeping timestamps. */
export interface StoredResident extends ResidentInput {
  id: number;
  countyCode: string;
  createdAt: string;
  updatedAt: string;
}

/** What writes need to know about a resident found by record number. */
export interface ResidentRef {
  id: number;
  orgCode: string;
  /** The person's birth and death (ISO, or null): a service must lie between them. */
  birthDate: string | null;
  deathDate: string | null;
}

/** The residents table's scope columns, unaliased (updates and deletes name the table). */
export const RESIDENT_SCOPE_COLUMNS = { county: 'residents.county_code', org: 'residents.org_code' } as const;

/**
 * Finds the residents of `scope` by record number (any number of them, looked up in chunks).
 * Record numbers outside the scope are not found.
 *
 * @example const refs = await findResidentsByRecordNo(trx, scope, ['62088110020100001']);
 */
export async function findResidentsByRecordNo(
  trx: Kysely<Database>,
  scope: OrgScope,
  recordNos: Iterable<string>,
): Promise<Map<string, ResidentRef>> {
  const found = new Map<string, ResidentRef>();
  for (const part of chunks([...new Set(recordNos)], KEYS_PER_LOOKUP)) {
    const rows = await executeBatch(
      trx,
      'residents.by_record_no',
      1,
      part,
      (positions) =>
        trx
          .selectFrom('residents')
          .select(['id', 'record_no', 'org_code', 'birth_date', 'death_date'])
          .where('record_no', 'in', positions.map((p) => p[0]) as never[])
          .where(rowsInScope(scope, RESIDENT_SCOPE_COLUMNS)),
      scope,
    );
    for (const row of rows)
      found.set(row.record_no, {
        id: Number(row.id),
        orgCode: row.org_code,
        birthDate: row.birth_date,
        deathDate: row.death_date,
      });
  }
  return found;
}

/**
 * The subset of `codes` that are orgs of the division tree within `scope`.
 *
 * @example const known = await findOrgCodes(trx, scope, ['620881100201']);
 */
export async function findOrgCodes(
  trx: Kysely<Database>,
  scope: OrgScope,
  codes: Iterable<string>,
): Promise<Set<string>> {
  const found = new Set<string>();
  for (const part of chunks([...new Set(codes)], KEYS_PER_LOOKUP)) {
    const rows = await trx
      .selectFrom('orgs as o')
      .select('o.code')
      .where('o.code', 'in', part)
      .where(orgsInScope(scope, 'o'))
      .execute();
    for (const row of rows) found.add(row.code);
  }
  return found;
}

/** The services table's scope columns, unaliased (updates and deletes name the table). */
export const SERVICE_SCOPE_COLUMNS = { county: 'services.county_code', org: 'services.org_code' } as const;

/**
 * The condition a stored service (the `services` table, unaliased) of `scope` meets: it
 * happened at an org of the scope and, when it is a person's, that person lives in the
 * scope. A team sees neither a service of another village nor a service its villages'
 * clinic recorded for someone of another village.
 *
 * @example trx.deleteFrom('services').where('id', '=', id).where(servicesInScope(scope))
 */
export function servicesInScope(scope: OrgScope): RawBuilder<SqlBool> {
  if (scope.kind === 'all') return sql<SqlBool>`1 = 1`;
  const resident = rowsInScope(scope, { county: 'sr.county_code', org: 'sr.org_code' });
  // A correlated lookup by the resident's primary key: a county's residents are never read whole.
  return sql<SqlBool>`(${rowsInScope(scope, SERVICE_SCOPE_COLUMNS)} and (services.resident_id is null or exists (select 1 from residents sr where sr.id = services.resident_id and ${resident})))`;
}

/** Keys of a batch already stored, and those of them stored outside the writer's scope. */
export interface StoredKeys {
  readonly stored: ReadonlySet<string>;
  /** Stored under a village (or for a person) the scope does not hold: the batch must not update them. */
  readonly outside: ReadonlySet<string>;
}

/**
 * Which of `keys` are already stored in `column` of `table` (a statement per 2000 keys), and
 * which of those lie outside `scope`: an upsert matched on these keys would otherwise update a
 * row the writer may not touch.
 *
 * @example const { stored, outside } = await storedKeys(trx, scope, 'residents', 'record_no', numbers);
 */
export async function storedKeys(
  trx: Kysely<Database>,
  scope: OrgScope,
  table: 'residents' | 'services',
  column: 'record_no' | 'service_key',
  keys: readonly string[],
): Promise<StoredKeys> {
  const inScope = table === 'residents' ? rowsInScope(scope, RESIDENT_SCOPE_COLUMNS) : servicesInScope(scope);
  const stored = new Set<string>();
  const outside = new Set<string>();
  for (const part of chunks([...new Set(keys)], KEYS_PER_LOOKUP)) {
    const rows = await executeBatch(
      trx,
      `${table}.${column}.stored`,
      1,
      part,
      (positions) =>
        trx
          .selectFrom(table)
          .select([
            sql<string>`${sql.ref(`${table}.${column}`)}`.as('key'),
            sql<number>`case when ${inScope} then 1 else 0 end`.as('in_scope'),
          ])
          .where(column, 'in', positions.map((p) => p[0]) as never[]),
      scope,
    );
    for (const row of rows) {
      stored.add(row.key);
      if (Number(row.in_scope) !== 1) outside.add(row.key);
    }
  }
  return { stored, outside };
}

/**
 * A resident of `scope` by record number, or null (also when the resident lives outside it).
 *
 * @example const resident = await getResidentByRecordNo(db.kysely, scope, '62088110020100001');
 */
export async function getResidentByRecordNo(
  db: Kysely<Database>,
  scope: OrgScope,
  recordNo: string,
): Promise<StoredResident | null> {
  const row = await db
    .selectFrom('residents')
    .selectAll()
    .where('record_no', '=', recordNo)
    .where(rowsInScope(scope, RESIDENT_SCOPE_COLUMNS))
    .executeTakeFirst();
  if (row === undefined) return null;
  return {
    id: Number(row.id),
    countyCode: row.county_code,
    recordNo: row.record_no,
    idNumber: row.id_number,
    name: row.name,
    sex: row.sex === 'M' || row.sex === 'F' ? row.sex : null,
    birthDate: row.birth_date,
    ethnicity: row.ethnicity,
    orgCode: row.org_code,
    phone: row.phone,
    contactName: row.contact_name,
    contactPhone: row.contact_phone,
    electronic: row.electronic === 1,
    recordCreated: row.record_created,
    recordUpdated: row.record_updated,
    deathDate: row.death_date,
    movedOutDate: row.moved_out_date,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
