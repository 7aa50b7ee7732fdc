import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { findOrgLineage, type OrgLineage } from '../modules/orgs/org-scope.js';
import type { DataVersion } from '../modules/serving/data-versions-repository.js';

/** Codes kept at most; past it the memory starts again (a province has ~20 000 orgs). */
const MOST_CODES = 50_000;

/**
 * The lineages of the orgs the dashboards name, kept under the whole tree's data version
 * (`'*'`, advanced by every write to the orgs in its own transaction, migration 009): a
 * dashboard read then costs the data versions and no read of its org. A lineage read after
 * the versions is at least as new as they are; it is kept only while the tree's version is
 * still the one it was read under, and all go when the version moves.
 *
 * @example
 * const versions = await loadDataVersions(db.kysely);
 * const org = await lineages.find(db.kysely, versions, '620802'); // read once per tree version
 */
export class OrgLineages {
  private treeVersion: number | null = null;
  private readonly byCode = new Map<string, OrgLineage | null>();

  /** The lineage of `code` (null: not in the tree), as of `versions` or newer. */
  async find(
    h: Kysely<Database>,
    versions: readonly DataVersion[],
    code: string,
  ): Promise<OrgLineage | null> {
    const tree = versions.find((v) => v.scope === '*')?.version ?? 0;
    if (this.treeVersion === null || tree > this.treeVersion) {
      this.byCode.clear();
      this.treeVersion = tree;
    }
    const kept = this.byCode.get(code);
    if (kept !== undefined) return kept;
    const lineage = await findOrgLineage(h, code);
    // Another request may have moved the tree on while this one read: keep only what was read
    // under the version kept now.
    if (this.treeVersion === tree) {
      if (this.byCode.size >= MOST_CODES) this.byCode.clear();
      this.byCode.set(code, lineage);
    }
    return lineage;
  }
}
