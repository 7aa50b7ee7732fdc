/**
 * The SQL of the repositories as reviewable text (issue 9, point 10). Each module lists, in
 * `src/modules/<module>/<module>.queries.ts`, one example call of every exported function of
 * its `*-repository.ts` files (and of other SQL reached another way, such as the candidate
 * selection of each audit rule); `npm run queries` runs them against a fresh, migrated database
 * of each dialect, records every statement they run and writes it, formatted, to
 * `queries/<module>.<dialect>.sql` at the top of the repository (generated text, not source).
 * test/queries.test.ts fails when those files are stale, so a change to a repository shows its
 * SQL in the diff. The records writers run no after-write maintainers here: each repository's
 * file shows its own SQL (the fact maintainer's is in the indicators samples).
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import pg from 'pg';
import { format } from 'sql-formatter';
import { openDatabase, type Db } from '../src/db/database.js';
import { withRecordsMaintainers } from '../src/modules/records/after-write.js';
import { subtreeScope, type OrgScope } from '../src/domain/orgs/org-scope.js';

/** The two dialects Gongwei runs on. */
export type Dialect = 'sqlite' | 'postgres';

/** One call of a repository function with example arguments, on a database of the module's world. */
export type QuerySample = (db: Db) => Promise<unknown>;

/** Stands for a sample where an exported function runs no SQL (a helper building part of a query). */
export interface NoQuery {
  readonly noQuery: string;
}

type FunctionName<M> = {
  [K in keyof M]: M[K] extends (...args: never[]) => unknown ? K : never;
}[keyof M] &
  string;

/** The samples of one repository file, in the order they run and are written. */
export interface RepositorySamples {
  /** Path from src/modules, e.g. `orgs/org-repository.ts`. */
  readonly file: string;
  /**
   * Exported names of the file, to check that every function has its sample; null for
   * samples of SQL reached another way (see {@link selectionSamples}), not checked against exports.
   */
  readonly exportedFunctions: readonly string[] | null;
  readonly samples: readonly (readonly [name: string, sample: QuerySample | NoQuery])[];
}

/**
 * The samples of a repository file: TypeScript demands one entry per exported function, so a
 * new function cannot be forgotten. Entries run in the order written; a later entry sees what
 * an earlier one wrote (write first, then read, so reads find rows).
 *
 * @example
 * import * as orgs from './org-repository.js';
 * repositorySamples('orgs/org-repository.ts', orgs, {
 *   getOrg: (db) => orgs.getOrg(db, SAMPLE_SCOPE, SAMPLE_ORGS.village),
 *   subtreeColumn: { noQuery: 'names a column' },
 * });
 */
export function repositorySamples<M extends object>(
  file: string,
  exports: M,
  samples: { readonly [K in FunctionName<M>]: QuerySample | NoQuery },
): RepositorySamples {
  return {
    file,
    exportedFunctions: Object.entries(exports)
      .filter(([, value]) => typeof value === 'function' && !isClass(value))
      .map(([name]) => name),
    samples: Object.entries(samples) as [string, QuerySample | NoQuery][],
  };
}

/**
 * Samples of SQL that a file holds but reaches through something other than its exported
 * functions — e.g. an audit rule's candidate selection, run through the rule object that the
 * list of rules holds. Their names are free text and not checked against the file's exports.
 *
 * @example
 * selectionSamples('audits/rules/arm-bp-difference.ts', [['candidates', (db) => …]]);
 */
export function selectionSamples(
  file: string,
  samples: readonly (readonly [name: string, sample: QuerySample | NoQuery])[],
): RepositorySamples {
  return { file, exportedFunctions: null, samples };
}

function isClass(value: unknown): boolean {
  return /^class\b/.test(Function.prototype.toString.call(value));
}

/** What `src/modules/<module>/<module>.queries.ts` exports as `QUERY_SAMPLES`. */
export interface ModuleQueries {
  /** Rows the samples need, written before recording starts (not part of the output). */
  readonly prepare?: (db: Db) => Promise<void>;
  readonly repositories: readonly RepositorySamples[];
}

/** A module's samples, found by file name. */
export interface FoundModuleQueries extends ModuleQueries {
  /** Folder name under src/modules, e.g. `orgs`. */
  readonly module: string;
}

/** Codes of the sample world: a piece of the real division tree (泾川县, Pingliang). */
export const SAMPLE_ORGS = {
  province: '620000',
  city: '620800',
  county: '620881',
  township: '620881100',
  village: '620881100201',
  otherVillage: '620881100202',
} as const;

/**
 * The scope samples pass where a function takes one: the county subtree of the sample world,
 * narrow rather than the whole tree, so that the written SQL shows the scope predicate.
 */
export const SAMPLE_SCOPE: OrgScope = subtreeScope({
  code: SAMPLE_ORGS.county,
  level: 3,
  countyCode: SAMPLE_ORGS.county,
});

/** Record numbers of the two residents of the sample world (ids 1 and 2), in `SAMPLE_ORGS.village`. */
export const SAMPLE_RECORD_NOS = ['62088110020100001', '62088110020100002'] as const;

/**
 * Writes the sample world: the orgs of SAMPLE_ORGS and two residents. Straight SQL, so that
 * what a module's samples record does not depend on another module's repository.
 */
export async function insertSampleWorld(db: Db): Promise<void> {
  const o = SAMPLE_ORGS;
  const org = (code: string, name: string, level: 1 | 2 | 3 | 4 | 5, parent: string | null) => ({
    code,
    name,
    level,
    parent_code: parent,
    province_code: o.province,
    city_code: level >= 2 ? o.city : null,
    county_code: level >= 3 ? o.county : null,
    township_code: level >= 4 ? o.township : null,
    urban_rural: level === 5 ? 'rural' : null,
    responsible_institution: null,
    responsible_person: null,
    contact_phone: null,
  });
  await db.kysely
    .insertInto('orgs')
    .values([
      org(o.province, '甘肃省', 1, null),
      org(o.city, '平凉市', 2, o.province),
      org(o.county, '泾川县', 3, o.city),
      org(o.township, '城关镇', 4, o.county),
      org(o.village, '一村', 5, o.township),
      org(o.otherVillage, '二村', 5, o.township),
    ])
    .execute();
  await db.kysely
    .insertInto('residents')
    .values(
      SAMPLE_RECORD_NOS.map((recordNo, i) => ({
        county_code: o.county,
        record_no: recordNo,
        id_number: '620881195501010011',
        name: `居民${i + 1}`,
        sex: 'M',
        birth_date: '1955-01-01',
        ethnicity: '汉族',
        org_code: o.village,
        phone: null,
        contact_name: null,
        contact_phone: null,
        electronic: 1,
        record_created: '2018-03-15',
        record_updated: null,
        death_date: null,
        moved_out_date: null,
        created_at: '2020-01-01T00:00:00.000Z',
        updated_at: '2020-01-01T00:00:00.000Z',
      })),
    )
    .execute();
}

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const MODULES = join(ROOT, 'src/modules');

/** The folder, at the top of the repository, where the SQL of the modules is committed. */
export const QUERIES_FOLDER = 'queries';

/** Where the SQL of a module is committed: `queries/<module>.<dialect>.sql`. */
export function queriesFile(module: string, dialect: Dialect): string {
  return join(ROOT, QUERIES_FOLDER, `${module}.${dialect}.sql`);
}

/** Every `*-repository.ts` under src/modules, as `module/file`, sorted. */
export function repositoryFiles(): string[] {
  return readdirSync(MODULES, { recursive: true, encoding: 'utf8' })
    .filter((path) => path.endsWith('-repository.ts'))
    .map((path) => path.split('\\').join('/'))
    .sort();
}

/** Imports every module's `<module>.queries.ts`, sorted by module. */
export async function findModuleQueries(): Promise<FoundModuleQueries[]> {
  const found: FoundModuleQueries[] = [];
  for (const module of readdirSync(MODULES).sort()) {
    const file = join(MODULES, module, `${module}.queries.ts`);
    if (!readdirSync(join(MODULES, module)).includes(`${module}.queries.ts`)) continue;
    const imported = (await import(pathToFileURL(file).href)) as { QUERY_SAMPLES?: ModuleQueries };
    if (imported.QUERY_SAMPLES === undefined)
      throw new Error(`${module}.queries.ts must export QUERY_SAMPLES`);
    found.push({ module, ...imported.QUERY_SAMPLES });
  }
  return found;
}

/** Exported functions of a repository file that have no sample, and samples of no export. */
export function missingSamples(r: RepositorySamples): { missing: string[]; unknown: string[] } {
  const exported = r.exportedFunctions;
  if (exported === null) return { missing: [], unknown: [] };
  const named = new Set(r.samples.map(([name]) => name));
  return {
    missing: exported.filter((name) => !named.has(name)),
    unknown: [...named].filter((name) => !exported.includes(name)),
  };
}

/** A fresh database of one dialect whose statements can be recorded. */
interface RecordingDatabase {
  readonly db: Db;
  /** Runs `body` and returns the SQL text of every statement it ran, in order. */
  record(body: () => Promise<unknown>): Promise<string[]>;
  close(): Promise<void>;
}

async function openRecordingDatabase(
  dialect: Dialect,
  postgresUrl: string | null,
): Promise<RecordingDatabase> {
  let recording: string[] | null = null;
  const onQuery = (text: string): void => void recording?.push(text);
  let db: Db;
  let dispose: () => Promise<void>;
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'gongwei-queries-'));
    db = withRecordsMaintainers(await openDatabase({ file: join(dir, 'queries.sqlite') }, { onQuery }), []);
    dispose = async () => rmSync(dir, { recursive: true, force: true });
  } else {
    if (postgresUrl === null) throw new Error('no PostgreSQL server to write the PostgreSQL queries with');
    const schema = `gw_queries_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
    await adminQuery(postgresUrl, `create schema ${schema}`);
    db = withRecordsMaintainers(await openDatabase({ url: postgresUrl, schema }, { onQuery }), []);
    dispose = () => adminQuery(postgresUrl, `drop schema if exists ${schema} cascade`);
  }
  return {
    db,
    async record(body) {
      const statements: string[] = [];
      recording = statements;
      try {
        await body();
      } finally {
        recording = null;
      }
      return statements;
    },
    async close() {
      await db.close();
      await dispose();
    },
  };
}

async function adminQuery(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** One statement as written: formatted, with its placeholders (`?`, `$1`), ending in `;`. */
function formatStatement(text: string, dialect: Dialect): string {
  const formatted = format(text, {
    language: dialect === 'sqlite' ? 'sqlite' : 'postgresql',
    keywordCase: 'preserve',
    tabWidth: 2,
  });
  // A list of placeholders only (`in (?, ?, …)`, a row of values) on one line, not one a line.
  const joined = formatted.replace(PLACEHOLDER_LIST, (list: string) =>
    list.replace(/\s+/g, ' ').replace('( ', '(').replace(' )', ')'),
  );
  return `${joined.trimEnd()};`;
}

const PLACEHOLDER_LIST = /\(\n(?:\s*(?:\?|\$\d+),\n)+\s*(?:\?|\$\d+)\n\s*\)/g;

/**
 * The text of `queries/<module>.<dialect>.sql`: for each sample, in order, a header naming
 * the function and the statements its call ran. A statement run several times in a row
 * (one per chunk, per rule, …) is written once with its count.
 */
export async function moduleQueriesText(
  m: FoundModuleQueries,
  dialect: Dialect,
  postgresUrl: string | null,
): Promise<string> {
  const database = await openRecordingDatabase(dialect, postgresUrl);
  const out: string[] = [
    `-- Written by \`npm run queries\` from src/modules/${m.module}/${m.module}.queries.ts: do not edit.`,
    `-- The ${dialect === 'sqlite' ? 'SQLite' : 'PostgreSQL'} statements each repository function runs, ` +
      `in order, on the example arguments there; values are bound to the placeholders and not shown.`,
  ];
  try {
    await m.prepare?.(database.db);
    for (const repository of m.repositories) {
      for (const [name, sample] of repository.samples) {
        out.push('', `-- ${repository.file}: ${name}`);
        if ('noQuery' in sample) {
          out.push(`-- (no statement: ${sample.noQuery})`);
          continue;
        }
        let statements: string[];
        try {
          statements = await database.record(() => sample(database.db));
        } catch (error) {
          throw new Error(`${m.module}: the sample of ${repository.file} ${name} failed on ${dialect}`, {
            cause: error,
          });
        }
        if (statements.length === 0)
          throw new Error(
            `${m.module}: the sample of ${repository.file} ${name} ran no statement on ${dialect}; ` +
              'give it arguments that reach the database, or mark it { noQuery: why }',
          );
        for (let i = 0; i < statements.length;) {
          let times = 1;
          while (statements[i + times] === statements[i]) times += 1;
          if (times > 1) out.push(`-- (${times} times)`);
          out.push(formatStatement(statements[i]!, dialect));
          i += times;
        }
      }
    }
  } finally {
    await database.close();
  }
  return out.join('\n') + '\n';
}
