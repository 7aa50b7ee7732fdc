import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contractHistory } from './contract-history.fixture.js';
import { ageOn, birthdayOf, dayAfter, dayBefore, ELDERLY_AGE } from './contract-rules.js';
import { contractChangeDates, contractTermsAt, type ContractHistory } from './contract-terms.js';
import { packageFulfilled, packageFulfilledOn, SERVICE_PACKAGES } from './service-packages.js';

const terms = (h: ContractHistory, yearStart: string, end: string): string[] =>
  [...contractTermsAt(h, yearStart, end)].sort();

describe('contractChangeDates', () => {
  it('names every day the terms change on: between two of them the terms stay the same', () => {
    fc.assert(
      fc.property(contractHistory, fc.constantFrom(2019, 2020, 2021), (h, year) => {
        const yearStart = `${year}-01-01`;
        const changes = new Set(contractChangeDates(h, yearStart));
        let before = terms(h, yearStart, yearStart);
        for (let day = dayAfter(yearStart); day.startsWith(String(year)); day = dayAfter(day)) {
          const now = terms(h, yearStart, day);
          if (!changes.has(day)) expect([day, now]).toEqual([day, before]);
          before = now;
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('lists the contract, record, enrolment, birthday and delivery days', () => {
    const h: ContractHistory = {
      birthDate: '1955-05-05',
      recordCreated: '2018-03-01',
      deathDate: null,
      movedOutDate: '2020-11-11',
      enrolments: [
        { program: 'hypertension', startDate: '2019-04-01', endDate: '2020-08-01' },
        { program: 'elderly', startDate: '2020-02-02', endDate: null },
      ],
      contracts: [
        {
          id: 1,
          signedDate: '2019-07-01',
          endDate: '2020-06-30',
          terminatedDate: null,
          packageCode: 'elderly',
          keyPopulations: ['hypertension'],
          previousContractId: null,
        },
      ],
      services: [
        { type: 'elderly_checkup', date: '2019-09-09' },
        { type: 'elderly_checkup', date: '2020-04-04' },
      ],
    };
    expect(contractChangeDates(h, '2020-01-01').sort()).toEqual([
      '1955-05-05', // born (the child group starts at age 0)
      '1962-05-05', // 7
      '2018-03-01', // record created
      '2019-04-01', // enrolled in a key group ('elderly' is by age, not by enrolment)
      '2019-07-01', // signed
      '2020-04-04', // package delivered this year
      '2020-05-05', // 65
      '2020-06-30', // term ends: due
      '2020-07-01', // no longer holds
      '2020-08-01', // enrolment ended
      '2020-11-11', // moved out
    ]);
    // In 2019, the delivery counts from the signing.
    expect(contractChangeDates(h, '2019-01-01')).toContain('2019-09-09');
  });
});

describe('birthdayOf', () => {
  it('is the first day ageOn reaches the years, 1 March for a 29 February birth in a common year', () => {
    expect(birthdayOf('1955-05-05', ELDERLY_AGE)).toBe('2020-05-05');
    expect(birthdayOf('2016-02-29', 7)).toBe('2023-03-01');
    expect(birthdayOf('2016-02-29', 4)).toBe('2020-02-29');
    expect(birthdayOf('2019-12-31', 0)).toBe('2019-12-31');
    for (const [birth, years] of [
      ['2016-02-29', 7],
      ['1955-02-28', 65],
      ['2013-12-31', 7],
    ] as const) {
      const day = birthdayOf(birth, years);
      expect(ageOn(birth, day)).toBe(years);
      expect(ageOn(birth, dayBefore(day))).toBe(years - 1);
    }
  });
});

describe('packageFulfilledOn', () => {
  it('is the first day packageFulfilled holds from a start', () => {
    const services = [
      { type: 'elderly_checkup', date: '2020-03-01' },
      { type: 'hypertension_followup', date: '2020-05-20' },
      { type: 'child_visit', date: '2020-02-10' },
    ];
    const [basic, elderly, chronic] = SERVICE_PACKAGES;
    expect(packageFulfilledOn(basic!, services, '2020-01-01')).toBe('2020-02-10');
    expect(packageFulfilledOn(elderly!, services, '2020-03-02')).toBeNull();
    expect(packageFulfilledOn(chronic!, services, '2020-01-01')).toBe('2020-05-20');
    for (const pkg of SERVICE_PACKAGES)
      for (const from of ['2020-01-01', '2020-03-01', '2020-04-01'])
        for (let to = '2020-01-01'; to < '2020-07-01'; to = dayAfter(to)) {
          const on = packageFulfilledOn(pkg, services, from);
          expect(packageFulfilled(pkg, services, from, to)).toBe(on !== null && on <= to);
        }
  });
});
