/**
 * Backup and restore of a PostgreSQL database with PostgreSQL's own tools: pg_dump's
 * custom-format archive of the schema in use (one consistent snapshot, taken while writes
 * go on), pg_restore to read it back. Without the tools on PATH every operation refuses,
 * naming the package to install.
 */
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { redactUrl } from '../../db/dialects/postgres.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { DbTarget } from '../../db/database.js';
import { GongweiError } from '../../domain/gongwei-error.js';
import { HOLDING_TABLES, type TableCounts } from '../../domain/backup/restore-rules.js';
import type { BackupContents, BackupStore, BackupStoreOptions, CopyStats } from './backup-store.js';
import {
  archiveDataReader,
  libpqConnection,
  parseArchiveList,
  requireProgram,
  runProgram,
  type ArchiveEntry,
} from './pg-client-tools.js';

/**
 * The backup store of the PostgreSQL database of `target` (`target.url`, confined to
 * `target.schema` when given, as the server opens it). The options are SQLite's.
 *
 * @example
 * const store = postgresBackupStore({ url: process.env.DATABASE_URL });
 * await store.copyTo('backups/2024-06-30.dump', (done, total) => {});
 */
export function postgresBackupStore(target: DbTarget, _options: BackupStoreOptions = {}): BackupStore {
  const url = target.url ?? '';
  const connection = (): ReturnType<typeof libpqConnection> => libpqConnection(url);
  const client = <T>(work: (c: pg.Client) => Promise<T>): Promise<T> => withClient(target, work);
  return {
    location: redactUrl(url) + (target.schema ? ` (schema ${target.schema})` : ''),

    requireTools(operation) {
      if (operation === 'backup') requireProgram('pg_dump');
      // A backup is checked by reading it back with pg_restore.
      requireProgram('pg_restore');
    },

    appliedMigrations: () =>
      client(async (c) => {
        const schema = await schemaInUse(c, target);
        return schema === null ? [] : migrationsIn(c, schema);
      }),

    async copyTo(out, onProgress) {
      requireProgram('pg_dump');
      const { schema, sizes } = await client(async (c) => {
        const name = await schemaInUse(c, target);
        if (name === null) throw noSchema(url);
        return { schema: name, sizes: await tableSizes(c, name) };
      });
      const total = [...sizes.values()].reduce((a, b) => a + b, 0);
      let done = 0;
      let current: string | null = null;
      await runProgram(
        'pg_dump',
        [
          '--format=custom',
          `--schema=${schemaPattern(schema)}`,
          '--verbose',
          '--no-password',
          `--file=${out}`,
          `--dbname=${connection().dbname}`,
        ],
        {
          connection: connection(),
          // pg_dump names each table as it starts dumping its rows: progress by table size.
          onStderrLine: (line) => {
            const m = /dumping contents of table "(.+)"$/.exec(line);
            if (!m) return;
            if (current !== null) done += sizes.get(current) ?? 0;
            current = m[1]!;
            onProgress(done, total);
          },
        },
      );
      onProgress(total, total);
      return { bytes: statSync(out).size, restarts: 0 } satisfies CopyStats;
    },

    async readBackup(file): Promise<BackupContents> {
      const schema = dumpedSchema(await listArchive(file), file);
      const reader = archiveDataReader();
      await runProgram('pg_restore', ['--data-only', '--file=-', file], { onStdoutLine: reader.line });
      const { counts, migrations } = reader.data;
      if (migrations.length === 0)
        throw GongweiError.unprocessable({
          zh: `${file} 不是公卫数据库的备份（没有迁移记录）`,
          en: `${file} is not a backup of a Gongwei database (it records no migrations)`,
        });
      return {
        migrations: [...migrations].sort(),
        counts,
        check: `pg_restore read ${Object.keys(counts).length} tables of schema ${schema}`,
      };
    },

    async restoreFrom(file, contents, refuseUnlessEmpty, onProgress) {
      requireProgram('pg_restore');
      const entries = await listArchive(file);
      const dumped = dumpedSchema(entries, file);
      const schemaExists = await client(async (c) => {
        const schema = (await schemaInUse(c, target)) ?? dumped;
        if (schema !== dumped) throw otherSchema(dumped, schema);
        const present = await schemaPresent(c, schema);
        refuseUnlessEmpty(present ? await holdingsIn(c, schema) : {});
        if (!present) return false;
        await refuseNewerTarget(c, schema, contents.migrations);
        return true;
      });
      // An existing schema stays (it may be `public`, owned by the database's owner); its
      // Gongwei tables, migrated but empty, are dropped and recreated by --clean.
      const used = schemaExists
        ? entries.filter((e) => !(e.kind === 'SCHEMA' && e.name === dumped) && !isSchemaComment(e, dumped))
        : entries;
      const dir = mkdtempSync(join(tmpdir(), 'gongwei-restore-'));
      const totalRows = Object.values(contents.counts).reduce((a, b) => a + b, 0);
      const bytes = statSync(file).size;
      let doneRows = 0;
      let current: string | null = null;
      try {
        const listFile = join(dir, 'restore.list');
        writeFileSync(listFile, used.map((e) => e.line).join('\n') + '\n');
        await runProgram(
          'pg_restore',
          [
            '--clean',
            '--if-exists',
            '--single-transaction',
            '--no-owner',
            '--no-acl',
            '--no-password',
            '--verbose',
            `--use-list=${listFile}`,
            `--dbname=${connection().dbname}`,
            file,
          ],
          {
            connection: connection(),
            // Progress by rows restored, shown as the share of the archive's bytes.
            onStderrLine: (line) => {
              const m = /processing data for table "(.+)"$/.exec(line);
              if (!m) return;
              if (current !== null) doneRows += contents.counts[current] ?? 0;
              current = m[1]!.split('.').pop()!;
              onProgress(totalRows === 0 ? 0 : Math.round((bytes * doneRows) / totalRows), bytes);
            },
          },
        );
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
      onProgress(bytes, bytes);
    },

    checkIntegrity: () =>
      client(async (c) => {
        const schema = (await schemaInUse(c, target)) ?? 'public';
        const { rows } = await c.query<{ total: number; invalid: number }>(
          `select count(*)::int as total, (count(*) filter (where not c.convalidated))::int as invalid
             from pg_constraint c join pg_namespace n on n.oid = c.connamespace where n.nspname = $1`,
          [schema],
        );
        const { total, invalid } = rows[0]!;
        if (invalid > 0)
          throw GongweiError.unprocessable({
            zh: `恢复后有 ${invalid} 个约束未生效`,
            en: `${invalid} constraints are not valid after the restore`,
          });
        return `pg_restore in one transaction; ${total} constraints valid`;
      }),
  };
}

async function withClient<T>(target: DbTarget, work: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({
    connectionString: target.url,
    ...(target.schema ? { options: `-c search_path=${target.schema}` } : {}),
  });
  await c.connect();
  try {
    return await work(c);
  } finally {
    await c.end();
  }
}

/** The schema the server's connections use: the target's, else the first of search_path that exists. */
async function schemaInUse(c: pg.Client, target: DbTarget): Promise<string | null> {
  if (target.schema) return target.schema;
  const { rows } = await c.query<{ schema: string | null }>('select current_schema() as schema');
  return rows[0]?.schema ?? null;
}

async function schemaPresent(c: pg.Client, schema: string): Promise<boolean> {
  const { rowCount } = await c.query('select 1 from pg_namespace where nspname = $1', [schema]);
  return (rowCount ?? 0) > 0;
}

const ident = (name: string): string => `"${name.replaceAll('"', '""')}"`;

/** pg_dump's --schema takes a pattern; a double-quoted name matches itself only. */
const schemaPattern = ident;

async function tablesIn(c: pg.Client, schema: string): Promise<Set<string>> {
  const { rows } = await c.query<{ name: string }>(
    `select tablename as name from pg_tables where schemaname = $1`,
    [schema],
  );
  return new Set(rows.map((r) => r.name));
}

async function migrationsIn(c: pg.Client, schema: string): Promise<string[]> {
  if (!(await tablesIn(c, schema)).has('kysely_migration')) return [];
  const { rows } = await c.query<{ name: string }>(
    `select name from ${ident(schema)}.kysely_migration order by name`,
  );
  return rows.map((r) => r.name);
}

async function holdingsIn(c: pg.Client, schema: string): Promise<TableCounts> {
  const present = await tablesIn(c, schema);
  const counts: Record<string, number> = {};
  for (const table of HOLDING_TABLES.filter((t) => present.has(t))) {
    const { rows } = await c.query<{ n: number }>(
      `select count(*)::int as n from ${ident(schema)}.${ident(table)}`,
    );
    counts[table] = rows[0]!.n;
  }
  return counts;
}

/**
 * Refuses a target migrated further than the backup: pg_restore --clean replaces the
 * backup's tables only, so the newer migrations' tables would stay and the migrations,
 * run again after the restore, would fail on them.
 */
async function refuseNewerTarget(c: pg.Client, schema: string, inBackup: readonly string[]): Promise<void> {
  const newer = (await migrationsIn(c, schema)).filter((m) => !inBackup.includes(m));
  if (newer.length === 0) return;
  throw GongweiError.conflict(
    {
      zh: `目标数据库已由更新的版本初始化（${newer.join(', ')}），请恢复到一个新建的空数据库；未做任何改动`,
      en: `the target database was initialised by a newer version (${newer.join(', ')}): restore into a new empty database; nothing was changed`,
    },
    '--db',
  );
}

async function tableSizes(c: pg.Client, schema: string): Promise<Map<string, number>> {
  const { rows } = await c.query<{ name: string; bytes: number }>(
    `select c.relname as name, pg_total_relation_size(c.oid)::float8 as bytes
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = $1 and c.relkind = 'r'`,
    [schema],
  );
  return new Map(rows.map((r) => [`${schema}.${r.name}`, r.bytes]));
}

async function listArchive(file: string): Promise<ArchiveEntry[]> {
  statOrRefuse(file);
  const lines: string[] = [];
  await runProgram('pg_restore', ['--list', file], { onStdoutLine: (line) => lines.push(line) });
  return parseArchiveList(lines);
}

function statOrRefuse(file: string): void {
  try {
    statSync(file);
  } catch {
    throw GongweiError.notFound({ zh: `备份文件不存在：${file}`, en: `no backup file at ${file}` }, 'FILE');
  }
}

/** The one schema a Gongwei archive holds (pg_dump --schema writes its SCHEMA entry). */
function dumpedSchema(entries: readonly ArchiveEntry[], file: string): string {
  const schemas = entries.filter((e) => e.kind === 'SCHEMA');
  if (schemas.length === 1) return schemas[0]!.name;
  throw GongweiError.unprocessable({
    zh: `${file} 不是 gongwei backup 写出的备份（应恰好含一个 schema，实有 ${schemas.length} 个）`,
    en: `${file} is not an archive written by gongwei backup (one schema expected, ${schemas.length} found)`,
  });
}

function isSchemaComment(entry: ArchiveEntry, schema: string): boolean {
  return entry.kind === 'COMMENT' && / COMMENT - SCHEMA (\S+) /.exec(entry.line)?.[1] === schema;
}

function otherSchema(dumped: string, target: string): GongweiError {
  return GongweiError.unprocessable(
    {
      zh: `备份中是 schema ${dumped}，目标数据库使用 schema ${target}：pg_restore 不能改 schema 的名字，请恢复到使用 ${dumped} 的数据库`,
      en: `the backup holds schema ${dumped} but the target uses schema ${target}: pg_restore cannot rename a schema; restore into a database that uses ${dumped}`,
    },
    '--db',
  );
}

function noSchema(url: string): GongweiError {
  return GongweiError.notFound(
    {
      zh: `${redactUrl(url)} 中没有 search_path 所指的 schema，没有可备份的内容`,
      en: `no schema of the search_path exists in ${redactUrl(url)}: nothing to back up`,
    },
    '--db',
  );
}
