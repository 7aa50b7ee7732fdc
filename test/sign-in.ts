import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Db } from '../src/db/database.js';
import type { RoleName } from '../src/domain/access/permissions.js';
import { hashPassword } from '../src/modules/accounts/password-hashing.js';
import { insertUser } from '../src/modules/accounts/users-repository.js';

/** A signed-in test client: its headers, and `inject` sending them with every request. */
export interface SignedInClient {
  readonly username: string;
  readonly password: string;
  /** Cookie and X-CSRF-Token headers. */
  readonly headers: Record<string, string>;
  inject(options: InjectOptions): Promise<LightMyRequestResponse>;
}

let serial = 0;

/** The password every test user gets (the rules: ≥ 10 characters, 3 classes). */
export const TEST_PASSWORD = 'Test-Passw0rd';

/**
 * Creates a user of `role` at `org` in `db` and signs it in on `app`, through the real
 * POST /api/session. Each call makes a new user (usernames `t<role><n>`).
 *
 * @example
 * const bureau = await signInAs(app, db, 'bureau', '620802');
 * const res = await bureau.inject({ method: 'GET', url: '/api/targets?org=620802&year=2020' });
 */
export async function signInAs(
  app: FastifyInstance,
  db: Db,
  role: RoleName,
  org: string,
  options: { readonly mustChangePassword?: boolean } = {},
): Promise<SignedInClient> {
  serial += 1;
  const username = `t${role}${process.pid}x${serial}`;
  await insertUser(db.kysely, {
    username,
    displayName: `测试${role}`,
    orgCode: org,
    role,
    passwordHash: await hashPassword(TEST_PASSWORD),
    mustChangePassword: options.mustChangePassword ?? false,
    createdBy: 'test',
    now: new Date().toISOString(),
  });
  return signInExisting(app, username, TEST_PASSWORD);
}

/** Signs in an existing user through POST /api/session; throws when refused. */
export async function signInExisting(
  app: FastifyInstance,
  username: string,
  password: string,
): Promise<SignedInClient> {
  const res = await app.inject({ method: 'POST', url: '/api/session', payload: { username, password } });
  if (res.statusCode !== 200)
    throw new Error(`sign-in of ${username} refused: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'gongwei_session');
  if (!cookie) throw new Error('sign-in set no session cookie');
  const headers = {
    cookie: `gongwei_session=${cookie.value}`,
    'x-csrf-token': (res.json() as { csrfToken: string }).csrfToken,
  };
  return {
    username,
    password,
    headers,
    inject: (options) =>
      app.inject({
        ...options,
        headers: { ...headers, ...(options.headers ?? {}) },
      }) as Promise<LightMyRequestResponse>,
  };
}
