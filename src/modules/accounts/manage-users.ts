/**
 * Use-cases of user management (issue 10): list, create, lock and unlock, reset a password,
 * change role, org or display name. Each acts for one caller (a signed-in administrator or
 * the local operator) inside its scope; each write that takes rights away ends the user's
 * sessions at once.
 */
import type { Db } from '../../db/database.js';
import type { Caller } from '../../domain/access/caller.js';
import { usernameProblem } from '../../domain/access/account-names.js';
import { passwordProblem } from '../../domain/access/password-rules.js';
import type { RoleName } from '../../domain/access/permissions.js';
import { GongweiError } from '../../domain/gongwei-error.js';
import { scopeOfOrg } from '../orgs/org-scope.js';
import { checkGrant, checkManages, refuseTokenCaller } from './grants.js';
import { hashPassword } from './password-hashing.js';
import { endSessionsOfUser } from './sessions-repository.js';
import {
  findUserInScope,
  insertUser,
  listUsers,
  setUserActive,
  setUserPassword,
  updateUserProfile,
  type User,
} from './users-repository.js';

/** A new user as an administrator enters it. */
export interface UserInput {
  readonly username: string;
  readonly displayName: string;
  readonly role: RoleName;
  readonly orgCode: string;
  readonly password: string;
  /** True to force a change at the first log-in. */
  readonly mustChangePassword: boolean;
}

/** The request fields the use-cases blame in their errors (the API's or the CLI's names). */
export interface UserFields {
  readonly username: string;
  readonly role: string;
  readonly org: string;
  readonly password: string;
}

/** The field names of the API bodies. */
export const API_USER_FIELDS: UserFields = {
  username: 'username',
  role: 'role',
  org: 'orgCode',
  password: 'password',
};

/** The users whose org lies in the caller's scope, below `orgCode` when given. */
export async function listUsersOf(db: Db, caller: Caller, orgCode?: string, field = 'org'): Promise<User[]> {
  refuseTokenCaller(caller);
  const scope =
    orgCode === undefined
      ? caller.scope
      : (await scopeOfOrg(db.kysely, caller.scope, orgCode, { field })).scope;
  return listUsers(db.kysely, scope);
}

/**
 * Creates a user: the username free and well-formed, the password by the rules, the role
 * one the caller may grant at an org in the caller's scope; "created by" is the caller.
 */
export async function addUser(
  db: Db,
  caller: Caller,
  input: UserInput,
  options: { readonly now: Date; readonly fields?: UserFields },
): Promise<User> {
  const fields = options.fields ?? API_USER_FIELDS;
  refuseTokenCaller(caller);
  const nameProblem = usernameProblem(input.username);
  if (nameProblem) throw GongweiError.badRequest(nameProblem, fields.username);
  await checkGrant(db.kysely, caller, input.role, input.orgCode, fields);
  const problem = passwordProblem(input.password, input.username);
  if (problem) throw GongweiError.badRequest(problem, fields.password);
  return insertUser(db.kysely, {
    username: input.username,
    displayName: input.displayName.trim() === '' ? input.username : input.displayName.trim(),
    orgCode: input.orgCode,
    role: input.role,
    passwordHash: await hashPassword(input.password),
    mustChangePassword: input.mustChangePassword,
    createdBy: caller.name,
    now: options.now.toISOString(),
  });
}

/**
 * The user a caller manages: in the caller's scope (404 otherwise, so that a username
 * beyond it is not confirmed to exist) and of a role the caller could grant (403).
 */
async function managedUser(db: Db, caller: Caller, username: string, field: string): Promise<User> {
  refuseTokenCaller(caller);
  const user = await findUserInScope(db.kysely, caller.scope, username);
  if (!user)
    throw GongweiError.notFound(
      { zh: `未找到用户 ${username}`, en: `no user '${username}' in your scope` },
      field,
    );
  checkManages(caller, user.role, field);
  return user;
}

function refuseSelf(caller: Caller, user: User, field: string): void {
  // Locking oneself out, or moving oneself, leaves a scope without its administrator.
  if (caller.kind === 'user' && caller.userId === user.id)
    throw GongweiError.conflict(
      { zh: '不能锁定或变更自己的账户', en: 'you cannot lock or move your own account' },
      field,
    );
}

async function reread(db: Db, caller: Caller, username: string): Promise<User> {
  const user = await findUserInScope(db.kysely, caller.scope, username);
  // The caller just changed it within the same scope; only a concurrent move hides it.
  if (!user) throw GongweiError.conflict({ zh: '用户已被变更', en: 'the user was changed meanwhile' });
  return user;
}

/** Locks a user out (until unlocked) and ends every session of the user. */
export async function lockUser(
  db: Db,
  caller: Caller,
  username: string,
  options: { readonly now: Date; readonly field?: string },
): Promise<User> {
  const field = options.field ?? 'username';
  const user = await managedUser(db, caller, username, field);
  refuseSelf(caller, user, field);
  await db.kysely.transaction().execute(async (trx) => {
    await setUserActive(trx, user.id, false);
    await endSessionsOfUser(trx, user.id, options.now);
  });
  return reread(db, caller, username);
}

/** Unlocks a user: active again, and any lock-out after failed log-ins lifted. */
export async function unlockUser(
  db: Db,
  caller: Caller,
  username: string,
  options: { readonly field?: string } = {},
): Promise<User> {
  const user = await managedUser(db, caller, username, options.field ?? 'username');
  await setUserActive(db.kysely, user.id, true);
  return reread(db, caller, username);
}

/**
 * Sets a new password for a user who lost theirs: it must be changed at the next log-in,
 * and every session of the user ends (whoever held one no longer does).
 */
export async function resetPassword(
  db: Db,
  caller: Caller,
  username: string,
  password: string,
  options: { readonly now: Date; readonly fields?: Pick<UserFields, 'username' | 'password'> },
): Promise<User> {
  const fields = options.fields ?? API_USER_FIELDS;
  const user = await managedUser(db, caller, username, fields.username);
  const problem = passwordProblem(password, user.username);
  if (problem) throw GongweiError.badRequest(problem, fields.password);
  const hash = await hashPassword(password);
  await db.kysely.transaction().execute(async (trx) => {
    await setUserPassword(trx, user.id, { hash, mustChange: true, now: options.now.toISOString() });
    await endSessionsOfUser(trx, user.id, options.now);
  });
  return reread(db, caller, username);
}

/** A change of role, org or display name (the fields given). */
export interface UserChange {
  readonly role?: RoleName;
  readonly orgCode?: string;
  readonly displayName?: string;
}

/**
 * Gives a user another role, org or display name. The new role and org are checked as at
 * creation (only what the caller holds, only in the caller's scope); a caller does not move
 * or re-role themselves. Sessions read the role and org on every request, so the change
 * holds from the user's next request.
 */
export async function changeUser(
  db: Db,
  caller: Caller,
  username: string,
  change: UserChange,
  options: { readonly fields?: Pick<UserFields, 'username' | 'role' | 'org'> } = {},
): Promise<User> {
  const fields = options.fields ?? API_USER_FIELDS;
  const user = await managedUser(db, caller, username, fields.username);
  const role = change.role ?? user.role;
  const orgCode = change.orgCode ?? user.orgCode;
  if (role !== user.role || orgCode !== user.orgCode) {
    refuseSelf(caller, user, change.role !== undefined ? fields.role : fields.org);
    await checkGrant(db.kysely, caller, role, orgCode, fields);
  }
  const displayName = change.displayName?.trim();
  await updateUserProfile(db.kysely, user.id, {
    ...(role === user.role ? {} : { role }),
    ...(orgCode === user.orgCode ? {} : { orgCode }),
    ...(displayName === undefined || displayName === '' ? {} : { displayName }),
  });
  return reread(db, caller, username);
}
