import { Migrator } from 'kysely';
import type { Db } from './dialects/dialect.js';
import { migrationsFor } from './migrations/index.js';

/**
 * Applies every pending numbered migration; throws with the failing migration's name.
 *
 * `schema` confines Kysely's bookkeeping tables to that PostgreSQL schema: Kysely looks its
 * tables up by name across schemas, so without it two schemas on one server (parallel test
 * runs, several tenants) would see each other's migration lock. Features reserve migration
 * numbers and may land out of order, so unordered migrations are allowed.
 */
export async function migrateToLatest(db: Db, schema?: string): Promise<void> {
  const migrator = new Migrator({
    db: db.kysely,
    provider: { getMigrations: async () => migrationsFor(db.dialect) },
    allowUnorderedMigrations: true,
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}
