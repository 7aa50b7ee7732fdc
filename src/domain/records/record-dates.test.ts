import { describe, expect, it } from 'vitest';
import { DATE_REASONS, futureDates, residentDateIssues, serviceAgainstPerson } from './record-dates.js';

const TODAY = '2026-12-05';
const resident = {
  birthDate: '1955-01-01',
  recordCreated: '2018-03-15',
  recordUpdated: null,
  deathDate: null,
  movedOutDate: null,
};
const fields = (issues: readonly { field: string }[]): string[] => issues.map((i) => i.field);

describe('futureDates', () => {
  it('accepts today and refuses tomorrow, naming the field and today', () => {
    expect(futureDates({ serviceDate: TODAY }, TODAY)).toEqual([]);
    expect(futureDates({ serviceDate: '2026-12-06' }, TODAY)).toEqual([
      { field: 'serviceDate', reason: DATE_REASONS.future(TODAY) },
    ]);
    expect(DATE_REASONS.future(TODAY).zh).toContain('2026-12-05');
  });

  it('crosses a year end, and leaves empty or malformed values to the format check', () => {
    expect(fields(futureDates({ a: '2027-01-01', b: '2026-12-31' }, '2026-12-31'))).toEqual(['a']);
    expect(futureDates({ a: null, b: undefined, c: '', d: '2100-02-30' }, TODAY)).toEqual([]);
  });
});

describe('residentDateIssues', () => {
  it('accepts a plausible record', () => {
    expect(residentDateIssues(resident, TODAY)).toEqual([]);
  });

  it('refuses a birth in the future, which is also after the record was created: both at once', () => {
    expect(residentDateIssues({ ...resident, birthDate: '2100-01-01' }, TODAY)).toEqual([
      { field: 'birthDate', reason: DATE_REASONS.future(TODAY) },
      { field: 'birthDate', reason: DATE_REASONS.birthAfterCreated },
    ]);
  });

  it('takes a birth on the day the record was created, not the day after', () => {
    expect(residentDateIssues({ ...resident, birthDate: '2018-03-15' }, TODAY)).toEqual([]);
    expect(fields(residentDateIssues({ ...resident, birthDate: '2018-03-16' }, TODAY))).toEqual([
      'birthDate',
    ]);
  });

  it('takes a death on the day of birth, not the day before; likewise a move-out', () => {
    expect(
      residentDateIssues({ ...resident, deathDate: '1955-01-01', movedOutDate: '1955-01-01' }, TODAY),
    ).toEqual([]);
    const issues = residentDateIssues(
      { ...resident, deathDate: '1954-12-31', movedOutDate: '1954-12-31' },
      TODAY,
    );
    expect(issues.map((i) => [i.field, i.reason.en])).toEqual([
      ['deathDate', 'death date is before the birth date'],
      ['movedOutDate', 'move-out date is before the birth date'],
    ]);
  });

  it('refuses every date of the record after today, and checks nothing against an unknown birth', () => {
    const issues = residentDateIssues(
      {
        birthDate: null,
        recordCreated: '2026-12-06',
        recordUpdated: '2026-12-06',
        deathDate: '2026-12-06',
        movedOutDate: '2026-12-06',
      },
      TODAY,
    );
    expect(fields(issues)).toEqual(['recordCreated', 'recordUpdated', 'deathDate', 'movedOutDate']);
  });
});

describe('serviceAgainstPerson', () => {
  const person = { birthDate: '2020-06-01', deathDate: '2020-09-30' };

  it('takes services from the day of birth to the day of death', () => {
    expect(serviceAgainstPerson('2020-06-01', person)).toEqual([]);
    expect(serviceAgainstPerson('2020-09-30', person)).toEqual([]);
  });

  it('refuses a service the day before birth and the day after death, naming serviceDate', () => {
    expect(serviceAgainstPerson('2020-05-31', person)).toEqual([
      { field: 'serviceDate', reason: DATE_REASONS.beforeBirth({ zh: '服务日期', en: 'service date' }) },
    ]);
    expect(serviceAgainstPerson('2020-10-01', person)).toEqual([
      { field: 'serviceDate', reason: DATE_REASONS.serviceAfterDeath },
    ]);
  });

  it('checks nothing for a person without known dates', () => {
    expect(serviceAgainstPerson('1900-01-01', { birthDate: null, deathDate: null })).toEqual([]);
  });
});
