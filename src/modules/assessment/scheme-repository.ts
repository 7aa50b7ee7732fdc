/**
 * Storage of assessment schemes: every version kept, the newest by default. Schemes are
 * shared configuration (like the indicator catalogue), not data of an org: any signed-in
 * reader may read them, so these functions take no scope.
 */
import type { Kysely } from 'kysely';
import type { Db } from '../../db/database.js';
import type { Database } from '../../db/schema.js';
import { assessmentHandle as handle } from './assessment-tables.js';

/** A stored scheme version. */
export interface StoredScheme {
  id: number;
  code: string;
  version: number;
  name: { zh: string; en: string };
  /** The scheme as written (JSON value). */
  definition: unknown;
  maxCenti: number;
  createdBy: string;
  createdAt: string;
}

/** What {@link insertSchemeVersion} stores. */
export type SchemeVersionInput = Omit<StoredScheme, 'id'>;

type Row = {
  id: number;
  code: string;
  version: number;
  name_zh: string;
  name_en: string;
  definition: string;
  max_centi: number;
  created_by: string;
  created_at: string;
};

function toScheme(r: Row): StoredScheme {
  return {
    id: Number(r.id),
    code: r.code,
    version: Number(r.version),
    name: { zh: r.name_zh, en: r.name_en },
    definition: JSON.parse(r.definition) as unknown,
    maxCenti: Number(r.max_centi),
    createdBy: r.created_by,
    createdAt: r.created_at,
  };
}

/**
 * Stores a version of a scheme; the caller has chosen the version number (the next one).
 *
 * @example
 * await insertSchemeVersion(trx, { code: 'national-basic', version: 2, … })
 */
export async function insertSchemeVersion(db: Db | Kysely<Database>, s: SchemeVersionInput): Promise<number> {
  const row = await handle(db)
    .insertInto('assessment_schemes')
    .values({
      code: s.code,
      version: s.version,
      name_zh: s.name.zh,
      name_en: s.name.en,
      definition: JSON.stringify(s.definition),
      max_centi: s.maxCenti,
      created_by: s.createdBy,
      created_at: s.createdAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

/** The newest version of `code`, or the version asked for; null when there is none. */
export async function selectScheme(
  db: Db | Kysely<Database>,
  code: string,
  version?: number,
): Promise<StoredScheme | null> {
  let q = handle(db).selectFrom('assessment_schemes').selectAll().where('code', '=', code);
  if (version !== undefined) q = q.where('version', '=', version);
  const row = await q.orderBy('version', 'desc').limit(1).executeTakeFirst();
  return row ? toScheme(row) : null;
}

/** A scheme by its stored id. */
export async function selectSchemeById(db: Db | Kysely<Database>, id: number): Promise<StoredScheme | null> {
  const row = await handle(db)
    .selectFrom('assessment_schemes')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toScheme(row) : null;
}

/** Every version of every scheme, by code and version (the definitions left out). */
export async function listSchemeVersions(db: Db): Promise<Array<Omit<StoredScheme, 'definition'>>> {
  const rows = await handle(db)
    .selectFrom('assessment_schemes')
    .select(['id', 'code', 'version', 'name_zh', 'name_en', 'max_centi', 'created_by', 'created_at'])
    .orderBy('code')
    .orderBy('version')
    .execute();
  return rows.map((r) => {
    const { definition: _d, ...rest } = toScheme({ ...r, definition: 'null' });
    return rest;
  });
}
