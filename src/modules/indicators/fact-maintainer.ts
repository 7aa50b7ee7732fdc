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
import { refreshPlannerStatistics } from '../../db/planner-statistics.js';
import type { Db } from '../../db/database.js';
import {
  activitiesByOrg,
  batchIdKeys,
  batchServiceReads,
  firstYearNeeded,
  keysChangedInAnything,
  NO_SERVICES_WRITTEN,
  partialRefreshes,
  planFactChanges,
  type MembershipRow,
  type ResidentRows,
  type ServicesWritten,
} from '../../domain/indicators/fact-changes.js';
import type { ServiceReads } from '../../domain/indicators/service-reads.js';
import { DEFAULT_PARAMETERS, type IndicatorParameters } from '../../domain/indicators/parameters.js';
import { cumulativeNodes, TallyChanges, type TallyNode } from '../../domain/indicators/tally-changes.js';
import {
  ACTIVITY_TERM_FAMILY,
  activityTallies,
  PERSON_READS_CONTRACTS,
  PERSON_SERVICE_READS,
} from '../../domain/indicators/terms.js';
import { WHOLE_TREE } from '../orgs/org-scope.js';
import type { AfterRecordsWrite } from '../records/after-write.js';
import {
  addFactYears,
  addToTallies,
  advancePreparation,
  clearFacts,
  deleteMemberships,
  deleteTallies,
  finishPreparation,
  insertMemberships,
  loadFactYears,
  loadYearsInPreparation,
  loadIdKeys,
  loadMemberships,
  replaceIdKeys,
  startPreparingYears,
  updateMembershipTerms,
  type Handle,
} from './facts-repository.js';
import {
  activityOrgs,
  loadActivities,
  loadContracts,
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

/** The raw rows of a batch, and what was loaded of their services. */
export interface LoadedResidentRows extends ResidentRows {
  /** The service types, columns and payload fields loaded: what their histories can be built from. */
  readonly reads: ServiceReads;
  /** The first year of the stored membership rows the plan needs (null: every year). */
  readonly firstYear: number | null;
}

/**
 * The raw rows of residents `ids`: their records, enrolments, services and contracts, and those of every
 * record sharing with one of them an old or new ID key whose holders' duplicate status the write
 * can have changed (see `keysChangedInAnything`). Reads only.
 *
 * @param written the residents were just written, so their stored ID keys may be old ones;
 *   false for a read, where the stored keys are the current ones (they are maintained by every
 *   write) and need not be loaded
 * @param services the residents changed only by services: when every record of the batch is
 *   one, only the services (and contracts) the families they recompute read are loaded
 */
export async function loadResidentRows(
  h: Handle,
  ids: readonly number[],
  written = true,
  services: ServicesWritten = NO_SERVICES_WRITTEN,
): Promise<LoadedResidentRows> {
  const unique = [...new Set(ids)];
  const storedIdKeys = written ? await loadIdKeys(h, unique) : new Map<number, string | null>();
  const records = await loadResidentRecords(h, unique);
  const keyHolders = await loadKeyHolders(h, batchIdKeys(storedIdKeys, records));
  const listed = new Set(unique);
  // The other holders of a key are recomputed only when the write can change their duplicate
  // status (not when every resident holding it changed by services alone).
  const changedKeys = keysChangedInAnything({ ids: unique, storedIdKeys, residents: records }, services);
  const others = [
    ...new Set(keyHolders.filter((k) => !listed.has(k.id) && changedKeys.has(k.idKey)).map((k) => k.id)),
  ];
  const residents = others.length ? [...records, ...(await loadResidentRecords(h, others))] : records;
  const affected = [...unique, ...others];
  // A deleted resident (listed, no record) is recomputed in full, so it asks for everything.
  const partial = partialRefreshes({ ids: unique, storedIdKeys, residents }, services);
  const load = batchServiceReads(affected, partial, PERSON_SERVICE_READS, PERSON_READS_CONTRACTS);
  return {
    ids: unique,
    storedIdKeys,
    residents,
    keyHolders,
    enrollments: await loadEnrollments(h, affected),
    services: await loadServices(h, affected, load.reads),
    contracts: load.contracts ? await loadContracts(h, affected) : [],
    reads: load.reads,
    firstYear: firstYearNeeded(affected, partial),
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
  services: ServicesWritten = NO_SERVICES_WRITTEN,
): Promise<readonly number[]> {
  const rows = await loadResidentRows(h, ids, true, services);
  // Deleted residents too: their rows are removed and their bits taken off the tallies.
  const affected = [...new Set([...rows.ids, ...rows.residents.map((r) => r.id)])];
  const stored: MembershipRow[] = await loadMemberships(h, affected, rows.firstYear);
  const changes = planFactChanges(rows, stored, years, services, parameters, rows.reads, tallies);
  await replaceIdKeys(h, changes.idKeysReplaced, changes.idKeys);
  await deleteMemberships(h, changes.staleMemberships);
  await insertMemberships(h, changes.freshMemberships);
  await updateMembershipTerms(h, changes.changedMemberships);
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
 * What a write does with a service in a year not maintained yet:
 * - `at-once`: adds the year and computes it for every resident in the writing transaction
 *   (the CLI, the demo, the bench, tests: nobody waits behind them);
 * - `in-background`: starts preparing the year and computes it for the written residents
 *   only; the server's preparation job (./fact-year-preparation.ts) does the rest in short
 *   batches, and until it is done reads of that year are answered from the raw rows
 *   (ADR 0021).
 */
export type NewFactYears = 'at-once' | 'in-background';

/** Recomputes residents `ids` for `years`, in batches, gathering the tally changes. */
async function refreshInBatches(
  trx: Handle,
  ids: readonly number[],
  years: readonly number[],
  services: ServicesWritten,
): Promise<Set<number>> {
  // A deferred write (a whole import) can change millions of residents: recompute them in
  // batches, gathering the tally changes (they touch the same villages) and writing them once.
  const tallies = new TallyChanges();
  const newYears = new Set<number>();
  for (let i = 0; i < ids.length; i += RESIDENTS_PER_BATCH) {
    const batch = ids.slice(i, i + RESIDENTS_PER_BATCH);
    const seen = await refreshResidents(trx, batch, years, DEFAULT_PARAMETERS, tallies, services);
    for (const y of seen) newYears.add(y);
    await flushTallies(trx, tallies, false);
  }
  await flushTallies(trx, tallies, true);
  return newYears;
}

/** Adds `years` to the maintained ones, the way `mode` says; `changedIds` were just written. */
async function addYears(
  trx: Handle,
  years: readonly number[],
  changedIds: readonly number[],
  mode: NewFactYears,
): Promise<void> {
  if (years.length === 0) return;
  if (mode === 'at-once') {
    await addFactYears(trx, years);
    await refreshEverything(trx, years, DEFAULT_PARAMETERS);
    return;
  }
  await startPreparingYears(trx, years);
  // The whole year for these residents (no "services since"): they have no facts in it yet.
  await refreshInBatches(trx, changedIds, years, NO_SERVICES_WRITTEN);
}

/**
 * The after-write maintainer that keeps the indicator facts fresh, in the writing
 * transaction. Years being prepared are maintained like complete ones, so a resident already
 * prepared stays right; `newYears` says what a service in a year not maintained yet costs.
 *
 * @example
 * withRecordsMaintainers(db, [indicatorFactsMaintainer('in-background')]); // the server
 */
export function indicatorFactsMaintainer(newYears: NewFactYears): AfterRecordsWrite {
  return async (trx, changed) => {
    const maintained = async (): Promise<number[]> => [
      ...(await loadFactYears(trx)),
      ...(await loadYearsInPreparation(trx)).map((p) => p.year),
    ];
    const years = await maintained();
    if (changed.residentIds.length > 0) {
      const seen = await refreshInBatches(trx, changed.residentIds, years, {
        since: changed.servicesSince ?? new Map(),
        types: changed.serviceTypes ?? new Map(),
      });
      await addYears(trx, [...seen].sort(), changed.residentIds, newYears);
    }
    if (changed.activityOrgCodes.length > 0) {
      const type = ACTIVITY_TERM_FAMILY.reads.type;
      const activityYears = (await loadActivities(trx, type, changed.activityOrgCodes)).map((a) =>
        Number(a.date.slice(0, 4)),
      );
      const current = await maintained();
      const unseen = [...new Set(activityYears)].filter((y) => !current.includes(y)).sort();
      await addYears(trx, unseen, [], newYears);
      await refreshActivities(trx, changed.activityOrgCodes, await maintained());
    }
  };
}

/** The maintainer of every composition root but the server: a new year is computed at once. */
export const maintainIndicatorFacts: AfterRecordsWrite = indicatorFactsMaintainer('at-once');

/**
 * Prepares one batch of `year` (a year being prepared): the next residents after
 * `preparedThrough` are computed for that year only and the place advanced; when none are
 * left, the activity tallies are computed and the year becomes maintained. Run in its own
 * short transaction by ./fact-year-preparation.ts. Returns whether the year is complete.
 */
export async function prepareYearBatch(
  trx: Handle,
  year: number,
  preparedThrough: number,
  batchSize: number = RESIDENTS_PER_BATCH,
): Promise<{ preparedThrough: number; complete: boolean }> {
  const ids = await residentIdsAfter(trx, WHOLE_TREE, preparedThrough, batchSize);
  if (ids.length === 0) {
    await refreshActivities(trx, await activityOrgs(trx, ACTIVITY_TERM_FAMILY.reads.type), [year]);
    await finishPreparation(trx, year);
    return { preparedThrough, complete: true };
  }
  const tallies = new TallyChanges();
  await refreshResidents(trx, ids, [year], DEFAULT_PARAMETERS, tallies);
  await flushTallies(trx, tallies, true);
  const last = ids[ids.length - 1]!;
  await advancePreparation(trx, year, last);
  return { preparedThrough: last, complete: false };
}

/**
 * Rebuilds every maintained fact from the raw rows, in one transaction: for existing data
 * (a database filled before the engine, or after changing a parameter). Years maintained
 * are those of the services; the ID keys are rebuilt even when there are none.
 */
export async function recomputeAllFacts(db: Db): Promise<{ years: number[] }> {
  const recomputed = await db.kysely.transaction().execute(async (trx) => {
    await clearFacts(trx);
    const years = (await serviceYears(trx)).sort();
    await addFactYears(trx, years);
    await refreshEverything(trx, years, DEFAULT_PARAMETERS);
    return { years };
  });
  // Every fact row was just rewritten: the planner's picture of those tables is out of date.
  await refreshPlannerStatistics(db);
  return recomputed;
}
