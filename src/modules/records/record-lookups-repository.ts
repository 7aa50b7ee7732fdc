/**
 * Finding records by their keys (record numbers, org codes, service keys), within an org
 * scope: a record outside the scope is not found. The write paths resolve the references of
 * a batch with these before writing it.
 */
import { sql, type Kysely } from 'kysely';
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
          .select(['id', 'record_no', 'org_code'])
          .where('record_no', 'in', positions.map((p) => p[0]) as never[])
          .where(rowsInScope(scope, RESIDENT_SCOPE_COLUMNS)),
      scope,
    );
    for (const row of rows) found.set(row.record_no, { id: Number(row.id), orgCode: row.org_code });
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

/**
 * Which of `keys` are already stored in `column` of `table` (one statement per batch). The
 * keys are those of rows a write is about to upsert; their references were resolved within
 * the writer's scope before.
 */
export async function storedKeys(
  trx: Kysely<Database>,
  table: 'residents' | 'services',
  column: 'record_no' | 'service_key',
  keys: readonly string[],
): Promise<Set<string>> {
  const rows = await executeBatch(trx, `${table}.${column}.stored`, 1, keys, (positions) =>
    trx
      .selectFrom(table)
      .select(sql<string>`${sql.ref(column)}`.as('key'))
      .where(column, 'in', positions.map((p) => p[0]) as never[]),
  );
  return new Set(rows.map((r) => r.key));
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
