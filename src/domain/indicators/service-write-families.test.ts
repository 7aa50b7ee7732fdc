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
import { DEFAULT_PARAMETERS as P } from './parameters.js';
import { drawnServiceFact } from './service-facts.fixture.js';
import { familiesChangedByServices, familyReadsServiceTypes } from './service-write-families.js';
import type { ResidentHistory, ServiceFact } from './term-family.js';
import { PERSON_TERM_FAMILIES, residentTermMasksOf } from './terms.js';

/** A service of `type` with every column and payload field some family reads. */
function serviceOf(type: string): fc.Arbitrary<Omit<ServiceFact, 'id'>> {
  return drawnServiceFact(fc.constant(type), fc.oneof(dateInYears, anyDate));
}

const anyService = fc.constantFrom(...SERVICE_TYPES).chain(serviceOf);

/** A resident of any programme (several enrolments, so that most families apply), with contracts. */
const resident = fc.record({
  birthDate,
  electronic: fc.boolean(),
  created: fc.oneof(fc.constant('2018-01-01'), anyDate),
  gone: fc.option(anyDate, { nil: null, freq: 4 }),
  enrollments: fc.array(enrolment, { minLength: 1, maxLength: 6 }),
  services: fc.array(anyService, { maxLength: 16 }),
  contracts,
});

/** Per service type, services of that type only: what a write of that type may leave in place of the old ones. */
const replacements = fc.record(
  Object.fromEntries(SERVICE_TYPES.map((t) => [t, fc.array(serviceOf(t), { maxLength: 4 })])) as Record<
    string,
    fc.Arbitrary<Omit<ServiceFact, 'id'>[]>
  >,
);

function history(
  drawn: typeof resident extends fc.Arbitrary<infer T> ? T : never,
  services: readonly Omit<ServiceFact, 'id'>[],
): ResidentHistory {
  return {
    id: 7,
    birthDate: drawn.birthDate,
    electronic: drawn.electronic,
    span: { created: drawn.created, gone: drawn.gone },
    enrollments: drawn.enrollments,
    services: services.map((s, i) => ({ id: i + 1, ...s })),
    earlierDuplicates: [],
    contracts: drawn.contracts,
  };
}

describe('the families a write of services can change', () => {
  it('are those declaring a written type or reading every service date, for every family × every type', () => {
    for (const family of PERSON_TERM_FAMILIES)
      for (const type of SERVICE_TYPES) {
        const declared = family.readsEveryServiceDate === true || family.reads.some((r) => r.type === type);
        expect([family.id, type, familyReadsServiceTypes(family, [type])]).toEqual([
          family.id,
          type,
          declared,
        ]);
        expect([family.id, type, familiesChangedByServices([type]).includes(family)]).toEqual([
          family.id,
          type,
          declared,
        ]);
      }
  });

  it('of several types are the union, in the order of the families', () => {
    const types = ['hypertension_followup', 'vaccination', 'tb_followup'];
    expect(familiesChangedByServices(types)).toEqual(
      PERSON_TERM_FAMILIES.filter((f) => types.some((t) => familiesChangedByServices([t]).includes(f))),
    );
    expect(familiesChangedByServices([])).toEqual(
      PERSON_TERM_FAMILIES.filter((f) => f.readsEveryServiceDate === true),
    );
  });

  it('are the only ones whose masks a change of services of one type can change (every family × every type)', () => {
    let changedSeen = 0;
    fc.assert(
      fc.property(resident, replacements, fc.constantFrom(2019, 2020, 2021), (drawn, replaced, year) => {
        const before = history(drawn, drawn.services);
        for (const type of SERVICE_TYPES) {
          // Every service of `type` added, removed, moved or changed; the others as they were.
          const after = history(drawn, [
            ...drawn.services.filter((s) => s.type !== type),
            ...replaced[type]!,
          ]);
          const changed = familiesChangedByServices([type]);
          for (const family of PERSON_TERM_FAMILIES) {
            const masks = residentTermMasksOf(before, [family], year, P);
            const masksAfter = residentTermMasksOf(after, [family], year, P);
            if (!changed.includes(family))
              expect([family.id, type, masksAfter]).toEqual([family.id, type, masks]);
            else if (JSON.stringify([...masks]) !== JSON.stringify([...masksAfter])) changedSeen++;
          }
        }
      }),
      { numRuns: 300 },
    );
    // Not vacuous: the families that read a type do change with it.
    expect(changedSeen).toBeGreaterThan(100);
  });
});
