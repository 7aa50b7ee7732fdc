/**
 * Use-case: set a named parameter (a prevalence such as `hypertensionPrevalence`) for an
 * area and year. Targets on expected patients read it for the area and every org below it
 * that sets none of its own.
 */
import type { Db } from '../../db/database.js';
import type { InputLocation } from '../../domain/targets/plan-input-error.js';
import type { OrgScope } from '../orgs/org-scope.js';
import type { Actor } from './set-targets.js';
import { orgToWrite } from './target-scope.js';
import { writeParameter } from './target-parameters-repository.js';

/** A named parameter of an area and year. */
export interface ParameterSetting {
  orgCode: string;
  year: number;
  name: string;
  value: number;
}

/**
 * Stores the parameter in its own transaction. An org the tree does not hold, or outside
 * `scope`, is refused (400, naming `orgField`).
 *
 * @param orgField how the request named the org, for the error (`org`, `--org`)
 * @example
 * await setParameter(db, OPERATOR_SCOPE, { orgCode: '620881', year: 2020, name: 'hypertensionPrevalence',
 *   value: 0.25 }, { by: '县卫健局', at: new Date().toISOString() })
 */
export async function setParameter(
  db: Db,
  scope: OrgScope,
  setting: ParameterSetting,
  actor: Actor,
  orgField = 'org',
): Promise<ParameterSetting> {
  const location: InputLocation = { column: orgField };
  const org = await orgToWrite(db, scope, setting.orgCode, location);
  await db.kysely
    .transaction()
    .execute((trx) =>
      writeParameter(trx, { ...setting, orgCode: org.code, setBy: actor.by, setAt: actor.at }),
    );
  return setting;
}
