import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { isRoleName, type RoleName } from '../../domain/access/permissions.js';
import { orgsInScope, type OrgScope, type ScopeRoot } from '../orgs/org-scope.js';
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

/** An API token as the API and the CLI list it: never its secret, nor the secret's hash. */
export interface ApiToken {
  readonly id: number;
  readonly name: string;
  readonly role: RoleName;
  readonly orgCode: string;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly expiresAt: string;
  readonly revokedAt: string | null;
  readonly lastUsedAt: string | null;
}

/** What a new token is made of; the secret itself is never stored. */
export interface NewApiToken {
  readonly name: string;
  /** SHA-256 of the secret ({@link secretHash}). */
  readonly secretHash: string;
  readonly orgCode: string;
  readonly role: RoleName;
  readonly createdByUserId: number | null;
  readonly createdBy: string;
  readonly now: string;
  readonly expiresAt: string;
}

const TOKEN_COLUMNS = [
  't.id',
  't.name',
  't.role',
  't.org_code',
  't.created_by',
  't.created_at',
  't.expires_at',
  't.revoked_at',
  't.last_used_at',
] as const;

type TokenRow = {
  id: number;
  name: string;
  role: string;
  org_code: string;
  created_by: string;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
  last_used_at: string | null;
};

function toApiToken(row: TokenRow): ApiToken {
  if (!isRoleName(row.role)) throw new Error(`api_tokens.role of token ${row.id} is not a role: ${row.role}`);
  return {
    id: Number(row.id),
    name: row.name,
    role: row.role,
    orgCode: row.org_code,
    createdBy: row.created_by,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
    lastUsedAt: row.last_used_at,
  };
}

/** Stores a new token and returns it as listed. */
export async function insertApiToken(h: Kysely<Database>, token: NewApiToken): Promise<ApiToken> {
  const inserted = await withAccountTables(h)
    .insertInto('api_tokens')
    .values({
      name: token.name,
      token_hash: token.secretHash,
      org_code: token.orgCode,
      role: token.role,
      created_by_user_id: token.createdByUserId,
      created_by: token.createdBy,
      created_at: token.now,
      expires_at: token.expiresAt,
      revoked_at: null,
      last_used_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const row = await withAccountTables(h)
    .selectFrom('api_tokens as t')
    .select(TOKEN_COLUMNS)
    .where('t.id', '=', Number(inserted.id))
    .executeTakeFirstOrThrow();
  return toApiToken(row);
}

/** The tokens whose org lies in `scope` (revoked and expired ones too), newest first. */
export async function listApiTokens(h: Kysely<Database>, scope: OrgScope): Promise<ApiToken[]> {
  const rows = await withAccountTables(h)
    .selectFrom('api_tokens as t')
    .innerJoin('orgs as o', 'o.code', 't.org_code')
    .select(TOKEN_COLUMNS)
    .where(orgsInScope(scope, 'o'))
    .orderBy('t.id', 'desc')
    .execute();
  return rows.map(toApiToken);
}

/** The token of an id when its org lies in `scope`; null otherwise. */
export async function findApiTokenInScope(
  h: Kysely<Database>,
  scope: OrgScope,
  id: number,
): Promise<ApiToken | null> {
  const row = await withAccountTables(h)
    .selectFrom('api_tokens as t')
    .innerJoin('orgs as o', 'o.code', 't.org_code')
    .select(TOKEN_COLUMNS)
    .where('t.id', '=', id)
    .where(orgsInScope(scope, 'o'))
    .executeTakeFirst();
  return row ? toApiToken(row) : null;
}

/** Revokes a token (once: a revoked token keeps its first revocation time). */
export async function revokeApiToken(h: Kysely<Database>, id: number, now: string): Promise<void> {
  await withAccountTables(h)
    .updateTable('api_tokens')
    .set({ revoked_at: now })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .execute();
}
