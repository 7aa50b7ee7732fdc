import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { isRoleName, type RoleName } from '../../domain/access/permissions.js';
import type { ScopeRoot } from '../orgs/org-scope.js';
import { withAccountTables } from './account-tables.js';
import { newSecret, secretHash } from './session-tokens.js';

/** How long sessions live (issue 10: 30 minutes idle, 12 hours in all, by default). */
export interface SessionLifetime {
  readonly idleMinutes: number;
  readonly absoluteHours: number;
}

/** The default session lifetime. */
export const DEFAULT_SESSION_LIFETIME: SessionLifetime = { idleMinutes: 30, absoluteHours: 12 };

/** A session as its holder sees it: the cookie token is returned once, at creation. */
export interface NewSession {
  readonly token: string;
  readonly csrfToken: string;
  readonly expiresAt: string;
}

/** A live session with what the server needs to act for its user. */
export interface LiveSession {
  readonly tokenHash: string;
  readonly csrfToken: string;
  readonly userId: number;
  readonly username: string;
  readonly displayName: string;
  readonly role: RoleName;
  readonly mustChangePassword: boolean;
  readonly org: ScopeRoot;
  readonly expiresAt: string;
  readonly lastSeenAt: string;
}

/** Starts a session for a user; the token goes into the cookie and is never stored. */
export async function createSession(
  h: Kysely<Database>,
  userId: number,
  options: { readonly now: Date; readonly clientAddress: string | null; readonly lifetime: SessionLifetime },
): Promise<NewSession> {
  const token = newSecret();
  const csrfToken = newSecret();
  const expiresAt = new Date(
    options.now.getTime() + options.lifetime.absoluteHours * 3_600_000,
  ).toISOString();
  await withAccountTables(h)
    .insertInto('sessions')
    .values({
      token_hash: secretHash(token),
      user_id: userId,
      csrf_token: csrfToken,
      client_address: options.clientAddress,
      created_at: options.now.toISOString(),
      last_seen_at: options.now.toISOString(),
      expires_at: expiresAt,
      ended_at: null,
    })
    .execute();
  return { token, csrfToken, expiresAt };
}

/**
 * The live session of a cookie token: not ended, not past its absolute expiry, seen within
 * the idle limit, of an active user. Null otherwise.
 */
export async function findLiveSession(
  h: Kysely<Database>,
  token: string,
  now: Date,
  lifetime: SessionLifetime,
): Promise<LiveSession | null> {
  const idleSince = new Date(now.getTime() - lifetime.idleMinutes * 60_000).toISOString();
  const row = await withAccountTables(h)
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .innerJoin('orgs as o', 'o.code', 'u.org_code')
    .select([
      's.token_hash',
      's.csrf_token',
      's.expires_at',
      's.last_seen_at',
      'u.id as user_id',
      'u.username',
      'u.display_name',
      'u.role',
      'u.must_change_password',
      'o.code as org_code',
      'o.level as org_level',
      'o.county_code as org_county_code',
    ])
    .where('s.token_hash', '=', secretHash(token))
    .where('s.ended_at', 'is', null)
    .where('s.expires_at', '>', now.toISOString())
    .where('s.last_seen_at', '>', idleSince)
    .where('u.active', '=', 1)
    .executeTakeFirst();
  if (!row || !isRoleName(row.role)) return null;
  return {
    tokenHash: row.token_hash,
    csrfToken: row.csrf_token,
    userId: Number(row.user_id),
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    mustChangePassword: row.must_change_password === 1,
    org: { code: row.org_code, level: row.org_level, countyCode: row.org_county_code },
    expiresAt: row.expires_at,
    lastSeenAt: row.last_seen_at,
  };
}

/**
 * Moves a session's idle clock to `now`. Written at most once a minute per session, so that
 * reads do not each cost a write.
 */
export async function touchSession(h: Kysely<Database>, session: LiveSession, now: Date): Promise<void> {
  if (now.getTime() - Date.parse(session.lastSeenAt) < 60_000) return;
  await withAccountTables(h)
    .updateTable('sessions')
    .set({ last_seen_at: now.toISOString() })
    .where('token_hash', '=', session.tokenHash)
    .execute();
}

/** Ends one session (log-out). */
export async function endSession(h: Kysely<Database>, tokenHash: string, now: Date): Promise<void> {
  await withAccountTables(h)
    .updateTable('sessions')
    .set({ ended_at: now.toISOString() })
    .where('token_hash', '=', tokenHash)
    .where('ended_at', 'is', null)
    .execute();
}

/** Ends every session of a user (password change, lock, reset), but `except` when given. */
export async function endSessionsOfUser(
  h: Kysely<Database>,
  userId: number,
  now: Date,
  except?: string,
): Promise<void> {
  let update = withAccountTables(h)
    .updateTable('sessions')
    .set({ ended_at: now.toISOString() })
    .where('user_id', '=', userId)
    .where('ended_at', 'is', null);
  if (except !== undefined) update = update.where('token_hash', '!=', except);
  await update.execute();
}
