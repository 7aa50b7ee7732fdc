/**
 * The tables of accounts (migration 007) as Kysely sees them, and the handle the account
 * repositories take.
 */
import type { Generated, Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

/** Tables of migration 007 but the access trail. */
export type AccountTables = {
  users: {
    id: Generated<number>;
    username: string;
    display_name: string;
    org_code: string;
    /** A RoleName. */
    role: string;
    /** argon2id PHC string. */
    password_hash: string;
    must_change_password: number;
    active: number;
    failed_attempts: number;
    locked_until: string | null;
    created_at: string;
    created_by: string;
    password_changed_at: string;
  };
  sessions: {
    /** SHA-256 (hex) of the cookie token; the token itself is never stored. */
    token_hash: string;
    user_id: number;
    csrf_token: string;
    client_address: string | null;
    created_at: string;
    last_seen_at: string;
    /** The absolute expiry (created_at + the absolute lifetime). */
    expires_at: string;
    ended_at: string | null;
  };
  api_tokens: {
    id: Generated<number>;
    name: string;
    token_hash: string;
    org_code: string;
    role: string;
    created_by_user_id: number | null;
    created_by: string;
    created_at: string;
    expires_at: string;
    revoked_at: string | null;
    last_used_at: string | null;
  };
};

/** The query builder the account repositories take. */
export type AccountsDb = Kysely<Database & AccountTables>;

/** The same handle (database or transaction) seeing the account tables too. */
export function withAccountTables(h: Kysely<Database>): AccountsDb {
  return h.withTables<AccountTables>();
}
