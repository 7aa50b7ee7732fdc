import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { isRoleName, type RoleName } from '../../domain/access/permissions.js';
import type { ScopeRoot } from '../orgs/org-scope.js';
import { withAccountTables } from './account-tables.js';
import { secretHash } from './session-tokens.js';

/** A live API token with what the server needs to act for the system holding it. */
export interface LiveApiToken {
  readonly id: number;
  readonly name: string;
  readonly role: RoleName;
  readonly org: ScopeRoot;
  readonly createdByUserId: number | null;
  readonly lastUsedAt: string | null;
}

/** The token of a bearer secret when it is neither revoked nor expired; null otherwise. */
export async function findLiveApiToken(
  h: Kysely<Database>,
  secret: string,
  now: Date,
): Promise<LiveApiToken | null> {
  const row = await withAccountTables(h)
    .selectFrom('api_tokens as t')
    .innerJoin('orgs as o', 'o.code', 't.org_code')
    .select([
      't.id',
      't.name',
      't.role',
      't.created_by_user_id',
      't.last_used_at',
      'o.code as org_code',
      'o.level as org_level',
      'o.county_code as org_county_code',
    ])
    .where('t.token_hash', '=', secretHash(secret))
    .where('t.revoked_at', 'is', null)
    .where('t.expires_at', '>', now.toISOString())
    .executeTakeFirst();
  if (!row || !isRoleName(row.role)) return null;
  return {
    id: Number(row.id),
    name: row.name,
    role: row.role,
    org: { code: row.org_code, level: row.org_level, countyCode: row.org_county_code },
    createdByUserId: row.created_by_user_id === null ? null : Number(row.created_by_user_id),
    lastUsedAt: row.last_used_at,
  };
}

/** Notes when a token was last used, at most once a minute. */
export async function touchApiToken(h: Kysely<Database>, token: LiveApiToken, now: Date): Promise<void> {
  if (token.lastUsedAt !== null && now.getTime() - Date.parse(token.lastUsedAt) < 60_000) return;
  await withAccountTables(h)
    .updateTable('api_tokens')
    .set({ last_used_at: now.toISOString() })
    .where('id', '=', token.id)
    .execute();
}
