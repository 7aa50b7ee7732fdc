/**
 * Keeps the indicator facts fresh inside every records write (installed as an after-write
 * maintainer by the composition roots, src/composition/maintained-database.ts): the changed
 * residents (and the records sharing their ID number, for duplicates) are recomputed from
 * their raw rows, their term masks compared with the stored ones, and only the differences
 * added to the tallies. Backdated services, deletions, corrections, deaths, move-outs, moves
 * between villages and enrolment ends are all "recompute that resident".
 *
 * Each batch of residents is loaded in one go (./raw-rows-repository.ts), computed purely
 * (src/domain/indicators/fact-changes.ts), then written once (./facts-repository.ts).
 */
import type { Db } from '../../db/database.js';
import {
  activitiesByOrg,
  batchIdKeys,
  planFactChanges,
  type MembershipRow,
  type ResidentRows,
} from '../../domain/indicators/fact-changes.js';
import { DEFAULT_PARAMETERS, type IndicatorParameters } from '../../domain/indicators/parameters.js';
import { cumulativeNodes, TallyChanges, type TallyNode } from '../../domain/indicators/tally-changes.js';
import {
  ACTIVITY_TERM_FAMILY,
  activityTallies,
  PERSON_SERVICE_READS,
} from '../../domain/indicators/terms.js';
import { WHOLE_TREE } from '../orgs/org-scope.js';
import type { ChangedRecords } from '../records/after-write.js';
import {
  addFactYears,
  addToTallies,
  clearFacts,
  deleteMemberships,
  deleteTallies,
  insertMemberships,
  loadFactYears,
  loadIdKeys,
  loadMemberships,
  replaceIdKeys,
  type Handle,
} from './facts-repository.js';
import {
  activityOrgs,
  loadActivities,
  loadEnrollments,
  loadKeyHolders,
  loadResidentRecords,
  loadServices,
  residentIdsAfter,
  serviceYears,
} from './raw-rows-repository.js';

/** Residents recomputed together: a few `in (…)` queries each. */
export const RESIDENTS_PER_BATCH = 2000;
/** Tally changes held before writing them (each ~200 bytes). */
const TALLY_CHANGES_HELD = 200_000;

/**
 * The raw rows of residents `ids`: their records, enrolments and services, and those of every
 * record sharing an old or new ID key with one of them (duplicates). Reads only.
 *
 * @param written the residents were just written, so their stored ID keys may be old ones;
 *   false for a read, where the stored keys are the current ones (they are maintained by every
 *   write) and need not be loaded
 */
export async function loadResidentRows(
  h: Handle,
  ids: readonly number[],
  written = true,
): Promise<ResidentRows> {
  const unique = [...new Set(ids)];
  const storedIdKeys = written ? await loadIdKeys(h, unique) : new Map<number, string | null>();
  const records = await loadResidentRecords(h, unique);
  const keyHolders = await loadKeyHolders(h, batchIdKeys(storedIdKeys, records));
  const listed = new Set(unique);
  const others = [...new Set(keyHolders.map((k) => k.id).filter((id) => !listed.has(id)))];
  const residents = others.length ? [...records, ...(await loadResidentRecords(h, others))] : records;
  const affected = [...unique, ...others];
  return {
    ids: unique,
    storedIdKeys,
    residents,
    keyHolders,
    enrollments: await loadEnrollments(h, affected),
    services: await loadServices(h, affected, PERSON_SERVICE_READS),
  };
}

/**
 * Recomputes the memberships of `ids` (plus their duplicate peers) for `years`: loads their
 * rows, computes the changes, writes the ID keys and membership rows, and adds the flipped
 * bits to `tallies` (written by the caller). Returns the service years seen that are not
 * maintained yet.
 */
async function refreshResidents(
  h: Handle,
  ids: readonly number[],
  years: readonly number[],
  parameters: IndicatorParameters,
  tallies: TallyChanges,
  servicesSince: ReadonlyMap<number, string> = new Map(),
): Promise<readonly number[]> {
  const rows = await loadResidentRows(h, ids);
  // Deleted residents too: their rows are removed and their bits taken off the tallies.
  const affected = [...new Set([...rows.ids, ...rows.residents.map((r) => r.id)])];
  const stored: MembershipRow[] = await loadMemberships(h, affected);
  const changes = planFactChanges(
    rows,
    stored,
    years,
    servicesSince,
    parameters,
    PERSON_SERVICE_READS,
    tallies,
  );
  await replaceIdKeys(h, rows.ids, changes.idKeys);
  await deleteMemberships(h, changes.staleMemberships);
  await insertMemberships(h, changes.freshMemberships);
  return changes.newYears;
}

/** Recomputes the activity tallies of orgs for `years` from their raw activities. */
async function refreshActivities(
  h: Handle,
  orgCodes: readonly string[],
  years: readonly number[],
): Promise<void> {
  const unique = [...new Set(orgCodes)];
  if (unique.length === 0 || years.length === 0) return;
  const type = ACTIVITY_TERM_FAMILY.reads.type;
  const rows = await loadActivities(h, type, unique);
  await deleteTallies(h, unique, ACTIVITY_TERM_FAMILY.terms, years);
  const nodes: TallyNode[] = [];
  for (const [org, { countyCode, activities }] of activitiesByOrg(rows))
    for (const year of years)
      nodes.push(...cumulativeNodes(year, org, countyCode, activityTallies(activities, year)));
  await addToTallies(h, nodes);
}

/** Writes the gathered tally changes when there are many (or `always`). */
async function flushTallies(h: Handle, tallies: TallyChanges, always: boolean): Promise<void> {
  if (always || tallies.size > TALLY_CHANGES_HELD) await addToTallies(h, tallies.drain());
}

/**
 * Recomputes every resident and activity org for `years` (a year newly maintained, or
 * everything); with no years, only the ID keys are rebuilt.
 */
async function refreshEverything(
  h: Handle,
  years: readonly number[],
  parameters: IndicatorParameters,
): Promise<void> {
  let after = 0;
  const tallies = new TallyChanges();
  for (;;) {
    const ids = await residentIdsAfter(h, WHOLE_TREE, after, RESIDENTS_PER_BATCH);
    if (ids.length === 0) break;
    // Changes are gathered over batches (they touch the same villages) and written once.
    await refreshResidents(h, ids, years, parameters, tallies);
    after = ids[ids.length - 1]!;
    await flushTallies(h, tallies, false);
  }
  await flushTallies(h, tallies, true);
  await refreshActivities(h, await activityOrgs(h, ACTIVITY_TERM_FAMILY.reads.type), years);
}

/**
 * The maintainer run after every records write, in the writing transaction. A service in a
 * year not maintained yet adds that year and computes it for everybody once (the cost of the
 * first service of a new year), so later writes stay incremental.
 */
export async function maintainIndicatorFacts(trx: Handle, changed: ChangedRecords): Promise<void> {
  const years = await loadFactYears(trx);
  if (changed.residentIds.length > 0) {
    // A deferred write (a whole import) can change millions of residents: recompute them in
    // batches, gathering the tally changes (they touch the same villages) and writing them once.
    const tallies = new TallyChanges();
    const newYears = new Set<number>();
    const ids = changed.residentIds;
    for (let i = 0; i < ids.length; i += RESIDENTS_PER_BATCH) {
      const batch = ids.slice(i, i + RESIDENTS_PER_BATCH);
      const seen = await refreshResidents(
        trx,
        batch,
        years,
        DEFAULT_PARAMETERS,
        tallies,
        changed.servicesSince,
      );
      for (const y of seen) newYears.add(y);
      await flushTallies(trx, tallies, false);
    }
    await flushTallies(trx, tallies, true);
    if (newYears.size > 0) {
      const added = [...newYears].sort();
      await addFactYears(trx, added);
      await refreshEverything(trx, added, DEFAULT_PARAMETERS);
    }
  }
  if (changed.activityOrgCodes.length > 0) {
    const type = ACTIVITY_TERM_FAMILY.reads.type;
    const activityYears = (await loadActivities(trx, type, changed.activityOrgCodes)).map((a) =>
      Number(a.date.slice(0, 4)),
    );
    const current = await loadFactYears(trx);
    const newYears = [...new Set(activityYears)].filter((y) => !current.includes(y));
    if (newYears.length > 0) {
      await addFactYears(trx, newYears);
      await refreshEverything(trx, newYears, DEFAULT_PARAMETERS);
    }
    await refreshActivities(trx, changed.activityOrgCodes, await loadFactYears(trx));
  }
}

/**
 * Rebuilds every maintained fact from the raw rows, in one transaction: for existing data
 * (a database filled before the engine, or after changing a parameter). Years maintained
 * are those of the services; the ID keys are rebuilt even when there are none.
 */
export async function recomputeAllFacts(db: Db): Promise<{ years: number[] }> {
  return db.kysely.transaction().execute(async (trx) => {
    await clearFacts(trx);
    const years = (await serviceYears(trx)).sort();
    await addFactYears(trx, years);
    await refreshEverything(trx, years, DEFAULT_PARAMETERS);
    return { years };
  });
}
