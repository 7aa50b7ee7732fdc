/**
 * The rules of a restore, apart from any storage: which database counts as empty, and
 * whether the restored database holds what the backup held.
 */
import { GongweiError, type LocalizedText } from '../gongwei-error.js';

/** Rows per table, by table name. */
export type TableCounts = Readonly<Record<string, number>>;

/**
 * The tables whose rows make a database "in use": a restore refuses a target holding any
 * of them, since writing over it would throw away an org tree, accounts or records.
 */
export const HOLDING_TABLES = ['orgs', 'users', 'residents'] as const;

/**
 * The tables whose row counts a backup reports and a restore compares: the records, the
 * org tree, the work built on them, the accounts and the access trail (which is part of
 * every backup: its retention outlives any one database file).
 */
export const MAIN_TABLES = [
  'orgs',
  'org_population',
  'residents',
  'enrollments',
  'services',
  'targets',
  'audit_findings',
  'bulletins',
  'users',
  'api_tokens',
  'access_trail',
] as const;

const TABLE_NAMES: Readonly<Record<string, LocalizedText>> = {
  orgs: { zh: '机构', en: 'orgs' },
  users: { zh: '用户', en: 'users' },
  residents: { zh: '居民档案', en: 'residents' },
};

const thousands = (n: number): string => n.toLocaleString('en-US');

/**
 * The refusal of a restore into a database that holds an org, a user or a resident (null
 * when it holds none), naming the target and what it holds. `field` is the option that
 * named the target (`--db`).
 *
 * @example
 * targetInUse({ orgs: 12, users: 0, residents: 0 }, 'data/gongwei.sqlite', '--db')?.text.en
 * // 'the target database data/gongwei.sqlite is not empty (orgs 12): …'
 */
export function targetInUse(holdings: TableCounts, target: string, field: string): GongweiError | null {
  const held = HOLDING_TABLES.filter((table) => (holdings[table] ?? 0) > 0);
  if (held.length === 0) return null;
  const list = (lang: 'zh' | 'en'): string =>
    held.map((table) => `${TABLE_NAMES[table]![lang]} ${thousands(holdings[table]!)}`).join(', ');
  return GongweiError.conflict(
    {
      zh: `目标数据库 ${target} 不是空的（${list('zh')}）：恢复只写入空数据库，未做任何改动`,
      en: `the target database ${target} is not empty (${list('en')}): restore writes only into an empty database; nothing was changed`,
    },
    field,
  );
}

/** One table whose restored row count differs from the backup's. */
export interface CountMismatch {
  readonly table: string;
  readonly inBackup: number;
  readonly restored: number;
}

/**
 * The tables of `inBackup` whose count in `restored` differs (a table missing from
 * `restored` counts as 0 rows). Tables the backup did not hold are not compared: a newer
 * version may have added them.
 *
 * @example
 * countMismatches({ residents: 10 }, { residents: 9 }) // [{ table: 'residents', inBackup: 10, restored: 9 }]
 */
export function countMismatches(inBackup: TableCounts, restored: TableCounts): CountMismatch[] {
  return Object.entries(inBackup)
    .filter(([table, n]) => (restored[table] ?? 0) !== n)
    .map(([table, n]) => ({ table, inBackup: n, restored: restored[table] ?? 0 }));
}

/**
 * The failure of a restore whose tables do not hold what the backup held, naming each
 * table (the target now holds the restored copy, which should not be used).
 */
export function restoredCountsDiffer(mismatches: readonly CountMismatch[], target: string): GongweiError {
  const list = mismatches.map((m) => `${m.table} ${m.inBackup} → ${m.restored}`).join(', ');
  return GongweiError.unprocessable({
    zh: `恢复后的数据库 ${target} 与备份的行数不符（${list}）：请勿使用，换一个空数据库重新恢复`,
    en: `the restored database ${target} does not hold what the backup held (${list}): do not use it; restore again into a new empty database`,
  });
}
