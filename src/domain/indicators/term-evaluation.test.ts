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
import { CONTRACTS_TERMS } from './term-families/contracts.js';
import {
  slotsOfDates,
  type PersonTermFamily,
  type ResidentHistory,
  type ServiceFact,
} from './term-family.js';
import { familyTermMasks, residentTermMasks } from './terms.js';

/** Services of every type, with the columns and payload fields the families read. */
const service = drawnServiceFact(
  fc.oneof(
    fc.constantFrom('elderly_checkup', 'hypertension_followup', 'diabetes_followup', 'child_visit'),
    fc.constantFrom(...SERVICE_TYPES),
  ),
  fc.oneof(dateInYears, anyDate),
);

/** A resident of any programme, with contracts, present for part of the years or all of them. */
const resident: fc.Arbitrary<ResidentHistory> = fc
  .record({
    birthDate,
    electronic: fc.boolean(),
    created: fc.oneof(fc.constant('2018-01-01'), anyDate),
    gone: fc.option(anyDate, { nil: null, freq: 3 }),
    enrollments: fc.array(enrolment, { maxLength: 4 }),
    services: fc.array(service, { maxLength: 16 }),
    contracts,
  })
  .map((r) => ({
    id: 7,
    birthDate: r.birthDate,
    electronic: r.electronic,
    span: { created: r.created, gone: r.gone },
    enrollments: r.enrollments,
    services: r.services.map((s, i): ServiceFact => ({ id: i + 1, ...s })),
    earlierDuplicates: [],
    contracts: r.contracts,
  }));

/** The family, counting its evaluations. */
function counted(family: PersonTermFamily): { family: PersonTermFamily; calls: () => number } {
  let calls = 0;
  return {
    family: {
      ...family,
      membersAt(view, out) {
        calls++;
        family.membersAt(view, out);
      },
    },
    calls: () => calls,
  };
}

describe('term evaluation at the change slots', () => {
  it('gives the masks of the evaluation at every slot, in far fewer evaluations of the contracts family', () => {
    const contractsFamily = counted(CONTRACTS_TERMS);
    let atChanges = 0;
    let atEverySlot = 0;
    fc.assert(
      fc.property(
        resident,
        fc.constantFrom(2019, 2020, 2021),
        fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 35 })),
        (h, year, fromSlot) => {
          expect(residentTermMasks(h, year, P, fromSlot, 'change-slots')).toEqual(
            residentTermMasks(h, year, P, fromSlot, 'every-slot'),
          );
          const before = contractsFamily.calls();
          const fast = familyTermMasks(h, [contractsFamily.family], year, P, fromSlot, 'change-slots');
          const middle = contractsFamily.calls();
          const full = familyTermMasks(h, [contractsFamily.family], year, P, fromSlot, 'every-slot');
          expect(fast).toEqual(full);
          atChanges += middle - before;
          atEverySlot += contractsFamily.calls() - middle;
        },
      ),
      { numRuns: 1000 },
    );
    // The hook is what the engine uses: the family is evaluated at a fraction of the slots.
    expect(atChanges).toBeLessThan(atEverySlot / 2);
  });

  it('evaluates a family that never changes once, at the first slot, and carries its terms', () => {
    const never = counted({
      id: 'constant',
      terms: ['constant.member'],
      reads: [],
      changeSlots: () => 0,
      membersAt: (view, out) => void out.push('constant.member'),
    });
    const h: ResidentHistory = {
      id: 1,
      birthDate: null,
      electronic: true,
      span: { created: '2018-01-01', gone: '2020-06-15' },
      enrollments: [],
      services: [],
      earlierDuplicates: [],
      contracts: [],
    };
    expect(familyTermMasks(h, [never.family], 2020, P, 4)).toEqual(
      new Map([['constant.member', 2 ** 16 - 2 ** 4]]), // slots 4..15: gone in slot 16
    );
    expect(never.calls()).toBe(1);
    expect(familyTermMasks(h, [never.family], 2020, P, 4, 'every-slot')).toEqual(
      new Map([['constant.member', 2 ** 16 - 2 ** 4]]),
    );
    expect(never.calls()).toBe(13);
  });

  it('slotsOfDates sets the bit of each slot of the year holding a day', () => {
    expect(slotsOfDates(['2020-01-05', '2020-03-11', '2020-03-20', '2021-01-01', '2019-12-31'], 2020)).toBe(
      2 ** 0 + 2 ** 7,
    );
    expect(slotsOfDates(['2020-12-31', '2020-02-29'], 2020)).toBe(2 ** 35 + 2 ** 5);
    expect(slotsOfDates([], 2020)).toBe(0);
  });
});
