/**
 * Keeps the indicator facts fresh inside every records write (runAfterRecordsWrite): the
 * changed residents (and the records sharing their ID number, for duplicates) are
 * recomputed from their raw rows, their term masks compared with the stored ones, and only
 * the differences added to the tallies. Backdated services, deletions, corrections, deaths,
 * move-outs, moves between villages and enrolment ends are all "recompute that resident".
 */
import type { Db } from '../../db/database.js';
import type { ChangedRecords } from '../records/after-write.js';
import { SLOTS_PER_YEAR, slotOfDate } from '../../domain/periods/period.js';
import { DEFAULT_PARAMETERS, type IndicatorParameters } from '../../domain/indicators/parameters.js';
import { treeNodes } from '../../domain/indicators/slot-tree.js';
import {
  ACTIVITY_TERMS,
  activityTallies,
  goneDate,
  idKey,
  residentTermMasks,
  type ResidentHistory,
  type ServiceFact,
} from '../../domain/indicators/terms.js';
import {
  activityOrgs,
  addFactYears,
  addToTallies,
  clearFacts,
  deleteTallies,
  loadActivities,
  loadEnrollments,
  loadFactYears,
  loadIdKeys,
  loadMemberships,
  loadResidents,
  loadServices,
  replaceIdKeys,
  replaceMemberships,
  residentIdsAfter,
  residentsWithKeys,
  serviceYears,
  type Handle,
  type MembershipRow,
  type ServiceRow,
  type TallyDelta,
} from './indicator-repository.js';

/** Parses the stored `|term=mask|…|` text. */
export function parseTermMasks(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const part of text.split('|')) {
    if (!part) continue;
    const eq = part.lastIndexOf('=');
    out.set(part.slice(0, eq), Number(part.slice(eq + 1)));
  }
  return out;
}

/** Writes term masks as stored text, terms sorted so equal sets give equal text. */
export function formatTermMasks(masks: ReadonlyMap<string, number>): string {
  const terms = [...masks.keys()].sort();
  return `|${terms.map((t) => `${t}=${masks.get(t)}`).join('|')}|`;
}

/** A stored payload as an object; payloads are validated on write, so a bad one reads as empty. */
function parsePayload(text: string | null): Record<string, unknown> {
  if (!text) return {};
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    return {};
  }
}

function serviceFact(row: ServiceRow): ServiceFact {
  const payload = parsePayload(row.payload);
  return {
    id: row.id,
    type: row.type,
    date: row.service_date,
    sbp: row.sbp === null ? null : Number(row.sbp),
    dbp: row.dbp === null ? null : Number(row.dbp),
    fastingGlucose: row.fasting_glucose === null ? null : Number(row.fasting_glucose),
    controlled: row.controlled === null ? null : Number(row.controlled),
    guidance: row.guidance === null ? null : Number(row.guidance),
    vaccine: typeof payload.vaccine === 'string' ? payload.vaccine : null,
    gestationalWeeks: typeof payload.gestationalWeeks === 'number' ? payload.gestationalWeeks : null,
    medicationRegular: typeof payload.medicationRegular === 'boolean' ? payload.medicationRegular : null,
  };
}

/** Tally changes being gathered, per (year, org, term): the change of the count at each 旬 end. */
type DeltaSink = Map<string, { year: number; org: string; county: string; term: string; n: Int32Array }>;

/** Writes gathered tally changes (as slot-tree nodes) and empties the sink. */
async function flushDeltas(h: Handle, sink: DeltaSink): Promise<void> {
  const deltas: TallyDelta[] = [];
  for (const e of sink.values())
    treeNodes(e.n).forEach((n, node) => {
      if (n !== 0)
        deltas.push({ year: e.year, node, org_code: e.org, term: e.term, county_code: e.county, n });
    });
  sink.clear();
  await addToTallies(h, deltas);
}

/**
 * Recomputes the memberships of `ids` (plus their duplicate peers) for `years` and applies
 * the differences to the tallies. Returns the service years seen that are not maintained yet.
 */
async function refreshResidents(
  h: Handle,
  ids: readonly number[],
  years: readonly number[],
  parameters: IndicatorParameters,
  sink: DeltaSink = new Map(),
  flush = true,
  servicesSince: ReadonlyMap<number, string> = new Map(),
): Promise<number[]> {
  const unique = [...new Set(ids)];
  const oldKeys = await loadIdKeys(h, unique);
  const changedRows = await loadResidents(h, unique);
  await replaceIdKeys(
    h,
    unique,
    changedRows.map((r) => ({ resident_id: r.id, county_code: r.county_code, id_key: idKey(r.id_number) })),
  );
  const keys = new Set<string>();
  for (const k of oldKeys.values()) if (k) keys.add(k);
  for (const r of changedRows) {
    const k = idKey(r.id_number);
    if (k) keys.add(k);
  }
  // A dated service write leaves a resident's earlier 旬 as they were, unless a record sharing
  // its ID key changed in anything (its duplicate status can then change at any date).
  const keysChangedInAnything = new Set<string>();
  for (const id of unique) {
    if (servicesSince.has(id)) continue;
    const k = oldKeys.get(id);
    if (k) keysChangedInAnything.add(k);
  }
  for (const r of changedRows) {
    const k = idKey(r.id_number);
    if (k && !servicesSince.has(r.id)) keysChangedInAnything.add(k);
  }
  const peers = await residentsWithKeys(h, [...keys]);
  const affected = [...new Set([...unique, ...peers.map((p) => p.id)])];
  const changedIds = new Set(unique);
  const extraIds = affected.filter((id) => !changedIds.has(id));
  const rows = extraIds.length ? [...changedRows, ...(await loadResidents(h, extraIds))] : changedRows;

  const peersByKey = new Map<string, typeof peers>();
  for (const p of peers) {
    const list = peersByKey.get(p.id_key) ?? [];
    list.push(p);
    peersByKey.set(p.id_key, list);
  }
  const enrollments = await loadEnrollments(h, affected);
  const services = await loadServices(h, affected);
  const enrolmentsOf = new Map<number, ResidentHistory['enrollments'][number][]>();
  for (const e of enrollments) {
    const list = enrolmentsOf.get(e.resident_id) ?? [];
    list.push({ program: e.program, startDate: e.start_date, endDate: e.end_date });
    enrolmentsOf.set(e.resident_id, list);
  }
  const servicesOf = new Map<number, ServiceFact[]>();
  const newYears = new Set<number>();
  const maintained = new Set(years);
  for (const s of services) {
    const list = servicesOf.get(s.resident_id) ?? [];
    list.push(serviceFact(s));
    servicesOf.set(s.resident_id, list);
    const y = Number(s.service_date.slice(0, 4));
    if (!maintained.has(y)) newYears.add(y);
  }

  const stale = (await loadMemberships(h, affected)).filter((m) => maintained.has(m.year));
  const staleByKey = new Map(stale.map((m) => [`${m.resident_id}|${m.year}`, m]));
  const fresh: MembershipRow[] = [];
  for (const r of rows) {
    // Changed only by services dated `since` or later: the 旬 ending before it keep their
    // bits (every rule reads services dated on or before the 旬 end), earlier years their row.
    const ownKey = idKey(r.id_number);
    const since = ownKey !== null && keysChangedInAnything.has(ownKey) ? undefined : servicesSince.get(r.id);
    const sinceYear = since === undefined ? -Infinity : Number(since.slice(0, 4));
    const keptYears = years.filter((y) => y < sinceYear);
    for (const year of keptYears) {
      const kept = staleByKey.get(`${r.id}|${year}`);
      if (kept) fresh.push(kept);
    }
    if (keptYears.length === years.length) continue;
    const key = idKey(r.id_number);
    const history: ResidentHistory = {
      id: r.id,
      birthDate: r.birth_date,
      electronic: r.electronic === 1,
      span: { created: r.record_created, gone: goneDate(r.death_date, r.moved_out_date) },
      enrollments: enrolmentsOf.get(r.id) ?? [],
      services: servicesOf.get(r.id) ?? [],
      earlierDuplicates: key
        ? (peersByKey.get(key) ?? [])
            .filter((p) => p.id < r.id)
            .map((p) => ({ created: p.record_created, gone: goneDate(p.death_date, p.moved_out_date) }))
        : [],
    };
    for (const year of years) {
      if (year < sinceYear) continue;
      let masks: Map<string, number>;
      if (year === sinceYear) {
        const fromSlot = slotOfDate(since!);
        masks = residentTermMasks(history, year, parameters, fromSlot);
        const kept = staleByKey.get(`${r.id}|${year}`);
        if (kept)
          for (const [term, mask] of parseTermMasks(kept.terms)) {
            const before = mask % 2 ** fromSlot;
            if (before !== 0) masks.set(term, (masks.get(term) ?? 0) + before);
          }
      } else masks = residentTermMasks(history, year, parameters);
      if (masks.size === 0) continue;
      fresh.push({
        resident_id: r.id,
        year,
        county_code: r.county_code,
        org_code: r.org_code,
        terms: formatTermMasks(masks),
      });
    }
  }

  const bump = (
    year: number,
    org: string,
    county: string,
    term: string,
    before: number,
    after: number,
  ): void => {
    if (before === after) return;
    const k = `${year}|${org}|${term}`;
    let entry = sink.get(k);
    if (!entry) sink.set(k, (entry = { year, org, county, term, n: new Int32Array(SLOTS_PER_YEAR) }));
    for (let slot = 0, bit = 1; slot < SLOTS_PER_YEAR; slot++, bit *= 2)
      entry.n[slot]! += (Math.floor(after / bit) % 2) - (Math.floor(before / bit) % 2);
  };
  const freshByKey = new Map(fresh.map((m) => [`${m.resident_id}|${m.year}`, m]));
  // Only rows that changed are rewritten: a follow-up of 2020 leaves the 2019 row as it was.
  const rewrite = new Map<number, Set<number>>(years.map((y) => [y, new Set<number>()]));
  const inserts: MembershipRow[] = [];
  for (const [k, m] of staleByKey) {
    const f = freshByKey.get(k);
    if (f && f.terms === m.terms && f.org_code === m.org_code) continue;
    rewrite.get(m.year)?.add(m.resident_id);
    if (f) inserts.push(f);
    const before = parseTermMasks(m.terms);
    const after = f ? parseTermMasks(f.terms) : new Map<string, number>();
    if (f && f.org_code === m.org_code) {
      // Same village: only the 旬 whose membership flipped change the tallies.
      for (const term of new Set([...before.keys(), ...after.keys()]))
        bump(m.year, m.org_code, m.county_code, term, before.get(term) ?? 0, after.get(term) ?? 0);
    } else {
      for (const [term, mask] of before) bump(m.year, m.org_code, m.county_code, term, mask, 0);
      if (f) for (const [term, mask] of after) bump(f.year, f.org_code, f.county_code, term, 0, mask);
    }
  }
  for (const [k, f] of freshByKey) {
    if (staleByKey.has(k)) continue;
    inserts.push(f);
    for (const [term, mask] of parseTermMasks(f.terms))
      bump(f.year, f.org_code, f.county_code, term, 0, mask);
  }

  for (const [year, ids] of rewrite)
    await replaceMemberships(
      h,
      [...ids],
      [year],
      inserts.filter((r) => r.year === year && ids.has(r.resident_id)),
    );
  // Fresh rows of residents with no stored row for that year are plain inserts.
  await replaceMemberships(
    h,
    [],
    years,
    inserts.filter((r) => !rewrite.get(r.year)?.has(r.resident_id)),
  );
  if (flush) await flushDeltas(h, sink);
  return [...newYears].sort();
}

/** Recomputes the activity tallies of orgs for `years` from their raw activities. */
async function refreshActivities(
  h: Handle,
  orgCodes: readonly string[],
  years: readonly number[],
): Promise<void> {
  const unique = [...new Set(orgCodes)];
  if (unique.length === 0 || years.length === 0) return;
  const rows = await loadActivities(h, unique);
  await deleteTallies(h, unique, ACTIVITY_TERMS, years);
  const byOrg = new Map<
    string,
    { county: string; activities: { date: string; kind: string | null; participants: number }[] }
  >();
  for (const r of rows) {
    const payload = parsePayload(r.payload);
    const entry = byOrg.get(r.org_code) ?? { county: r.county_code, activities: [] };
    entry.activities.push({
      date: r.service_date,
      kind: typeof payload.activityKind === 'string' ? payload.activityKind : null,
      participants: typeof payload.participants === 'number' ? payload.participants : 0,
    });
    byOrg.set(r.org_code, entry);
  }
  const deltas: TallyDelta[] = [];
  for (const [org, { county, activities }] of byOrg) {
    for (const year of years) {
      for (const [term, values] of activityTallies(activities, year)) {
        treeNodes(values).forEach((n, node) => {
          if (n !== 0) deltas.push({ year, node, org_code: org, term, county_code: county, n });
        });
      }
    }
  }
  await addToTallies(h, deltas);
}

const BATCH = 2000;
/** Tally changes held before writing them (each ~200 bytes). */
const SINK_LIMIT = 200_000;

/** Recomputes every resident and activity org for `years` (a year newly maintained, or everything). */
async function refreshEverything(
  h: Handle,
  years: readonly number[],
  parameters: IndicatorParameters,
): Promise<void> {
  let after = 0;
  const sink: DeltaSink = new Map();
  for (;;) {
    const ids = await residentIdsAfter(h, after, BATCH);
    if (ids.length === 0) break;
    // Changes are gathered over batches (they touch the same villages) and written once.
    await refreshResidents(h, ids, years, parameters, sink, false);
    after = ids[ids.length - 1]!;
    if (sink.size > SINK_LIMIT) await flushDeltas(h, sink);
  }
  await flushDeltas(h, sink);
  await refreshActivities(h, await activityOrgs(h), years);
}

/**
 * The maintainer run by runAfterRecordsWrite in the writing transaction. A service in a
 * year not maintained yet adds that year and computes it for everybody once (the cost of
 * the first service of a new year), so later writes stay incremental.
 */
export async function maintainIndicatorFacts(trx: Handle, changed: ChangedRecords): Promise<void> {
  const years = await loadFactYears(trx);
  if (changed.residentIds.length > 0) {
    // A deferred write (a whole import) can change millions of residents: recompute them in
    // batches, gathering the tally changes (they touch the same villages) and writing them once.
    const sink: DeltaSink = new Map();
    const newYears = new Set<number>();
    const ids = changed.residentIds;
    for (let i = 0; i < ids.length; i += BATCH) {
      const seen = await refreshResidents(
        trx,
        ids.slice(i, i + BATCH),
        years,
        DEFAULT_PARAMETERS,
        sink,
        false,
        changed.servicesSince,
      );
      for (const y of seen) newYears.add(y);
      if (sink.size > SINK_LIMIT) await flushDeltas(trx, sink);
    }
    await flushDeltas(trx, sink);
    if (newYears.size > 0) {
      const added = [...newYears].sort();
      await addFactYears(trx, added);
      await refreshEverything(trx, added, DEFAULT_PARAMETERS);
    }
  }
  if (changed.activityOrgCodes.length > 0) {
    const activityYears = (await loadActivities(trx, changed.activityOrgCodes)).map((a) =>
      Number(a.service_date.slice(0, 4)),
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
 * are those of the services.
 */
export async function recomputeAllFacts(db: Db): Promise<{ years: number[] }> {
  return db.kysely.transaction().execute(async (trx) => {
    await clearFacts(trx);
    const years = (await serviceYears(trx)).sort();
    await addFactYears(trx, years);
    if (years.length > 0) await refreshEverything(trx, years, DEFAULT_PARAMETERS);
    return { years };
  });
}
