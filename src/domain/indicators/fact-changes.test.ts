import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  anyDate,
  birthDate,
  contracts,
  dateInYears,
  enrolment,
} from '../contracts/contract-history.fixture.js';
import { SERVICE_TYPES } from '../service-types.js';
import {
  batchServiceReads,
  firstYearNeeded,
  keysChangedInAnything,
  NO_SERVICES_WRITTEN,
  partialRefreshes,
  planFactChanges,
  type MembershipRow,
  type ResidentRecord,
  type ResidentRows,
  type ServicesWritten,
} from './fact-changes.js';
import { DEFAULT_PARAMETERS as P } from './parameters.js';
import { drawnServiceFact } from './service-facts.fixture.js';
import type { LoadedService, ServiceReads } from './service-reads.js';
import { TallyChanges, type TallyNode } from './tally-changes.js';
import type { ServiceColumn } from './term-family.js';
import { idKey, PERSON_READS_CONTRACTS, PERSON_SERVICE_READS } from './terms.js';

/** The maintained years: every service is dated in one of them (dateInYears). */
const YEARS = [2019, 2020, 2021];
const COLUMNS: readonly ServiceColumn[] = ['sbp', 'dbp', 'fastingGlucose', 'controlled', 'guidance'];
const RESIDENTS = 4;

/** A service of any type, its payload as stored (text), some in every programme's payload shape. */
const drawnService = drawnServiceFact(
  fc.oneof(
    fc.constantFrom('hypertension_followup', 'diabetes_followup', 'elderly_checkup', 'vaccination'),
    fc.constantFrom(...SERVICE_TYPES),
  ),
  dateInYears,
).map((s) => ({ ...s, payload: JSON.stringify(s.payload) }));

const drawnResident = fc.record({
  // Shared ID numbers: duplicates, whose status a services-only write cannot change.
  idNumber: fc.constantFrom(null, '620881195501010011', '620881196001010022'),
  birthDate,
  electronic: fc.boolean(),
  created: fc.oneof(fc.constant('2018-01-01'), anyDate),
  gone: fc.option(anyDate, { nil: null, freq: 4 }),
  enrollments: fc.array(enrolment, { minLength: 1, maxLength: 5 }),
  services: fc.array(drawnService, { maxLength: 12 }),
  contracts,
});

/** A write of services: per resident, services removed, changed (date, values, even type) or added. */
const drawnWrite = fc.array(
  fc.record({
    resident: fc.integer({ min: 1, max: RESIDENTS }),
    pick: fc.nat(),
    change: fc.oneof(
      fc.record({ kind: fc.constant('add' as const), service: drawnService }),
      fc.record({ kind: fc.constant('remove' as const) }),
      fc.record({ kind: fc.constant('replace' as const), service: drawnService }),
    ),
  }),
  { minLength: 1, maxLength: 6 },
);

type Drawn = typeof drawnResident extends fc.Arbitrary<infer T> ? T : never;

function rowsOf(
  drawn: readonly Drawn[],
  services: readonly LoadedService[],
  ids: readonly number[],
  others: 'all' | 'key-sharers' | ServicesWritten,
): ResidentRows {
  const residents: ResidentRecord[] = drawn.map((d, i) => ({
    id: i + 1,
    countyCode: '620881',
    orgCode: i % 2 ? '620881100201' : '620881100202',
    idNumber: d.idNumber,
    birthDate: d.birthDate,
    electronic: d.electronic,
    recordCreated: d.created,
    deathDate: d.gone,
    movedOutDate: null,
  }));
  const storedIdKeys = new Map(ids.map((id) => [id, idKey(residents[id - 1]!.idNumber)]));
  const listed = residents.filter((r) => ids.includes(r.id));
  // Besides the listed residents, the loader reads the other holders of their ID keys (every
  // such key, as it did, or the keys whose duplicate status the write can change, as it does).
  const keys: Set<string | null> =
    others === 'all'
      ? new Set()
      : others === 'key-sharers'
        ? new Set(listed.map((r) => idKey(r.idNumber)))
        : keysChangedInAnything({ ids, storedIdKeys, residents: listed }, others);
  keys.delete(null);
  const loaded = residents.filter(
    (r) => others === 'all' || ids.includes(r.id) || keys.has(idKey(r.idNumber)),
  );
  const keyHolders = residents.flatMap((r) => {
    const key = idKey(r.idNumber);
    return key === null
      ? []
      : [
          {
            id: r.id,
            idKey: key,
            recordCreated: r.recordCreated,
            deathDate: r.deathDate,
            movedOutDate: null,
          },
        ];
  });
  const isLoaded = (id: number): boolean => loaded.some((r) => r.id === id);
  return {
    ids,
    storedIdKeys,
    residents: loaded,
    keyHolders,
    enrollments: drawn.flatMap((d, i) =>
      isLoaded(i + 1) ? d.enrollments.map((e) => ({ residentId: i + 1, ...e })) : [],
    ),
    services: services.filter((s) => isLoaded(s.residentId)),
    contracts: drawn.flatMap((d, i) =>
      isLoaded(i + 1) ? d.contracts.map((c) => ({ residentId: i + 1, ...c })) : [],
    ),
  };
}

/** The rows as the loader reads them with `reads`: the types, columns and payloads declared. */
function loadedAs(rows: ResidentRows, reads: ServiceReads, withContracts: boolean): ResidentRows {
  return {
    ...rows,
    services: rows.services
      .filter((s) => reads.everyType || (reads.types as readonly string[]).includes(s.type))
      .map((s) => {
        const out = { ...s, payload: reads.payloadFields.has(s.type) ? s.payload : null };
        for (const c of COLUMNS) if (!reads.columns.includes(c)) out[c] = null;
        return out;
      }),
    contracts: withContracts ? rows.contracts : [],
  };
}

/** The stored rows after applying a plan's changes. */
function applied(
  stored: readonly MembershipRow[],
  changes: ReturnType<typeof planFactChanges>,
): Map<string, MembershipRow> {
  const out = new Map(stored.map((m) => [`${m.residentId}|${m.year}`, m]));
  for (const [year, ids] of changes.staleMemberships) for (const id of ids) out.delete(`${id}|${year}`);
  for (const m of changes.freshMemberships) {
    expect(out.has(`${m.residentId}|${m.year}`)).toBe(false);
    out.set(`${m.residentId}|${m.year}`, m);
  }
  for (const m of changes.changedMemberships) {
    const was = out.get(`${m.residentId}|${m.year}`);
    expect(was && { ...was, terms: m.terms }).toEqual(m);
    out.set(`${m.residentId}|${m.year}`, m);
  }
  return out;
}

function sortedNodes(nodes: readonly TallyNode[]): TallyNode[] {
  const key = (n: TallyNode): string => `${n.year}|${n.orgCode}|${n.term}|${n.node}`;
  return [...nodes].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

describe('a write of services only', () => {
  it('gives the memberships and tallies of a full recomputation, loading only what the changed families read', () => {
    let partialBatches = 0;
    let kept = 0;
    fc.assert(
      fc.property(
        fc.array(drawnResident, { minLength: RESIDENTS, maxLength: RESIDENTS }),
        drawnWrite,
        (drawn, writes) => {
          let nextId = 1;
          const before: LoadedService[] = drawn.flatMap((d, i) =>
            d.services.map((s) => ({ id: nextId++, residentId: i + 1, ...s })),
          );
          // The stored facts: every resident computed from scratch.
          const all = drawn.map((_, i) => i + 1);
          const stored = planFactChanges(
            rowsOf(drawn, before, all, 'all'),
            [],
            YEARS,
            NO_SERVICES_WRITTEN,
            P,
            PERSON_SERVICE_READS,
            new TallyChanges(),
          ).freshMemberships;

          // The write, and what it says: per resident, the earliest old or new date and the old and new types.
          const after = [...before];
          const since = new Map<number, string>();
          const types = new Map<number, Set<string>>();
          const touch = (residentId: number, s: { date: string; type: string }): void => {
            const earlier = since.get(residentId);
            if (earlier === undefined || s.date < earlier) since.set(residentId, s.date);
            const set = types.get(residentId) ?? new Set<string>();
            types.set(residentId, set.add(s.type));
          };
          for (const w of writes) {
            const own = after.filter((s) => s.residentId === w.resident);
            const old = own.length === 0 ? undefined : own[w.pick % own.length]!;
            if (w.change.kind === 'add' || old === undefined) {
              if (w.change.kind === 'remove') continue;
              const s = { id: nextId++, residentId: w.resident, ...w.change.service };
              after.push(s);
              touch(w.resident, s);
            } else {
              after.splice(after.indexOf(old), 1);
              touch(w.resident, old);
              if (w.change.kind === 'replace') {
                const s = { id: old.id, residentId: w.resident, ...w.change.service };
                after.push(s);
                touch(w.resident, s);
              }
            }
          }
          const ids = [...since.keys()].sort((a, b) => a - b);
          if (ids.length === 0) return;
          const written: ServicesWritten = { since, types };
          // The truth: every resident computed from scratch after the write.
          const truth = applied(
            [],
            planFactChanges(
              rowsOf(drawn, after, all, 'all'),
              [],
              YEARS,
              NO_SERVICES_WRITTEN,
              P,
              PERSON_SERVICE_READS,
              new TallyChanges(),
            ),
          );
          // The maintainer loads the stored rows of the residents it loaded (of the years it needs).
          const storedOf = (rows: ResidentRows, fromYear: number | null): MembershipRow[] => {
            const loaded = new Set(rows.residents.map((r) => r.id));
            return stored.filter(
              (m) => loaded.has(m.residentId) && (fromYear === null || m.year >= fromYear),
            );
          };

          // Recomputed in full, the write ignored, as every write was before.
          const rows = rowsOf(drawn, after, ids, 'key-sharers');
          const fullTallies = new TallyChanges();
          const full = planFactChanges(
            rows,
            storedOf(rows, null),
            YEARS,
            NO_SERVICES_WRITTEN,
            P,
            PERSON_SERVICE_READS,
            fullTallies,
          );
          expect(applied(stored, full)).toEqual(truth);

          // As the maintainer now loads and computes a write of services only.
          const partRows = rowsOf(drawn, after, ids, written);
          const partial = partialRefreshes(partRows, written);
          const affected = partRows.residents.map((r) => r.id);
          const load = batchServiceReads(affected, partial, PERSON_SERVICE_READS, PERSON_READS_CONTRACTS);
          if (load.reads !== PERSON_SERVICE_READS) partialBatches++;
          const partTallies = new TallyChanges();
          const part = planFactChanges(
            loadedAs(partRows, load.reads, load.contracts),
            storedOf(partRows, firstYearNeeded(affected, partial)),
            YEARS,
            written,
            P,
            load.reads,
            partTallies,
          );
          expect(applied(stored, part)).toEqual(truth);
          expect(sortedNodes(partTallies.drain())).toEqual(sortedNodes(fullTallies.drain()));
          expect(part.newYears).toEqual(full.newYears);
          // The ID keys are rewritten only where they were not stored as they are (none here).
          const replaced = new Set(part.idKeysReplaced);
          expect(part.idKeys).toEqual(full.idKeys.filter((k) => replaced.has(k.residentId)));
          expect(part.idKeysReplaced).toEqual([]);
          kept += stored.length - [...part.staleMemberships.values()].flat().length;
        },
      ),
      { numRuns: 400 },
    );
    // Not vacuous: most batches loaded less than everything, and most rows were kept as stored.
    expect(partialBatches).toBeGreaterThan(50);
    expect(kept).toBeGreaterThan(0);
  });

  it('recomputes in full a resident sharing an ID key with a record that changed in anything', () => {
    const rows = {
      ids: [1, 2],
      storedIdKeys: new Map([
        [1, 'K'],
        [2, 'K'],
      ]),
      residents: [1, 2, 3].map((id) => ({
        id,
        countyCode: '620881',
        orgCode: '620881100201',
        idNumber: id === 3 ? null : 'k',
        birthDate: null,
        electronic: true,
        recordCreated: '2018-01-01',
        deathDate: null,
        movedOutDate: null,
      })),
    };
    const written: ServicesWritten = {
      since: new Map([
        [1, '2020-06-01'],
        [3, '2020-06-01'],
      ]),
      types: new Map([[1, new Set(['hypertension_followup'])]]),
    };
    // 2 changed in anything (not in `since`) and holds key K: 1 is recomputed in full; 3 keeps its partial refresh, for every family (types unknown).
    const partial = partialRefreshes(rows, written);
    expect([...partial.keys()]).toEqual([3]);
    expect(partial.get(3)).toEqual({ since: '2020-06-01', types: null, families: null });
    // A key row not stored as the record holds it (not kept current) counts as a change of the key.
    const unstored = { ...rows, ids: [1], storedIdKeys: new Map<number, string | null>() };
    expect([...keysChangedInAnything(unstored, written)]).toEqual(['K']);
    expect(partialRefreshes(unstored, written).has(1)).toBe(false);
    expect(batchServiceReads([3], partial, PERSON_SERVICE_READS, true)).toEqual({
      reads: PERSON_SERVICE_READS,
      contracts: true,
    });
  });
});
