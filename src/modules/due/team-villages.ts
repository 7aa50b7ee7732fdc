/**
 * A family-doctor team's villages, for the due list of a team (issue 15): the team is looked
 * up among those of the caller's scope, and its due list is the org's list kept to the
 * villages the team serves.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { GongweiError } from '../../domain/gongwei-error.js';
import { teamsByCode } from '../contracts/contracts-repository.js';
import type { OrgScope } from '../orgs/org-scope.js';

/**
 * The village codes team `code` serves; 404 naming `field` when no team of the caller's
 * scope has that code.
 *
 * @example const villages = await teamVillages(db.kysely, caller.scope, 'T620802100-01');
 */
export async function teamVillages(
  h: Kysely<Database>,
  callerScope: OrgScope,
  code: string,
  field = 'team',
): Promise<ReadonlySet<string>> {
  const team = (await teamsByCode(h, callerScope, [code])).get(code);
  if (!team)
    throw GongweiError.notFound(
      { zh: `本辖区没有编码为 ${code} 的家庭医生团队`, en: `no family-doctor team ${code} in your area` },
      field,
    );
  return new Set(team.villages);
}
