/**
 * Use-case: the archive of generated bulletins as a user browses it — everything the caller
 * sees, or only an org's subtree within it.
 */
import type { Db } from '../../db/database.js';
import { findOrgLineage, narrowScope, type OrgScope } from '../orgs/org-scope.js';
import { listBulletins, type ArchivedBulletin } from './bulletin-repository.js';

/** What to list: an org's subtree (default: all the caller sees), a period, a page. */
export interface ArchiveQuery {
  readonly org?: string;
  readonly period?: string;
  readonly limit: number;
  readonly offset: number;
}

/**
 * Archived bulletins within `callerScope` (narrowed to `query.org`'s subtree when given),
 * newest first. An org the tree does not hold is a filter that matches nothing: no error.
 *
 * @example
 * await listArchive(db, callerScope(request), { org: '620800', limit: 50, offset: 0 })
 */
export async function listArchive(
  db: Db,
  callerScope: OrgScope,
  query: ArchiveQuery,
): Promise<ArchivedBulletin[]> {
  let scope = callerScope;
  if (query.org !== undefined) {
    const org = await findOrgLineage(db.kysely, query.org);
    if (!org) return [];
    scope = narrowScope(callerScope, org);
  }
  return listBulletins(db, scope, {
    ...(query.period === undefined ? {} : { period: query.period }),
    limit: query.limit,
    offset: query.offset,
  });
}
