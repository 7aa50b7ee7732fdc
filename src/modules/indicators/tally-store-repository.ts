/**
 * SQL of the in-memory tallies (./tally-store.ts, ADR 0022): the per-org tally versions of a
 * county's year (migration 018) and the tally nodes of a county's year, whole or for some of
 * its orgs. These reads are not confined to a caller's scope: they fill a server-side store
 * shared by every caller, and each answer taken from it is confined to the caller's orgs
 * (`TallyStore.countsAt`), as `rowsInScope` confines the SQL read it replaces.
 */
import { chunks, KEYS_PER_LOOKUP } from '../../db/statement-chunks.js';
import { SLOTS_PER_YEAR } from '../../domain/periods/period.js';
import { factTables, type Handle } from './facts-repository.js';

/** The table of migration 018 (a type alias, as Kysely's table map needs). */
export type TallyOrgVersionTables = {
  tally_org_versions: { county_code: string; year: number; org_code: string; version: number };
};

/** A tally node row of one org. */
export interface OrgTallyNode {
  readonly org_code: string;
  readonly slot: number;
  readonly term: string;
  readonly n: number;
}

const EVERY_SLOT = Array.from({ length: SLOTS_PER_YEAR }, (_, slot) => slot);

/** The tally version of every org of `county` that has had tally nodes in `year`. */
export async function orgTallyVersions(
  h: Handle,
  county: string,
  year: number,
): Promise<Map<string, number>> {
  const rows = await h
    .withTables<TallyOrgVersionTables>()
    .selectFrom('tally_org_versions')
    .select(['org_code', 'version'])
    .where('county_code', '=', county)
    .where('year', '=', year)
    .execute();
  return new Map(rows.map((r) => [r.org_code, Number(r.version)]));
}

/** Every tally node of `county` in `year`, or only those of `orgs` when given. */
export async function countyTallyNodes(
  h: Handle,
  county: string,
  year: number,
  orgs?: readonly string[],
): Promise<OrgTallyNode[]> {
  const select = (part?: readonly string[]): Promise<OrgTallyNode[]> => {
    let query = factTables(h)
      .selectFrom('indicator_tallies')
      .select(['org_code', 'slot', 'term', 'n'])
      .where('year', '=', year)
      // Every node named, so that the primary key (year, slot, county, org, term) finds the rows.
      .where('slot', 'in', EVERY_SLOT)
      .where('county_code', '=', county);
    if (part) query = query.where('org_code', 'in', part);
    return query.execute();
  };
  if (!orgs) return numeric(await select());
  const out: OrgTallyNode[] = [];
  for (const part of chunks(orgs, KEYS_PER_LOOKUP)) out.push(...numeric(await select(part)));
  return out;
}

function numeric(rows: readonly OrgTallyNode[]): OrgTallyNode[] {
  return rows.map((r) => ({ org_code: r.org_code, slot: Number(r.slot), term: r.term, n: Number(r.n) }));
}
