import type { Db } from '../../db/database.js';
import { GongweiError } from '../../domain/gongwei-error.js';
import { withAccountTables } from './account-tables.js';
import { DECOY_HASH, passwordMatches } from './password-hashing.js';
import { createSession, type NewSession, type SessionLifetime } from './sessions-repository.js';
import { findUserByUsername, withoutHash, type User } from './users-repository.js';

/** Failed log-ins in a row after which an account is locked (issue 10). */
export const FAILURES_BEFORE_LOCK = 5;

/** How long a lock-out lasts. */
export const LOCK_MINUTES = 15;

const WRONG_CREDENTIALS = { zh: '用户名或密码错误', en: 'wrong username or password' } as const;

/** A signed-in user and the new session. */
export interface SignedIn {
  readonly user: User;
  readonly session: NewSession;
}

/**
 * Checks a username and password and starts a session. Refusals are all 401 and do not
 * say whether the username exists (an unknown name costs the same hash check), except for
 * a locked account, which says until when. The fifth failure in a row locks the account
 * for 15 minutes; a success resets the count.
 */
export async function signIn(
  db: Db,
  credentials: { readonly username: string; readonly password: string },
  options: { readonly now: Date; readonly clientAddress: string | null; readonly lifetime: SessionLifetime },
): Promise<SignedIn> {
  const user = await findUserByUsername(db.kysely, credentials.username);
  if (!user) {
    await passwordMatches(DECOY_HASH, credentials.password);
    throw new GongweiError('unauthorized', WRONG_CREDENTIALS);
  }
  const nowIso = options.now.toISOString();
  if (user.lockedUntil !== null && user.lockedUntil > nowIso)
    throw new GongweiError('unauthorized', {
      zh: `连续登录失败，账户已锁定至 ${user.lockedUntil}`,
      en: `too many failed log-ins: the account is locked until ${user.lockedUntil}`,
    });
  const matches = await passwordMatches(user.passwordHash, credentials.password);
  const accounts = withAccountTables(db.kysely);
  if (!matches) {
    const failures = user.failedAttempts + 1;
    const lock = failures >= FAILURES_BEFORE_LOCK;
    await accounts
      .updateTable('users')
      .set({
        failed_attempts: lock ? 0 : failures,
        locked_until: lock
          ? new Date(options.now.getTime() + LOCK_MINUTES * 60_000).toISOString()
          : user.lockedUntil,
      })
      .where('id', '=', user.id)
      .execute();
    throw new GongweiError('unauthorized', WRONG_CREDENTIALS);
  }
  if (!user.active)
    throw new GongweiError('unauthorized', { zh: '账户已停用', en: 'the account is disabled' });
  await accounts
    .updateTable('users')
    .set({ failed_attempts: 0, locked_until: null })
    .where('id', '=', user.id)
    .execute();
  const session = await createSession(db.kysely, user.id, options);
  return { user: withoutHash(user), session };
}
