/**
 * What a caller may hand out and whom a caller may manage: only roles whose permissions the
 * caller holds, only at orgs inside the caller's scope (issue 10), and never by an API token.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { Caller } from '../../domain/access/caller.js';
import { canGrantRole, type RoleName } from '../../domain/access/permissions.js';
import { GongweiError } from '../../domain/gongwei-error.js';
import { scopeIncludes, scopeOfOrg, type OrgLineage } from '../orgs/org-scope.js';

/** The request fields a grant is read from, for the error that blames one of them. */
export interface GrantFields {
  readonly role: string;
  readonly org: string;
}

/**
 * Refuses an API token: systems push records, people manage accounts, so a leaked token
 * cannot mint users or further tokens.
 */
export function refuseTokenCaller(caller: Caller): void {
  if (caller.kind === 'token')
    throw GongweiError.forbidden({
      zh: '接口令牌不能管理用户和令牌',
      en: 'an API token cannot manage users or tokens',
    });
}

/**
 * Checks that `caller` may give `role` at the org `orgCode` and returns the org: 403 naming
 * the role field for a role with a permission the caller lacks, 400 naming the org field for
 * an org the tree does not hold, 403 naming it for an org beside or above the caller's
 * subtree (a centre's administrator cannot create a county account).
 */
export async function checkGrant(
  h: Kysely<Database>,
  caller: Caller,
  role: RoleName,
  orgCode: string,
  fields: GrantFields,
): Promise<OrgLineage> {
  refuseTokenCaller(caller);
  if (!canGrantRole(caller.permissions, role))
    throw GongweiError.forbidden(
      {
        zh: `不能授予角色 ${role}：它含有您没有的权限`,
        en: `you cannot grant the role '${role}': it holds permissions you lack`,
      },
      fields.role,
    );
  const { org } = await scopeOfOrg(h, caller.scope, orgCode, {
    field: fields.org,
    unknownCode: 'bad_request',
  });
  // scopeOfOrg narrows an org above the caller's subtree to the caller's part of it; an
  // account there would reach beyond the caller, so it is refused too.
  if (!scopeIncludes(caller.scope, org))
    throw GongweiError.forbidden(
      { zh: `机构 ${orgCode} 不在您的权限范围内`, en: `org '${orgCode}' is outside your scope` },
      fields.org,
    );
  return org;
}

/**
 * Refuses to manage an account (a user or a token) of a role the caller could not grant:
 * an administrator limited to fewer permissions cannot lock a more powerful one.
 */
export function checkManages(caller: Caller, role: RoleName, field: string): void {
  refuseTokenCaller(caller);
  if (!canGrantRole(caller.permissions, role))
    throw GongweiError.forbidden(
      {
        zh: `不能管理角色为 ${role} 的账户`,
        en: `you cannot manage an account of the role '${role}'`,
      },
      field,
    );
}
