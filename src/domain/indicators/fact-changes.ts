/**
 * The pure middle of the fact maintainer: from the raw rows of a batch of residents (loaded
 * in one go by src/modules/indicators/fact-maintainer.ts), their histories, their term
 * masks for every maintained year, and what to write — the ID keys, the membership rows that
 * changed, and the flipped bits as tally changes. Nothing here reads or writes the database.
 */
import { slotOfDate } from '../periods/period.js';
import type { IndicatorParameters } from './parameters.js';
import {
  payloadFields,
  serviceFact,
  serviceReadsOf,
  type LoadedService,
  type ServiceReads,
} from './service-reads.js';
import { familiesChangedByServices } from './service-write-families.js';
import type { TallyChanges } from './tally-changes.js';
import type { ContractFacts } from '../contracts/contract-terms.js';
import type {
  ActivityFact,
  EnrollmentFact,
  PersonTermFamily,
  ResidentHistory,
  ServiceFact,
} from './term-family.js';
import { formatTermMasks, parseTermMasks } from './term-masks.js';
import {
  ACTIVITY_SERVICE_READS,
  ACTIVITY_TERM_FAMILY,
  goneDate,
  idKey,
  PERSON_TERM_FAMILY,
  residentTermMasks,
  residentTermMasksOf,
  residentTermsAt,
} from './terms.js';

/** A resident record as the engine reads it. */
export interface ResidentRecord {
  readonly id: number;
  readonly countyCode: string;
  readonly orgCode: string;
  readonly idNumber: string | null;
  readonly birthDate: string | null;
  readonly electronic: boolean;
  readonly recordCreated: string;
  readonly deathDate: string | null;
  readonly movedOutDate: string | null;
}

/** A record holding an ID key, with its span (for duplicates). */
export interface KeyHolder {
  readonly id: number;
  readonly idKey: string;
  readonly recordCreated: string;
  readonly deathDate: string | null;
  readonly movedOutDate: string | null;
}

/** An enrolment as loaded. */
export interface LoadedEnrollment extends EnrollmentFact {
  readonly residentId: number;
}

/** A family-doctor contract as loaded. */
export interface LoadedContract extends ContractFacts {
  readonly residentId: number;
}

/** A stored membership row: one resident's term masks of one year, at the org it lived in. */
export interface MembershipRow {
  readonly residentId: number;
  readonly year: number;
  readonly countyCode: string;
  readonly orgCode: string;
  /** `|term=mask|…|` (./term-masks.ts). */
  readonly terms: string;
}

/** The raw rows of a batch of residents: what their terms are computed from. */
export interface ResidentRows {
  /** The residents the batch is about (written or listed); a deleted one has no record. */
  readonly ids: readonly number[];
  /** The ID keys stored for them before this write (`indicator_residents`). */
  readonly storedIdKeys: ReadonlyMap<number, string | null>;
  /**
   * The records of `ids` and of every record sharing with one of them an old or new ID key
   * whose holders' duplicate status can have changed ({@link keysChangedInAnything}).
   */
  readonly residents: readonly ResidentRecord[];
  /** The records holding one of those keys, as stored before this write. */
  readonly keyHolders: readonly KeyHolder[];
  readonly enrollments: readonly LoadedEnrollment[];
  readonly services: readonly LoadedService[];
  /** Their family-doctor contracts (empty when no family reads contracts). */
  readonly contracts: readonly LoadedContract[];
}

/** The ID keys a batch looks duplicates up by: the stored (old) and current (new) keys of its residents. */
export function batchIdKeys(
  storedIdKeys: ReadonlyMap<number, string | null>,
  records: readonly ResidentRecord[],
): string[] {
  const keys = new Set<string>();
  for (const k of storedIdKeys.values()) if (k) keys.add(k);
  for (const r of records) {
    const k = idKey(r.idNumber);
    if (k) keys.add(k);
  }
  return [...keys];
}

/** The histories of the batch's residents (and of the records sharing their keys), by id. */
export function residentHistories(rows: ResidentRows, reads: ServiceReads): Map<number, ResidentHistory> {
  const written = new Set(rows.ids);
  // The holders as they are after this write: the batch's residents hold their current key.
  const holdersByKey = new Map<string, KeyHolder[]>();
  const hold = (h: KeyHolder): void => {
    const list = holdersByKey.get(h.idKey);
    if (list) list.push(h);
    else holdersByKey.set(h.idKey, [h]);
  };
  for (const h of rows.keyHolders) if (!written.has(h.id)) hold(h);
  for (const r of rows.residents) {
    const key = written.has(r.id) ? idKey(r.idNumber) : null;
    if (key)
      hold({
        id: r.id,
        idKey: key,
        recordCreated: r.recordCreated,
        deathDate: r.deathDate,
        movedOutDate: r.movedOutDate,
      });
  }
  const enrollmentsOf = new Map<number, EnrollmentFact[]>();
  for (const e of rows.enrollments) {
    const list = enrollmentsOf.get(e.residentId);
    const fact = { program: e.program, startDate: e.startDate, endDate: e.endDate };
    if (list) list.push(fact);
    else enrollmentsOf.set(e.residentId, [fact]);
  }
  const servicesOf = new Map<number, ServiceFact[]>();
  for (const s of rows.services) {
    const list = servicesOf.get(s.residentId);
    const fact = serviceFact(s, reads);
    if (list) list.push(fact);
    else servicesOf.set(s.residentId, [fact]);
  }
  const contractsOf = new Map<number, ContractFacts[]>();
  for (const c of rows.contracts) {
    const list = contractsOf.get(c.residentId);
    if (list) list.push(c);
    else contractsOf.set(c.residentId, [c]);
  }
  const out = new Map<number, ResidentHistory>();
  for (const r of rows.residents) {
    const key = idKey(r.idNumber);
    out.set(r.id, {
      id: r.id,
      birthDate: r.birthDate,
      electronic: r.electronic,
      span: { created: r.recordCreated, gone: goneDate(r.deathDate, r.movedOutDate) },
      enrollments: enrollmentsOf.get(r.id) ?? [],
      services: servicesOf.get(r.id) ?? [],
      earlierDuplicates: key
        ? (holdersByKey.get(key) ?? [])
            .filter((p) => p.id < r.id)
            .map((p) => ({ created: p.recordCreated, gone: goneDate(p.deathDate, p.movedOutDate) }))
        : [],
      contracts: contractsOf.get(r.id) ?? [],
    });
  }
  return out;
}

/**
 * What a write did to residents changed only by services (`ChangedRecords.servicesSince` and
 * `serviceTypes` of src/modules/records/after-write.ts): per resident, the earliest date of
 * the services written, and the types written (old and new). A resident with a date and no
 * types may have had services of any type written.
 */
export interface ServicesWritten {
  readonly since: ReadonlyMap<number, string>;
  readonly types: ReadonlyMap<number, ReadonlySet<string>>;
}

/** No resident changed only by services: every one is recomputed in full. */
export const NO_SERVICES_WRITTEN: ServicesWritten = { since: new Map(), types: new Map() };

/** How a resident changed only by services is recomputed. */
export interface PartialRefresh {
  /** The 旬 ending before this date keep their bits, earlier years their rows. */
  readonly since: string;
  /** The families evaluated again (the others keep their stored masks); null: every family. */
  readonly families: readonly PersonTermFamily[] | null;
  /** The service types written, null when unknown. */
  readonly types: ReadonlySet<string> | null;
}

/**
 * The ID keys whose holders' duplicate status the write can have changed: the stored (old) and
 * current keys of the batch's residents changed in anything, not by services alone. The other
 * records holding one of these keys are recomputed with the batch; a key held only by
 * residents changed by services alone changes no holder's duplicate status (the records'
 * spans are unchanged), so its other holders are left as they are.
 */
export function keysChangedInAnything(
  rows: Pick<ResidentRows, 'ids' | 'storedIdKeys' | 'residents'>,
  written: ServicesWritten,
): Set<string> {
  const current = new Map<number, string | null>();
  for (const r of rows.residents) current.set(r.id, idKey(r.idNumber));
  const keys = new Set<string>();
  for (const id of rows.ids) {
    const now = current.get(id);
    // Changed by services alone, with its key stored as it is: no holder's status can change.
    // (A key row missing or different would mean the stored keys are not current: treated as a change.)
    const stored = rows.storedIdKeys.get(id);
    if (written.since.has(id) && now !== undefined && rows.storedIdKeys.has(id) && stored === now) continue;
    if (stored) keys.add(stored);
    if (now) keys.add(now);
  }
  return keys;
}

/**
 * The residents of a batch that are recomputed in part, and how: those changed only by
 * services, unless a record sharing their ID key changed in anything (its duplicate status
 * can then change at any date, in the records family). Every other resident of the batch
 * (and every record loaded for duplicates) is recomputed in full.
 */
export function partialRefreshes(
  rows: Pick<ResidentRows, 'ids' | 'storedIdKeys' | 'residents'>,
  written: ServicesWritten,
): Map<number, PartialRefresh> {
  const changedKeys = keysChangedInAnything(rows, written);
  const out = new Map<number, PartialRefresh>();
  for (const r of rows.residents) {
    const since = written.since.get(r.id);
    if (since === undefined) continue;
    const ownKey = idKey(r.idNumber);
    if (ownKey !== null && changedKeys.has(ownKey)) continue;
    const types = written.types.get(r.id) ?? null;
    out.set(r.id, { since, types, families: types === null ? null : familiesChangedByServices(types) });
  }
  return out;
}

/**
 * What to load of a batch's services and whether to load its contracts: when every resident
 * of the batch is recomputed in part for known families, only what those families read (and
 * the dates of the written types, to see a year not maintained yet); else `full`.
 */
export function batchServiceReads(
  residentIds: readonly number[],
  partial: ReadonlyMap<number, PartialRefresh>,
  full: ServiceReads,
  fullContracts: boolean,
): { reads: ServiceReads; contracts: boolean } {
  const families = new Set<PersonTermFamily>();
  const types = new Set<string>();
  for (const id of residentIds) {
    const p = partial.get(id);
    if (p === undefined || p.families === null || p.types === null)
      return { reads: full, contracts: fullContracts };
    for (const f of p.families) families.add(f);
    for (const t of p.types) types.add(t);
  }
  const chosen = [...families];
  const reads = serviceReadsOf(chosen);
  return {
    reads: { ...reads, types: [...new Set([...reads.types, ...types])].sort() as ServiceReads['types'] },
    contracts: chosen.some((f) => f.readsContracts === true),
  };
}

/**
 * The first year of the stored rows a batch's plan needs: a resident recomputed in part keeps
 * its rows of the years before its `since` as they are (written or read, they are not
 * touched), so when every record of the batch is one, the rows of earlier years need not be
 * loaded (an import of this year's follow-ups reads one row a resident instead of one per
 * maintained year). Null: every year.
 */
export function firstYearNeeded(
  residentIds: readonly number[],
  partial: ReadonlyMap<number, PartialRefresh>,
): number | null {
  let first: number | null = null;
  for (const id of residentIds) {
    const p = partial.get(id);
    if (p === undefined) return null;
    const year = Number(p.since.slice(0, 4));
    if (first === null || year < first) first = year;
  }
  return first;
}

/** What a batch of writes changes in the maintained facts. */
export interface FactChanges {
  /**
   * The residents whose stored ID key row is replaced: all of the batch but those changed by
   * services alone whose row is stored with their current key (their record, so their key and
   * county, did not change).
   */
  readonly idKeysReplaced: readonly number[];
  /** Their ID keys, in place of the stored ones (a deleted resident has none). */
  readonly idKeys: readonly { residentId: number; countyCode: string; idKey: string | null }[];
  /** Membership rows to delete: per year, the residents whose row of that year went or moved to another org. */
  readonly staleMemberships: ReadonlyMap<number, readonly number[]>;
  /** Membership rows to insert (after the deletions): new rows, and rows moved to another org. */
  readonly freshMemberships: readonly MembershipRow[];
  /**
   * Stored rows whose terms alone changed (same resident, year and org): their terms are
   * rewritten in place, which leaves the indexes on resident, year and org untouched.
   */
  readonly changedMemberships: readonly MembershipRow[];
  /** Years of the batch's services that are not maintained yet. */
  readonly newYears: readonly number[];
}

/**
 * The changes of the facts of a batch: recomputes the term masks of its residents (and of the
 * records sharing their ID keys) for every maintained year, compares them with the stored
 * rows and adds the flipped bits to `tallies`.
 *
 * A resident changed only by services ({@link partialRefreshes}) keeps the bits of the 旬
 * ending before the earliest date written and its rows of earlier years (every rule reads
 * services dated on or before the 旬 end), and the stored masks of the families that read
 * none of the written types (./service-write-families.ts): only the other families are
 * evaluated again.
 */
export function planFactChanges(
  rows: ResidentRows,
  stored: readonly MembershipRow[],
  years: readonly number[],
  written: ServicesWritten,
  parameters: IndicatorParameters,
  reads: ServiceReads,
  tallies: TallyChanges,
): FactChanges {
  const listed = new Set(rows.ids);
  const writtenRecords = rows.residents.filter((r) => listed.has(r.id));
  const partial = partialRefreshes(rows, written);

  const maintained = new Set(years);
  const newYears = new Set<number>();
  for (const s of rows.services) {
    const y = Number(s.date.slice(0, 4));
    if (!maintained.has(y)) newYears.add(y);
  }

  const histories = residentHistories(rows, reads);
  // Keyed by resident and year as one number; each stored row's text parsed once.
  const keyOf = (residentId: number, year: number): number => residentId * 10_000 + year;
  const staleByKey = new Map<number, MembershipRow>();
  for (const m of stored) if (maintained.has(m.year)) staleByKey.set(keyOf(m.residentId, m.year), m);
  const staleMasks = new Map<number, Map<string, number>>();
  const staleMasksOf = (k: number, m: MembershipRow): Map<string, number> => {
    let masks = staleMasks.get(k);
    if (masks === undefined) staleMasks.set(k, (masks = parseTermMasks(m.terms)));
    return masks;
  };
  /** The rows after the write, with their masks (null: kept as stored). */
  const freshByKey = new Map<number, { row: MembershipRow; masks: Map<string, number> | null }>();
  for (const r of rows.residents) {
    const part = partial.get(r.id);
    const sinceYear = part === undefined ? -Infinity : Number(part.since.slice(0, 4));
    for (const year of years) {
      const k = keyOf(r.id, year);
      const kept = staleByKey.get(k);
      if (year < sinceYear) {
        if (kept) freshByKey.set(k, { row: kept, masks: null });
        continue;
      }
      const history = histories.get(r.id)!;
      let masks: Map<string, number>;
      if (part === undefined) masks = residentTermMasks(history, year, parameters);
      else {
        const fromSlot = year === sinceYear ? slotOfDate(part.since) : 0;
        const families = part.families;
        masks =
          families === null
            ? residentTermMasks(history, year, parameters, fromSlot)
            : residentTermMasksOf(history, families, year, parameters, fromSlot);
        if (kept)
          for (const [term, mask] of staleMasksOf(k, kept)) {
            // A family evaluated again keeps the bits before `fromSlot`; another keeps its mask.
            const family = PERSON_TERM_FAMILY.get(term);
            const evaluated = families === null || family === undefined || families.includes(family);
            const keep = evaluated ? mask % 2 ** fromSlot : mask;
            if (keep !== 0) masks.set(term, (masks.get(term) ?? 0) + keep);
          }
      }
      if (masks.size === 0) continue;
      freshByKey.set(k, {
        row: {
          residentId: r.id,
          year,
          countyCode: r.countyCode,
          orgCode: r.orgCode,
          terms: formatTermMasks(masks),
        },
        masks,
      });
    }
  }

  // Only rows that changed are rewritten: a follow-up of 2020 leaves the 2019 row as it was.
  const staleMemberships = new Map<number, number[]>();
  const freshMemberships: MembershipRow[] = [];
  const changedMemberships: MembershipRow[] = [];
  const NONE = new Map<string, number>();
  for (const [k, m] of staleByKey) {
    const fresh = freshByKey.get(k);
    const f = fresh?.row;
    if (f && f.terms === m.terms && f.orgCode === m.orgCode) continue;
    if (f && f.orgCode === m.orgCode && f.countyCode === m.countyCode) changedMemberships.push(f);
    else {
      const list = staleMemberships.get(m.year);
      if (list) list.push(m.residentId);
      else staleMemberships.set(m.year, [m.residentId]);
      if (f) freshMemberships.push(f);
    }
    const before = staleMasksOf(k, m);
    const after = fresh ? (fresh.masks ?? parseTermMasks(fresh.row.terms)) : NONE;
    if (f && f.orgCode === m.orgCode) {
      // Same village: only the 旬 whose membership flipped change the tallies.
      for (const [term, mask] of before)
        tallies.flip(m.year, m.orgCode, m.countyCode, term, mask, after.get(term) ?? 0);
      for (const [term, mask] of after)
        if (!before.has(term)) tallies.flip(m.year, m.orgCode, m.countyCode, term, 0, mask);
    } else {
      for (const [term, mask] of before) tallies.flip(m.year, m.orgCode, m.countyCode, term, mask, 0);
      if (f) for (const [term, mask] of after) tallies.flip(f.year, f.orgCode, f.countyCode, term, 0, mask);
    }
  }
  for (const [k, { row: f, masks }] of freshByKey) {
    if (staleByKey.has(k)) continue;
    freshMemberships.push(f);
    for (const [term, mask] of masks ?? parseTermMasks(f.terms))
      tallies.flip(f.year, f.orgCode, f.countyCode, term, 0, mask);
  }

  const keyKept = new Set(
    writtenRecords
      .filter(
        (r) =>
          written.since.has(r.id) &&
          rows.storedIdKeys.has(r.id) &&
          rows.storedIdKeys.get(r.id) === idKey(r.idNumber),
      )
      .map((r) => r.id),
  );
  return {
    idKeysReplaced: rows.ids.filter((id) => !keyKept.has(id)),
    idKeys: writtenRecords
      .filter((r) => !keyKept.has(r.id))
      .map((r) => ({
        residentId: r.id,
        countyCode: r.countyCode,
        idKey: idKey(r.idNumber),
      })),
    staleMemberships,
    freshMemberships,
    changedMemberships,
    newYears: [...newYears].sort(),
  };
}

/**
 * The term counts per org of the batch's own residents (not the records loaded for their
 * duplicates) at the end of slot `slot` of `year`: a year without maintained facts,
 * evaluated from the raw rows.
 */
export function termCountsAt(
  rows: ResidentRows,
  year: number,
  slot: number,
  parameters: IndicatorParameters,
  reads: ServiceReads,
  counts: Map<string, Map<string, number>>,
): void {
  const histories = residentHistories(rows, reads);
  const listed = new Set(rows.ids);
  for (const r of rows.residents) {
    if (!listed.has(r.id)) continue;
    let byTerm = counts.get(r.orgCode);
    if (!byTerm) counts.set(r.orgCode, (byTerm = new Map()));
    for (const term of residentTermsAt(histories.get(r.id)!, year, slot, parameters))
      byTerm.set(term, (byTerm.get(term) ?? 0) + 1);
  }
}

/** A person-less service of an org (an activity) as loaded, with its payload text. */
export interface LoadedActivity {
  readonly orgCode: string;
  readonly countyCode: string;
  readonly date: string;
  readonly payload: string | null;
}

/** The activities of each org (with its county), as the activity terms read them. */
export function activitiesByOrg(
  rows: readonly LoadedActivity[],
): Map<string, { countyCode: string; activities: ActivityFact[] }> {
  const family = ACTIVITY_TERM_FAMILY;
  const fields = ACTIVITY_SERVICE_READS.payloadFields.get(family.reads.type);
  const out = new Map<string, { countyCode: string; activities: ActivityFact[] }>();
  for (const r of rows) {
    let entry = out.get(r.orgCode);
    if (!entry) out.set(r.orgCode, (entry = { countyCode: r.countyCode, activities: [] }));
    entry.activities.push(family.activityOf(r.date, payloadFields(r.payload, fields)));
  }
  return out;
}
