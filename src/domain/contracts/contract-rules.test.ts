import { describe, expect, it } from 'vitest';
import {
  ageOn,
  contractProblems,
  contractStatusOn,
  CONTRACT_STATUSES,
  isActiveOn,
  keyPopulationsAtSigning,
  previousContract,
  termEndDate,
} from './contract-rules.js';
import { packageFulfilled, servicePackageFor, SERVICE_PACKAGE_CODES } from './service-packages.js';
import { contractTermsAt, type ContractHistory } from './contract-terms.js';

describe('termEndDate', () => {
  it('ends the day before the anniversary', () => {
    expect(termEndDate('2020-07-01')).toBe('2021-06-30');
    expect(termEndDate('2020-01-01')).toBe('2020-12-31');
    expect(termEndDate('2020-12-31')).toBe('2021-12-30');
    expect(termEndDate('2020-03-01')).toBe('2021-02-28');
    expect(termEndDate('2019-03-01')).toBe('2020-02-29');
    expect(termEndDate('2020-07-01', 3)).toBe('2023-06-30');
  });
  it('a 29 February signing ends on 28 February', () => {
    expect(termEndDate('2020-02-29')).toBe('2021-02-28');
    expect(termEndDate('2020-02-29', 4)).toBe('2024-02-28');
  });
});

describe('isActiveOn', () => {
  const c = { signedDate: '2020-07-01', endDate: '2021-06-30', terminatedDate: null };
  it('holds from the signing day to the end day inclusive', () => {
    expect(isActiveOn(c, '2020-06-30')).toBe(false);
    expect(isActiveOn(c, '2020-07-01')).toBe(true);
    expect(isActiveOn(c, '2021-06-30')).toBe(true);
    expect(isActiveOn(c, '2021-07-01')).toBe(false);
  });
  it('no longer holds from the termination day', () => {
    const t = { ...c, terminatedDate: '2020-10-10' };
    expect(isActiveOn(t, '2020-10-09')).toBe(true);
    expect(isActiveOn(t, '2020-10-10')).toBe(false);
  });
});

describe('contractStatusOn', () => {
  const c = { signedDate: '2020-07-01', endDate: '2021-06-30', terminatedDate: null };
  it('pending before the signing, active through the end day, expired after', () => {
    expect(contractStatusOn(c, '2020-06-30')).toBe('pending');
    expect(contractStatusOn(c, '2020-07-01')).toBe('active');
    expect(contractStatusOn(c, '2021-06-30')).toBe('active');
    expect(contractStatusOn(c, '2021-07-01')).toBe('expired');
  });
  it('terminated from the termination day, also after the term', () => {
    const t = { ...c, terminatedDate: '2020-10-10' };
    expect(contractStatusOn(t, '2020-10-09')).toBe('active');
    expect(contractStatusOn(t, '2020-10-10')).toBe('terminated');
    expect(contractStatusOn(t, '2022-01-01')).toBe('terminated');
  });
  it('agrees with isActiveOn on every day around the edges', () => {
    const t = { ...c, terminatedDate: '2021-06-30' };
    for (const d of ['2020-06-30', '2020-07-01', '2021-06-29', '2021-06-30', '2021-07-01'])
      for (const x of [c, t]) expect(contractStatusOn(x, d) === 'active').toBe(isActiveOn(x, d));
    expect(CONTRACT_STATUSES).toContain(contractStatusOn(t, '2021-06-30'));
  });
});

describe('keyPopulationsAtSigning', () => {
  it('elderly from the 65th birthday', () => {
    expect(ageOn('1955-07-01', '2020-06-30')).toBe(64);
    expect(
      keyPopulationsAtSigning('2020-06-30', { birthDate: '1955-07-01', enrolments: [], disabled: false }),
    ).toEqual([]);
    expect(
      keyPopulationsAtSigning('2020-07-01', { birthDate: '1955-07-01', enrolments: [], disabled: false }),
    ).toEqual(['elderly']);
  });
  it('children under 7 by age, to the day before the 7th birthday', () => {
    const f = { birthDate: '2013-07-01', enrolments: [], disabled: false };
    expect(keyPopulationsAtSigning('2020-06-30', f)).toEqual(['child']);
    expect(keyPopulationsAtSigning('2020-07-01', f)).toEqual([]);
  });
  it('enrolments active on the signing day, disabled as given, in catalogue order', () => {
    const f = {
      birthDate: '1980-01-01',
      disabled: true,
      enrolments: [
        { program: 'diabetes', startDate: '2020-07-01', endDate: null },
        { program: 'hypertension', startDate: '2019-01-01', endDate: null },
        { program: 'tuberculosis', startDate: '2019-01-01', endDate: '2020-07-01' },
        { program: 'severe_mental', startDate: '2019-01-01', endDate: '2020-07-02' },
      ],
    };
    expect(keyPopulationsAtSigning('2020-07-01', f)).toEqual([
      'hypertension',
      'diabetes',
      'severe_mental',
      'disabled',
    ]);
    expect(keyPopulationsAtSigning('2020-06-30', f)).toEqual([
      'hypertension',
      'severe_mental',
      'tuberculosis',
      'disabled',
    ]);
  });
  it('no birth date: no age group', () => {
    expect(
      keyPopulationsAtSigning('2020-07-01', { birthDate: null, enrolments: [], disabled: false }),
    ).toEqual([]);
  });
});

describe('previousContract', () => {
  const first = {
    id: 1,
    residentId: 7,
    signedDate: '2020-07-01',
    endDate: '2021-06-30',
    terminatedDate: null,
  };
  it('continues the latest earlier contract up to 90 days after its end', () => {
    expect(previousContract('2021-07-01', [first])).toBe(first);
    expect(previousContract('2021-05-01', [first])).toBe(first);
    expect(previousContract('2021-09-28', [first])).toBe(first); // 90 days after the end
    expect(previousContract('2021-09-29', [first])).toBeNull();
  });
  it('not a terminated contract, not one signed the same day or later', () => {
    expect(previousContract('2021-07-01', [{ ...first, terminatedDate: '2021-01-01' }])).toBeNull();
    expect(previousContract('2020-07-01', [first])).toBeNull();
  });
  it('the latest of several', () => {
    const second = { ...first, id: 2, signedDate: '2021-07-01', endDate: '2022-06-30' };
    expect(previousContract('2022-07-01', [second, first])).toBe(second);
  });
});

describe('contractProblems', () => {
  const ok = {
    signedDate: '2020-07-01',
    endDate: '2021-06-30',
    terminatedDate: null,
    terminationReason: null,
    packageCode: 'basic',
  };
  it('accepts a plain contract', () => expect(contractProblems(ok, SERVICE_PACKAGE_CODES)).toEqual([]));
  it('names each field', () => {
    expect(
      contractProblems({ ...ok, endDate: '2020-06-30' }, SERVICE_PACKAGE_CODES).map((p) => p.field),
    ).toEqual(['endDate']);
    expect(
      contractProblems({ ...ok, packageCode: 'gold' }, SERVICE_PACKAGE_CODES).map((p) => p.field),
    ).toEqual(['packageCode']);
    expect(
      contractProblems({ ...ok, terminatedDate: '2021-06-30' }, SERVICE_PACKAGE_CODES).map((p) => p.field),
    ).toEqual(['terminationReason']);
    expect(
      contractProblems(
        { ...ok, terminatedDate: '2021-07-01', terminationReason: 'death' },
        SERVICE_PACKAGE_CODES,
      ).map((p) => p.field),
    ).toEqual(['terminatedDate']);
    expect(
      contractProblems(
        { ...ok, terminatedDate: '2020-07-01', terminationReason: 'death' },
        SERVICE_PACKAGE_CODES,
      ).map((p) => p.field),
    ).toEqual(['terminatedDate']);
    expect(
      contractProblems({ ...ok, terminationReason: 'death' }, SERVICE_PACKAGE_CODES).map((p) => p.field),
    ).toEqual(['terminatedDate']);
    expect(
      contractProblems(
        { ...ok, terminatedDate: '2020-09-01', terminationReason: 'bored' },
        SERVICE_PACKAGE_CODES,
      ).map((p) => p.field),
    ).toEqual(['terminationReason']);
  });
});

describe('packages', () => {
  it('finds by code or Chinese name', () => {
    expect(servicePackageFor('老年人服务包')?.code).toBe('elderly');
    expect(servicePackageFor('basic')?.code).toBe('basic');
    expect(servicePackageFor('gold')).toBeUndefined();
  });
  it('fulfilled by a service within the days, both ends inclusive', () => {
    const pkg = servicePackageFor('elderly')!;
    const s = [{ type: 'elderly_checkup', date: '2020-07-01' }];
    expect(packageFulfilled(pkg, s, '2020-07-01', '2020-07-01')).toBe(true);
    expect(packageFulfilled(pkg, s, '2020-07-02', '2020-12-31')).toBe(false);
    expect(
      packageFulfilled(pkg, [{ type: 'vaccination', date: '2020-07-01' }], '2020-01-01', '2020-12-31'),
    ).toBe(false);
  });
});

describe('contractTermsAt', () => {
  const base: ContractHistory = {
    birthDate: '1950-01-01',
    recordCreated: '2015-01-01',
    deathDate: null,
    movedOutDate: null,
    enrolments: [{ program: 'hypertension', startDate: '2019-01-01', endDate: null }],
    contracts: [
      {
        id: 1,
        signedDate: '2019-04-01',
        endDate: '2020-03-31',
        terminatedDate: null,
        packageCode: 'chronic',
        keyPopulations: ['elderly', 'hypertension'],
        previousContractId: null,
      },
      {
        id: 2,
        signedDate: '2020-04-01',
        endDate: '2021-03-31',
        terminatedDate: null,
        packageCode: 'chronic',
        keyPopulations: ['elderly', 'hypertension'],
        previousContractId: 1,
      },
    ],
    services: [{ type: 'hypertension_followup', date: '2020-03-15' }],
  };
  it('a renewed contract with its package delivered in the year', () => {
    const t = contractTermsAt(base, '2020-01-01', '2020-06-30');
    expect([...t].sort()).toEqual(
      [
        'contract.active',
        'contract.key_any',
        'contract.key.elderly',
        'contract.key.hypertension',
        'keypop.any',
        'keypop.elderly',
        'keypop.hypertension',
        'contract.due',
        'contract.renewed',
      ].sort(),
    );
  });
  it('fulfilment counts services from the signing of the holding contract', () => {
    const h = { ...base, services: [{ type: 'hypertension_followup', date: '2020-04-01' }] };
    expect(contractTermsAt(h, '2020-01-01', '2020-06-30').has('contract.fulfilled')).toBe(true);
    expect(contractTermsAt(h, '2020-01-01', '2020-03-31').has('contract.fulfilled')).toBe(false); // after E
    expect(contractTermsAt(base, '2020-01-01', '2020-03-31').has('contract.fulfilled')).toBe(true); // contract 1, from 1 January
    expect(contractTermsAt(base, '2020-01-01', '2020-06-30').has('contract.fulfilled')).toBe(false); // before contract 2
    const before = { ...base, services: [{ type: 'hypertension_followup', date: '2019-12-31' }] };
    expect(contractTermsAt(before, '2020-01-01', '2020-03-31').has('contract.fulfilled')).toBe(false);
  });
  it('the due contract ends on E: due; a day later: not yet', () => {
    expect(contractTermsAt(base, '2020-01-01', '2020-03-31').has('contract.due')).toBe(true);
    expect(contractTermsAt(base, '2020-01-01', '2020-03-30').has('contract.due')).toBe(false);
  });
  it('nothing before the record exists: a record created after E counts in no denominator', () => {
    expect(contractTermsAt({ ...base, recordCreated: '2020-07-01' }, '2020-01-01', '2020-06-30').size).toBe(
      0,
    );
    expect(
      contractTermsAt({ ...base, recordCreated: '2020-06-30' }, '2020-01-01', '2020-06-30').has('keypop.any'),
    ).toBe(true);
  });
  it('nothing once dead or moved out on or before E', () => {
    expect(contractTermsAt({ ...base, deathDate: '2020-06-30' }, '2020-01-01', '2020-06-30').size).toBe(0);
    expect(
      contractTermsAt({ ...base, movedOutDate: '2020-07-01' }, '2020-01-01', '2020-06-30').size,
    ).toBeGreaterThan(0);
  });
});
