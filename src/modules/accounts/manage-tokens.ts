/**
 * Use-cases of API tokens (issue 10): tokens let systems (a hospital information system,
 * a lab) push records without a person's session. A token holds one role at one org, like
 * a user; it expires (366 days at most) and can be revoked; its secret is shown once, at
 * creation, and stored only as its SHA-256.
 */
import type { Db } from '../../db/database.js';
import type { Caller } from '../../domain/access/caller.js';
import { tokenNameProblem } from '../../domain/access/account-names.js';
import type { RoleName } from '../../domain/access/permissions.js';
import { GongweiError } from '../../domain/gongwei-error.js';
import {
  findApiTokenInScope,
  insertApiToken,
  listApiTokens,
  revokeApiToken,
  type ApiToken,
} from './api-tokens-repository.js';
import { checkGrant, checkManages, refuseTokenCaller, type GrantFields } from './grants.js';
import { newSecret, secretHash } from './session-tokens.js';

/** The longest a token may live, in days. */
export const MAX_TOKEN_DAYS = 366;

/** How long a token lives unless told otherwise, in days. */
export const DEFAULT_TOKEN_DAYS = 90;

/**
 * The prefix of every token secret: it tells a reader (and a secret scanner) what a leaked
 * string is.
 */
export const TOKEN_PREFIX = 'gwt_';

/** A new token as an administrator asks for it. */
export interface TokenInput {
  readonly name: string;
  readonly role: RoleName;
  readonly orgCode: string;
  readonly expiresInDays: number;
}

/** The request fields the use-cases blame in their errors. */
export interface TokenFields extends GrantFields {
  readonly name: string;
  readonly days: string;
}

/** The field names of the API body. */
export const API_TOKEN_FIELDS: TokenFields = {
  name: 'name',
  role: 'role',
  org: 'orgCode',
  days: 'expiresInDays',
};

/** A token just created, with its secret: the only time the secret is known. */
export interface CreatedToken {
  readonly token: ApiToken;
  readonly secret: string;
}

/**
 * Creates a token of a role the caller may grant at an org in the caller's scope, expiring
 * after 1 to 366 days; returns its secret once.
 */
export async function addApiToken(
  db: Db,
  caller: Caller,
  input: TokenInput,
  options: { readonly now: Date; readonly fields?: TokenFields },
): Promise<CreatedToken> {
  const fields = options.fields ?? API_TOKEN_FIELDS;
  refuseTokenCaller(caller);
  const problem = tokenNameProblem(input.name);
  if (problem) throw GongweiError.badRequest(problem, fields.name);
  if (
    !Number.isInteger(input.expiresInDays) ||
    input.expiresInDays < 1 ||
    input.expiresInDays > MAX_TOKEN_DAYS
  )
    throw GongweiError.badRequest(
      {
        zh: `有效期为1–${MAX_TOKEN_DAYS}天的整数`,
        en: `a token lives a whole number of days from 1 to ${MAX_TOKEN_DAYS}`,
      },
      fields.days,
    );
  await checkGrant(db.kysely, caller, input.role, input.orgCode, fields);
  const secret = `${TOKEN_PREFIX}${newSecret()}`;
  const token = await insertApiToken(db.kysely, {
    name: input.name,
    secretHash: secretHash(secret),
    orgCode: input.orgCode,
    role: input.role,
    createdByUserId: caller.userId,
    createdBy: caller.name,
    now: options.now.toISOString(),
    expiresAt: new Date(options.now.getTime() + input.expiresInDays * 86_400_000).toISOString(),
  });
  return { token, secret };
}

/** The tokens whose org lies in the caller's scope, revoked and expired ones included. */
export async function listTokensOf(db: Db, caller: Caller): Promise<ApiToken[]> {
  refuseTokenCaller(caller);
  return listApiTokens(db.kysely, caller.scope);
}

/**
 * Revokes a token in the caller's scope (404 otherwise): from the next request on, its
 * bearer gets 401. Revoking a revoked token changes nothing.
 */
export async function revokeToken(
  db: Db,
  caller: Caller,
  id: number,
  options: { readonly now: Date; readonly field?: string },
): Promise<ApiToken> {
  const field = options.field ?? 'id';
  refuseTokenCaller(caller);
  const token = await findApiTokenInScope(db.kysely, caller.scope, id);
  if (!token)
    throw GongweiError.notFound({ zh: `未找到令牌 ${id}`, en: `no token ${id} in your scope` }, field);
  checkManages(caller, token.role, field);
  await revokeApiToken(db.kysely, id, options.now.toISOString());
  return (await findApiTokenInScope(db.kysely, caller.scope, id))!;
}
