/**
 * Running PostgreSQL's client programs (pg_dump, pg_restore) for the PostgreSQL backup
 * store: finding them on PATH, passing the connection without ever showing its password,
 * and reading what they print.
 */
import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { createInterface } from 'node:readline';
import { GongweiError } from '../../domain/gongwei-error.js';

/** The PostgreSQL client programs the backup store runs. */
export type PgProgram = 'pg_dump' | 'pg_restore';

/**
 * The path of the executable `name` on `path` (the PATH variable), or null.
 *
 * @example findOnPath('pg_dump') // '/usr/bin/pg_dump'
 */
export function findOnPath(name: string, path: string = process.env.PATH ?? ''): string | null {
  for (const dir of path.split(delimiter)) {
    if (dir === '') continue;
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this directory
    }
  }
  return null;
}

/**
 * The path of `program`, or the refusal naming what to install. Backups of PostgreSQL are
 * pg_dump's archives: Gongwei does not write its own, which no other tool could read.
 */
export function requireProgram(program: PgProgram): string {
  const found = findOnPath(program);
  if (found !== null) return found;
  throw new GongweiError('unprocessable', {
    zh: `找不到 ${program}：备份和恢复 PostgreSQL 需要 PostgreSQL 客户端工具，版本不低于服务器（Debian/Ubuntu：sudo apt-get install postgresql-client）`,
    en: `${program} was not found on PATH: backing up and restoring PostgreSQL needs the PostgreSQL client tools, of the server's major version or newer (Debian/Ubuntu: sudo apt-get install postgresql-client)`,
  });
}

/** How a client program reaches the database: a URL without password, and its environment. */
export interface LibpqConnection {
  /** The URL for `--dbname`, its password removed (command lines are visible to every user). */
  readonly dbname: string;
  /** The environment, with PGPASSWORD when the URL had a password. */
  readonly env: NodeJS.ProcessEnv;
  /** The password, to blank out of anything the program prints ('' when none). */
  readonly password: string;
}

/**
 * Splits a postgres:// URL into what pg_dump and pg_restore take: the password goes into
 * PGPASSWORD, never onto the command line.
 *
 * @example libpqConnection('postgres://gw:s3cret@db/gongwei').dbname // 'postgres://gw@db/gongwei'
 */
export function libpqConnection(url: string, env: NodeJS.ProcessEnv = process.env): LibpqConnection {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw GongweiError.badRequest({ zh: '不是 postgres:// 地址', en: 'not a postgres:// URL' }, '--db');
  }
  const password = decodeURIComponent(parsed.password);
  parsed.password = '';
  return {
    dbname: parsed.toString(),
    env: password === '' ? { ...env } : { ...env, PGPASSWORD: password },
    password,
  };
}

/** Options of {@link runProgram}. */
export interface RunOptions {
  /** The database to reach; none for a program that only reads a file. */
  readonly connection?: LibpqConnection;
  /** Called with each line the program writes to standard output. */
  readonly onStdoutLine?: (line: string) => void;
  /** Called with each line the program writes to standard error (verbose progress). */
  readonly onStderrLine?: (line: string) => void;
}

/**
 * Runs a client program to its end; a non-zero exit throws a GongweiError carrying the
 * program's last lines of standard error (its own reason), the password blanked out.
 */
export async function runProgram(
  program: PgProgram,
  args: readonly string[],
  options: RunOptions,
): Promise<void> {
  const child = spawn(requireProgram(program), args, {
    env: options.connection?.env ?? process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const tail: string[] = [];
  const stderrDone = eachLine(child.stderr, (line) => {
    tail.push(line);
    if (tail.length > 6) tail.shift();
    options.onStderrLine?.(line);
  });
  const stdoutDone = eachLine(child.stdout, options.onStdoutLine ?? (() => undefined));
  const exit = new Promise<number>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
  const [code] = await Promise.all([exit, stderrDone, stdoutDone]);
  if (code === 0) return;
  const reasons = tail.filter(
    (line) => !/^pg_\w+: (dumping|processing|creating|saving|reading|last)/.test(line),
  );
  const password = options.connection?.password ?? '';
  const detail = (reasons.length > 0 ? reasons : tail)
    .join(' | ')
    .replaceAll(password === '' ? '\u0000' : password, '***');
  throw GongweiError.unprocessable({
    zh: `${program} 失败（退出码 ${code}）：${detail}`,
    en: `${program} failed (exit code ${code}): ${detail}`,
  });
}

function eachLine(stream: NodeJS.ReadableStream, onLine: (line: string) => void): Promise<void> {
  const lines = createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY });
  lines.on('line', onLine);
  return new Promise((resolve) => lines.once('close', resolve));
}

/** One entry of an archive's table of contents (`pg_restore --list`). */
export interface ArchiveEntry {
  /** The whole line, to write back into a `--use-list` file. */
  readonly line: string;
  /** SCHEMA, TABLE, TABLE DATA, COMMENT, … */
  readonly kind: string;
  /** The schema column ('-' for a schema itself). */
  readonly schema: string;
  /** The name column (the schema's name for a SCHEMA entry). */
  readonly name: string;
}

const KINDS = ['TABLE DATA', 'SEQUENCE SET', 'SEQUENCE OWNED BY', 'FK CONSTRAINT', 'DEFAULT ACL'];

/**
 * Parses the lines of `pg_restore --list` (`<id>; <oid> <oid> <KIND> <schema> <name> <owner>`),
 * skipping its comments.
 */
export function parseArchiveList(lines: readonly string[]): ArchiveEntry[] {
  const entries: ArchiveEntry[] = [];
  for (const line of lines) {
    const m = /^\d+; \d+ \d+ (.*)$/.exec(line);
    if (!m) continue;
    const rest = m[1]!;
    const kind = KINDS.find((k) => rest.startsWith(`${k} `)) ?? rest.split(' ')[0]!;
    const [schema = '', name = ''] = rest.slice(kind.length + 1).split(' ');
    entries.push({ line, kind, schema, name });
  }
  return entries;
}

/** What the data of an archive holds, read from `pg_restore --data-only --file=-`. */
export interface ArchiveData {
  /** Rows of each table, by table name (without schema). */
  readonly counts: Record<string, number>;
  /** The `name` column of kysely_migration, in archive order. */
  readonly migrations: string[];
}

/**
 * A reader of the SQL text `pg_restore --data-only` prints: one `COPY … FROM stdin;` block
 * per table, one line per row (COPY's text format escapes newlines), ended by `\.`.
 */
export function archiveDataReader(): { line(text: string): void; readonly data: ArchiveData } {
  const data: ArchiveData = { counts: {}, migrations: [] };
  let table: string | null = null;
  let nameColumn = -1;
  return {
    data,
    line(text) {
      if (table === null) {
        const m = /^COPY (\S+) \((.*)\) FROM stdin;$/.exec(text);
        if (!m) return;
        table = m[1]!.split('.').pop()!.replaceAll('"', '');
        nameColumn = table === 'kysely_migration' ? m[2]!.split(', ').indexOf('name') : -1;
        data.counts[table] = 0;
        return;
      }
      if (text === '\\.') {
        table = null;
        return;
      }
      data.counts[table] = (data.counts[table] ?? 0) + 1;
      if (nameColumn >= 0) data.migrations.push(text.split('\t')[nameColumn]!);
    },
  };
}
