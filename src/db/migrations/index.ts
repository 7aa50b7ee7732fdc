import type { Migration } from 'kysely';
import type { SqlDialect } from '../dialects/dialect.js';
import { core001 } from './001-core.js';

/**
 * Every migration, by number. Append only: a landed migration is never edited; a change
 * is a new, higher-numbered migration. Numbers reserved per feature: 002 indicators,
 * 003 targets, 004 audits, 005 bulletins.
 */
export function migrationsFor(dialect: SqlDialect): Record<string, Migration> {
  return {
    '001-core': core001(dialect),
  };
}
