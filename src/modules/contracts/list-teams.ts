/**
 * The family-doctor teams (家庭医生团队) of the caller's scope, or of one org within it.
 */
import type { Db } from '../../db/database.js';
import { scopeOfOrg, type OrgScope } from '../orgs/org-scope.js';
import { listTeams, type TeamRow } from './contracts-repository.js';

/**
 * The teams whose institution lies in the caller's scope, below `orgCode` when given (403
 * for an org beside the scope, 404 for an unknown one, naming `field`), by code.
 *
 * @example await teamsOf(db, caller.scope, '620881100')
 */
export async function teamsOf(
  db: Db,
  callerScope: OrgScope,
  orgCode?: string,
  field = 'org',
): Promise<TeamRow[]> {
  if (orgCode === undefined) return listTeams(db.kysely, callerScope);
  const { scope } = await scopeOfOrg(db.kysely, callerScope, orgCode, { field });
  return listTeams(db.kysely, scope);
}
