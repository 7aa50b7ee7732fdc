/**
 * Use-cases of schemes: import a scheme as a new version, read one (the newest by default),
 * export it as JSON. The default scheme (src/domain/assessment/default-scheme.ts) is stored
 * as version 1 of its code the first time it is asked for, so that runs always point to a
 * stored version.
 */
import type { Db } from '../../db/database.js';
import { DEFAULT_SCHEME, DEFAULT_SCHEME_JSON } from '../../domain/assessment/default-scheme.js';
import { parseScheme, schemeMaxCenti, type Scheme } from '../../domain/assessment/scheme.js';
import { GongweiError } from '../../domain/gongwei-error.js';
import {
  insertSchemeVersion,
  listSchemeVersions,
  selectScheme,
  type StoredScheme,
} from './scheme-repository.js';

/** Who stores the default scheme. */
const SYSTEM = 'system';

/** A stored scheme, parsed. */
export interface LoadedScheme {
  readonly stored: StoredScheme;
  readonly scheme: Scheme;
}

function sameDefinition(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

async function storeDefaultIfAbsent(db: Db): Promise<void> {
  if (await selectScheme(db, DEFAULT_SCHEME.code)) return;
  await insertSchemeVersion(db, {
    code: DEFAULT_SCHEME.code,
    version: 1,
    name: DEFAULT_SCHEME.name,
    definition: DEFAULT_SCHEME,
    maxCenti: schemeMaxCenti(DEFAULT_SCHEME),
    createdBy: SYSTEM,
    createdAt: new Date(0).toISOString(),
  }).catch(async (error: unknown) => {
    // Two first uses at once: the other one stored it.
    if (!(await selectScheme(db, DEFAULT_SCHEME.code))) throw error;
  });
}

/**
 * Imports a scheme (JSON value) as the next version of its code. A scheme equal to the
 * newest stored version is not stored again: the answer is that version, `created: false`.
 *
 * @example
 * await importScheme(db, JSON.parse(text), { by: 'bureau1', at: new Date().toISOString() })
 */
export async function importScheme(
  db: Db,
  value: unknown,
  who: { by: string; at: string },
): Promise<{ stored: StoredScheme; created: boolean }> {
  const scheme = parseScheme(value);
  await storeDefaultIfAbsent(db);
  return db.kysely.transaction().execute(async (trx) => {
    const newest = await selectScheme(trx, scheme.code);
    if (newest && sameDefinition(newest.definition, scheme)) return { stored: newest, created: false };
    const version = (newest?.version ?? 0) + 1;
    await insertSchemeVersion(trx, {
      code: scheme.code,
      version,
      name: scheme.name,
      definition: scheme,
      maxCenti: schemeMaxCenti(scheme),
      createdBy: who.by,
      createdAt: who.at,
    });
    return { stored: (await selectScheme(trx, scheme.code, version))!, created: true };
  });
}

/**
 * A stored scheme (the newest version unless one is named), parsed; 404 naming `field` when
 * there is none.
 */
export async function loadScheme(
  db: Db,
  code: string,
  version?: number,
  field = 'scheme',
  options: { readonly readOnly?: boolean } = {},
): Promise<LoadedScheme> {
  if (code === DEFAULT_SCHEME.code) {
    // A read never writes: before the default is stored, readers get it from the code.
    if (!options.readOnly) await storeDefaultIfAbsent(db);
    else if ((version === undefined || version === 1) && !(await selectScheme(db, code)))
      return { stored: defaultUnstored(), scheme: DEFAULT_SCHEME };
  }
  const stored = await selectScheme(db, code, version);
  if (!stored)
    throw GongweiError.notFound(
      {
        zh: `没有考核方案 ${code}${version === undefined ? '' : ` 第${version}版`}`,
        en: `no assessment scheme '${code}'${version === undefined ? '' : ` version ${version}`}`,
      },
      field,
    );
  return { stored, scheme: parseScheme(stored.definition) };
}

/** The default scheme as version 1 before it is stored (id 0: not stored yet). */
function defaultUnstored(): StoredScheme {
  return {
    id: 0,
    code: DEFAULT_SCHEME.code,
    version: 1,
    name: DEFAULT_SCHEME.name,
    definition: DEFAULT_SCHEME,
    maxCenti: schemeMaxCenti(DEFAULT_SCHEME),
    createdBy: SYSTEM,
    createdAt: new Date(0).toISOString(),
  };
}

/** Every stored scheme version, with the default's version 1 (id 0) while it is not stored. Writes nothing. */
export async function listSchemes(db: Db): Promise<Array<Omit<StoredScheme, 'definition'>>> {
  const stored = await listSchemeVersions(db);
  if (stored.some((s) => s.code === DEFAULT_SCHEME.code)) return stored;
  const { definition: _d, ...first } = defaultUnstored();
  return [first, ...stored];
}

/** The default scheme as written, for a first export before anything is stored. */
export const DEFAULT_SCHEME_CODE = DEFAULT_SCHEME_JSON.code;
