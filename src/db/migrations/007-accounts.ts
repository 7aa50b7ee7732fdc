import type { Migration } from 'kysely';
import type { SqlDialect } from '../dialects/dialect.js';

/**
 * Accounts and the access trail (C9, issue 10; ADR 0012):
 * - `users`: one role at one org each; argon2id password hashes; lock-out state;
 * - `sessions`: server-side sessions keyed by the SHA-256 of the cookie token, with the
 *   token that state-changing requests must echo (CSRF);
 * - `api_tokens`: tokens of systems that push records, stored as SHA-256, scoped, expiring;
 * - `access_trail`: append-only (a trigger refuses UPDATE and DELETE), each row chained to
 *   the previous one by SHA-256.
 */
export function accounts007(dialect: SqlDialect): Migration {
  return {
    async up(db) {
      await dialect
        .withIdColumn(db.schema.createTable('users'))
        .addColumn('username', 'text', (c) => c.notNull().unique())
        .addColumn('display_name', 'text', (c) => c.notNull())
        .addColumn('org_code', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('password_hash', 'text', (c) => c.notNull())
        .addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('failed_attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('locked_until', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('password_changed_at', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('sessions')
        .addColumn('token_hash', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'bigint', (c) => c.notNull())
        .addColumn('csrf_token', 'text', (c) => c.notNull())
        .addColumn('client_address', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('last_seen_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('ended_at', 'text')
        .execute();
      await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();

      await dialect
        .withIdColumn(db.schema.createTable('api_tokens'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('token_hash', 'text', (c) => c.notNull().unique())
        .addColumn('org_code', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('created_by_user_id', 'bigint')
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('revoked_at', 'text')
        .addColumn('last_used_at', 'text')
        .execute();

      await dialect
        .withIdColumn(db.schema.createTable('access_trail'))
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('actor', 'text', (c) => c.notNull())
        .addColumn('role', 'text')
        .addColumn('client_address', 'text')
        .addColumn('request_id', 'text')
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('object_type', 'text')
        .addColumn('object_id', 'text')
        .addColumn('org_code', 'text')
        .addColumn('county_code', 'text')
        .addColumn('outcome', 'text', (c) => c.notNull())
        .addColumn('row_count', 'integer')
        .addColumn('detail', 'text')
        .addColumn('previous_hash', 'text', (c) => c.notNull())
        .addColumn('hash', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('access_trail_at').on('access_trail').column('at').execute();
      await db.schema
        .createIndex('access_trail_org')
        .on('access_trail')
        .columns(['county_code', 'at'])
        .execute();
      for (const statement of dialect.appendOnlyTriggers('access_trail')) await statement.execute(db);
    },
    async down(db) {
      for (const table of ['access_trail', 'api_tokens', 'sessions', 'users'])
        await db.schema.dropTable(table).execute();
    },
  };
}
