/**
 * Random contract histories for the property tests of the contract terms and of their
 * evaluation at the change slots: dates anywhere from 2018 to 2022 (so that signings, ends,
 * terminations, enrolments and services fall before, in and after the years 2019–2021 the
 * tests evaluate), birth dates whose 7th or 65th birthday falls in those years (29 February
 * among them), contracts linked to earlier ones, packages met or not.
 */
import fc from 'fast-check';
import { PROGRAMS } from '../programs.js';
import { SERVICE_TYPES } from '../service-types.js';
import { KEY_POPULATIONS, termEndDate } from './contract-rules.js';
import type { ContractFacts, ContractHistory } from './contract-terms.js';
import { SERVICE_PACKAGE_CODES } from './service-packages.js';

const FIRST_DAY = Date.UTC(2018, 0, 1);
const DAY_MS = 86_400_000;

/** The ISO date `offset` days after 1 January 2018. */
function isoDay(offset: number): string {
  return new Date(FIRST_DAY + offset * DAY_MS).toISOString().slice(0, 10);
}

/** A date from 2018-01-01 to 2022-12-31. */
export const anyDate: fc.Arbitrary<string> = fc.integer({ min: 0, max: 5 * 365 }).map(isoDay);

/** A date in 2019–2021, where the tests evaluate. */
export const dateInYears: fc.Arbitrary<string> = fc.integer({ min: 365, max: 4 * 365 }).map(isoDay);

/** Births whose 0th, 7th or 65th birthday falls in 2019–2021, with 29 February, or unknown. */
export const birthDate: fc.Arbitrary<string | null> = fc.oneof(
  fc.constantFrom(null, '1952-02-29', '1956-02-29', '2012-02-29', '2016-02-29', '1955-12-31', '2013-01-01'),
  fc
    .tuple(
      fc.constantFrom(1954, 1955, 1956, 2012, 2013, 2014, 2019, 2020, 2021),
      fc.integer({ min: 0, max: 364 }),
    )
    .map(([y, d]) => new Date(Date.UTC(y, 0, 1) + d * DAY_MS).toISOString().slice(0, 10)),
);

/** A service as fulfilment reads it: a type (package ones mostly) and a date. */
export const datedService: fc.Arbitrary<{ type: string; date: string }> = fc.record({
  type: fc.oneof(
    fc.constantFrom('elderly_checkup', 'hypertension_followup', 'diabetes_followup', 'child_visit'),
    fc.constantFrom(...SERVICE_TYPES),
  ),
  date: fc.oneof(dateInYears, anyDate),
});

/** A contract without its id and link: a term of one or two years, or any end; terminated or not. */
const drawnContract = fc.record({
  signedDate: fc.oneof(dateInYears, anyDate),
  term: fc.oneof(fc.constantFrom(1, 2), fc.integer({ min: 0, max: 800 })),
  terminatedAfter: fc.option(fc.integer({ min: -30, max: 800 }), { nil: null, freq: 3 }),
  packageCode: fc.constantFrom(...SERVICE_PACKAGE_CODES, 'unknown'),
  keyPopulations: fc.subarray([...KEY_POPULATIONS]),
  previous: fc.option(fc.nat(), { nil: null }),
});

function dayOffset(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Up to four contracts, some renewing an earlier one. */
export const contracts: fc.Arbitrary<ContractFacts[]> = fc
  .array(drawnContract, { maxLength: 4 })
  .map((drawn) =>
    drawn.map((c, i) => {
      const endDate =
        c.term === 1 || c.term === 2 ? termEndDate(c.signedDate, c.term) : dayOffset(c.signedDate, c.term);
      return {
        id: i + 1,
        signedDate: c.signedDate,
        endDate,
        terminatedDate: c.terminatedAfter === null ? null : dayOffset(c.signedDate, c.terminatedAfter),
        packageCode: c.packageCode,
        keyPopulations: c.keyPopulations,
        previousContractId: c.previous === null || i === 0 ? null : (c.previous % i) + 1,
      };
    }),
  );

/** An enrolment in any programme, ended or not (the end after the start). */
export const enrolment: fc.Arbitrary<{ program: string; startDate: string; endDate: string | null }> = fc
  .record({
    program: fc.constantFrom(...PROGRAMS),
    startDate: fc.oneof(dateInYears, anyDate),
    length: fc.option(fc.integer({ min: 1, max: 900 }), { nil: null }),
  })
  .map((e) => ({
    program: e.program,
    startDate: e.startDate,
    endDate: e.length === null ? null : dayOffset(e.startDate, e.length),
  }));

/** One resident's contract history: created, maybe dead or moved out, enrolled, served, contracted. */
export const contractHistory: fc.Arbitrary<ContractHistory> = fc.record({
  birthDate,
  recordCreated: fc.oneof(fc.constant('2018-01-01'), anyDate),
  deathDate: fc.option(anyDate, { nil: null, freq: 4 }),
  movedOutDate: fc.option(anyDate, { nil: null, freq: 4 }),
  enrolments: fc.array(enrolment, { maxLength: 4 }),
  contracts,
  services: fc.array(datedService, { maxLength: 12 }),
});
