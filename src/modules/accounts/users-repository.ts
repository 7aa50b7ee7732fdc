import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { GongweiError } from '../../domain/gongwei-error.js';
import { isRoleName, type RoleName } from '../../domain/access/permissions.js';
import { orgsInScope, type OrgScope } from '../orgs/org-scope.js';
import { withAccountTables } from './account-tables.js';

/** A user as the API and the CLI show it (never the password hash). */
export interface User {
  readonly id: number;
  readonly username: string;
  readonly displayName: string;
  readonly orgCode: string;
  readonly role: RoleName;
  readonly active: boolean;
  readonly mustChangePassword: boolean;
  /** ISO timestamp until which log-in is refused after repeated failures; null when not. */
  readonly lockedUntil: string | null;
  readonly failedAttempts: number;
  readonly createdAt: string;
  readonly createdBy: string;
}

/** A user with the stored hash, for log-in and password change only. */
export interface UserWithHash extends User {
  readonly passwordHash: string;
}

/** What a new user is made of. */
export interface NewUser {
  readonly username: string;
  readonly displayName: string;
  readonly orgCode: string;
  readonly role: RoleName;
  readonly passwordHash: string;
  readonly mustChangePassword: boolean;
  /** Who created it (the caller's name). */
  readonly createdBy: string;
  readonly now: string;
}

type UserRow = {
  id: number;
  username: string;
  display_name: string;
  org_code: string;
  role: string;
  active: number;
  must_change_password: number;
  locked_until: string | null;
  failed_attempts: number;
  created_at: string;
  created_by: string;
  password_hash: string;
};

const USER_COLUMNS = [
  'users.id',
  'users.username',
  'users.display_name',
  'users.org_code',
  'users.role',
  'users.active',
  'users.must_change_password',
  'users.locked_until',
  'users.failed_attempts',
  'users.created_at',
  'users.created_by',
  'users.password_hash',
] as const;

function toUser(row: UserRow): UserWithHash {
  if (!isRoleName(row.role)) throw new Error(`users.role of user ${row.id} is not a role: ${row.role}`);
  return {
    id: Number(row.id),
    username: row.username,
    displayName: row.display_name,
    orgCode: row.org_code,
    role: row.role,
    active: row.active === 1,
    mustChangePassword: row.must_change_password === 1,
    lockedUntil: row.locked_until,
    failedAttempts: row.failed_attempts,
    createdAt: row.created_at,
    createdBy: row.created_by,
    passwordHash: row.password_hash,
  };
}

/** Drops the hash before a user leaves the accounts module. */
export function withoutHash(user: UserWithHash): User {
  const { passwordHash: _hash, ...rest } = user;
  return rest;
}

/**
 * Stores a new user. A username already taken is a 409 naming `username`.
 */
export async function insertUser(h: Kysely<Database>, user: NewUser): Promise<User> {
  const a = withAccountTables(h);
  const taken = await a
    .selectFrom('users')
    .select('id')
    .where('username', '=', user.username)
    .executeTakeFirst();
  if (taken)
    throw GongweiError.conflict(
      { zh: `用户名 ${user.username} 已存在`, en: `username '${user.username}' is taken` },
      'username',
    );
  const inserted = await a
    .insertInto('users')
    .values({
      username: user.username,
      display_name: user.displayName,
      org_code: user.orgCode,
      role: user.role,
      password_hash: user.passwordHash,
      must_change_password: user.mustChangePassword ? 1 : 0,
      active: 1,
      failed_attempts: 0,
      locked_until: null,
      created_at: user.now,
      created_by: user.createdBy,
      password_changed_at: user.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return withoutHash((await findUserById(h, Number(inserted.id)))!);
}

/** The user of a username, with its hash (for log-in); unscoped: the username is the key. */
export async function findUserByUsername(
  h: Kysely<Database>,
  username: string,
): Promise<UserWithHash | null> {
  const row = await withAccountTables(h)
    .selectFrom('users')
    .select(USER_COLUMNS)
    .where('users.username', '=', username)
    .executeTakeFirst();
  return row ? toUser(row) : null;
}

/** The user of an id, with its hash (for sessions and password change). */
export async function findUserById(h: Kysely<Database>, id: number): Promise<UserWithHash | null> {
  const row = await withAccountTables(h)
    .selectFrom('users')
    .select(USER_COLUMNS)
    .where('users.id', '=', id)
    .executeTakeFirst();
  return row ? toUser(row) : null;
}

/** The users whose org lies in `scope`, by username. */
export async function listUsers(h: Kysely<Database>, scope: OrgScope): Promise<User[]> {
  const rows = await withAccountTables(h)
    .selectFrom('users')
    .innerJoin('orgs as o', 'o.code', 'users.org_code')
    .select(USER_COLUMNS)
    .where(orgsInScope(scope, 'o'))
    .orderBy('users.username')
    .execute();
  return rows.map((row) => withoutHash(toUser(row)));
}

/** The user of a username when its org lies in `scope`; null otherwise (unknown or beyond). */
export async function findUserInScope(
  h: Kysely<Database>,
  scope: OrgScope,
  username: string,
): Promise<User | null> {
  const row = await withAccountTables(h)
    .selectFrom('users')
    .innerJoin('orgs as o', 'o.code', 'users.org_code')
    .select(USER_COLUMNS)
    .where('users.username', '=', username)
    .where(orgsInScope(scope, 'o'))
    .executeTakeFirst();
  return row ? withoutHash(toUser(row)) : null;
}

/** True when `scope` holds at least one user (one row read). */
export async function holdsUsers(h: Kysely<Database>, scope: OrgScope): Promise<boolean> {
  const row = await withAccountTables(h)
    .selectFrom('users')
    .innerJoin('orgs as o', 'o.code', 'users.org_code')
    .select('users.id')
    .where(orgsInScope(scope, 'o'))
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Locks (`active: false`) or unlocks a user. Unlocking also clears a lock-out after failed
 * log-ins and its count, so that the user can sign in at once.
 */
export async function setUserActive(h: Kysely<Database>, id: number, active: boolean): Promise<void> {
  await withAccountTables(h)
    .updateTable('users')
    .set(active ? { active: 1, failed_attempts: 0, locked_until: null } : { active: 0 })
    .where('id', '=', id)
    .execute();
}

/** Stores a new password hash (a reset or a change), and whether it must be changed. */
export async function setUserPassword(
  h: Kysely<Database>,
  id: number,
  password: { readonly hash: string; readonly mustChange: boolean; readonly now: string },
): Promise<void> {
  await withAccountTables(h)
    .updateTable('users')
    .set({
      password_hash: password.hash,
      must_change_password: password.mustChange ? 1 : 0,
      password_changed_at: password.now,
      failed_attempts: 0,
      locked_until: null,
    })
    .where('id', '=', id)
    .execute();
}

/** Gives a user another role, org or display name (the fields given). */
export async function updateUserProfile(
  h: Kysely<Database>,
  id: number,
  change: { readonly role?: RoleName; readonly orgCode?: string; readonly displayName?: string },
): Promise<void> {
  const set = {
    ...(change.role === undefined ? {} : { role: change.role }),
    ...(change.orgCode === undefined ? {} : { org_code: change.orgCode }),
    ...(change.displayName === undefined ? {} : { display_name: change.displayName }),
  };
  if (Object.keys(set).length === 0) return;
  await withAccountTables(h).updateTable('users').set(set).where('id', '=', id).execute();
}
