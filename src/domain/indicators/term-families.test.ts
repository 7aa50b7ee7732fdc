import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SERVICE_TYPES } from '../service-types.js';
import { PROGRAMS } from '../programs.js';
import { DEFAULT_PARAMETERS as P } from './parameters.js';
import { serviceReadsOf } from './service-reads.js';
import {
  groupByType,
  slotDates,
  SlotView,
  type PersonTermFamily,
  type ResidentHistory,
  type ServiceColumn,
  type ServiceFact,
} from './term-family.js';
import {
  ACTIVITY_SERVICE_READS,
  ACTIVITY_TERMS,
  PERSON_SERVICE_READS,
  PERSON_TERM_FAMILIES,
  PERSON_TERMS,
} from './terms.js';

const DATES = [
  '2019-02-10',
  '2019-07-01',
  '2019-12-31',
  '2020-01-01',
  '2020-03-15',
  '2020-05-20',
  '2020-06-30',
];
const COLUMNS: readonly ServiceColumn[] = ['sbp', 'dbp', 'fastingGlucose', 'controlled', 'guidance'];

/** Every payload field any type may carry, with values of several kinds. */
const payload = fc.record({
  gestationalWeeks: fc.oneof(fc.integer({ min: 5, max: 40 }), fc.constant('12')),
  vaccine: fc.constantFrom('BCG', '乙肝', 'MMR', 'unknown'),
  dose: fc.oneof(fc.integer({ min: 1, max: 4 }), fc.constant('2')),
  medicationRegular: fc.boolean(),
  activityKind: fc.constantFrom('lecture', 'board'),
  participants: fc.integer({ min: 0, max: 50 }),
});

const service = fc.record({
  type: fc.constantFrom(...SERVICE_TYPES),
  date: fc.constantFrom(...DATES),
  sbp: fc.option(fc.integer({ min: 100, max: 180 })),
  dbp: fc.option(fc.integer({ min: 60, max: 110 })),
  fastingGlucose: fc.option(fc.double({ min: 4, max: 12, noNaN: true })),
  controlled: fc.option(fc.constantFrom(0, 1)),
  guidance: fc.option(fc.constantFrom(0, 1)),
  payload,
});

const history = fc.record({
  birthDate: fc.constantFrom('1950-01-01', '2013-06-30', '2016-02-29', '2019-11-01', '2020-02-10'),
  // Mostly long-running enrolments, so that most draws exercise the programmes' rules.
  enrollments: fc.array(
    fc.record({
      program: fc.constantFrom(...PROGRAMS),
      startDate: fc.constantFrom('2018-01-01', '2018-01-01', '2018-01-01', ...DATES),
      endDate: fc.option(fc.constantFrom(...DATES), { freq: 4 }),
    }),
    { minLength: 1, maxLength: 8 },
  ),
  services: fc.array(service, { minLength: 2, maxLength: 30 }),
  // Contracts, so that the contracts family decides from services it may or may not declare.
  contracts: fc.array(
    fc.record({
      signedDate: fc.constantFrom(...DATES),
      endDate: fc.constantFrom('2019-12-31', '2020-03-31', '2020-12-31', '2021-06-30'),
      terminatedDate: fc.option(fc.constantFrom('2020-02-01', '2020-06-01'), { freq: 3 }),
      packageCode: fc.constantFrom('basic', 'elderly', 'chronic', 'maternal_child'),
      keyPopulations: fc.subarray(['elderly', 'hypertension', 'diabetes', 'child', 'disabled'] as const),
      previous: fc.boolean(),
    }),
    { maxLength: 3 },
  ),
});

function membersAt(family: PersonTermFamily, h: ResidentHistory, year: number, slot: number): string[] {
  const out: string[] = [];
  family.membersAt(new SlotView(h, groupByType(h.services), slotDates(year, slot, P), P), out);
  return out.sort();
}

/** The services as a family that reads only what it declares sees them. */
function declaredOnly(family: PersonTermFamily, services: readonly ServiceFact[]): ServiceFact[] {
  const reads = serviceReadsOf([family]);
  return services
    .filter((s) => reads.everyType || (reads.types as readonly string[]).includes(s.type))
    .map((s) => {
      const fields = reads.payloadFields.get(s.type);
      const kept = {
        ...s,
        payload: Object.fromEntries(Object.entries(s.payload).filter(([k]) => fields?.has(k))),
      };
      for (const c of COLUMNS) if (!reads.columns.includes(c)) kept[c] = null;
      return kept;
    });
}

describe('term families', () => {
  it('give every term one family, and the catalogue terms are theirs', () => {
    expect(new Set(PERSON_TERMS).size).toBe(PERSON_TERMS.length);
    for (const t of ACTIVITY_TERMS) expect(PERSON_TERMS).not.toContain(t);
  });

  it('read nothing they do not declare: the same terms from the declared services, columns and fields', () => {
    fc.assert(
      fc.property(
        history,
        fc.integer({ min: 0, max: 35 }),
        fc.constantFrom(2019, 2020),
        (drawn, slot, year) => {
          let id = 1;
          const services: ServiceFact[] = drawn.services.map((s) => ({ id: id++, ...s }));
          const h: ResidentHistory = {
            id: 7,
            birthDate: drawn.birthDate,
            electronic: true,
            span: { created: '2018-06-01', gone: null },
            enrollments: drawn.enrollments,
            services,
            earlierDuplicates: [],
            contracts: drawn.contracts.map(({ previous, ...c }, i) => ({
              ...c,
              id: i + 1,
              previousContractId: previous && i > 0 ? i : null,
            })),
          };
          for (const family of PERSON_TERM_FAMILIES) {
            const all = membersAt(family, h, year, slot);
            for (const term of all) expect(family.terms).toContain(term);
            const declared = { ...h, services: declaredOnly(family, services) };
            expect(membersAt(family, declared, year, slot)).toEqual(all);
            // The change slots read no more than the terms do.
            if (family.changeSlots)
              expect(family.changeSlots(declared, year, P)).toBe(family.changeSlots(h, year, P));
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it('derive what the engine loads from the declarations', () => {
    expect(PERSON_SERVICE_READS.everyType).toBe(true); // records in use read every service's date
    expect(PERSON_SERVICE_READS.columns).toEqual(['controlled', 'dbp', 'fastingGlucose', 'guidance', 'sbp']);
    expect(
      Object.fromEntries([...PERSON_SERVICE_READS.payloadFields].map(([t, f]) => [t, Object.fromEntries(f)])),
    ).toEqual({
      prenatal_registration: { gestationalWeeks: 'number' },
      tb_followup: { medicationRegular: 'boolean' },
      vaccination: { vaccine: 'string', dose: 'number' },
    });
    expect(ACTIVITY_SERVICE_READS.types).toEqual(['health_education']);
    expect(Object.fromEntries(ACTIVITY_SERVICE_READS.payloadFields.get('health_education')!)).toEqual({
      activityKind: 'string',
      participants: 'number',
    });
  });

  it('refuse two kinds for one payload field', () => {
    expect(() =>
      serviceReadsOf([
        { reads: [{ type: 'vaccination', payload: { vaccine: 'string' } }] },
        { reads: [{ type: 'vaccination', payload: { vaccine: 'number' } }] },
      ]),
    ).toThrow(/vaccination\.vaccine/);
  });
});
