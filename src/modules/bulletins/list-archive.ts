/**
 * Use-cases: the archive of generated bulletins as a user browses it — everything the caller
 * sees, or only an org's subtree within it — and one archived bulletin.
 */
import type { Db } from '../../db/database.js';
import { findOrgLineage, scopeOfOrg, type OrgScope } from '../orgs/org-scope.js';
import {
  getBulletin,
  listBulletins,
  selectBulletinOrg,
  type ArchivedBulletin,
} from './bulletin-repository.js';
import { orgWithinScope } from './bulletin-scope.js';

/** What to list: an org's subtree (default: all the caller sees), a period, a page. */
export interface ArchiveQuery {
  readonly org?: string;
  readonly period?: string;
  readonly limit: number;
  readonly offset: number;
}

/**
 * Archived bulletins of the orgs within `callerScope` (narrowed to `query.org`'s subtree
 * when given), newest first. An org the tree does not hold is a filter that matches
 * nothing: no error. An org beside the scope is refused (403 naming `org`); one above it
 * lists the bulletins of the caller's part.
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
    if (!(await findOrgLineage(db.kysely, query.org))) return [];
    scope = (await scopeOfOrg(db.kysely, callerScope, query.org, { field: 'org' })).scope;
  }
  return listBulletins(db, scope, {
    ...(query.period === undefined ? {} : { period: query.period }),
    limit: query.limit,
    offset: query.offset,
  });
}

/**
 * One archived bulletin with its content; null when there is none with that id. A bulletin
 * of an org not wholly inside `callerScope` is refused (403 naming `id`), so that the
 * refusal is in the access trail.
 *
 * @example await readArchivedBulletin(db, callerScope(request), 12)
 */
export async function readArchivedBulletin(
  db: Db,
  callerScope: OrgScope,
  id: number,
): Promise<(ArchivedBulletin & { content: Buffer }) | null> {
  const org = await selectBulletinOrg(db, id);
  if (org === null) return null;
  await orgWithinScope(db, callerScope, org, 'id');
  return getBulletin(db, callerScope, id);
}
