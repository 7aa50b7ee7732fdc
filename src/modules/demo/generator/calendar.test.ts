import { describe, expect, it } from 'vitest';
import { birthdayAt, dayOf, isoOf, latestBirthForAge, monthsBetween } from './calendar.js';

describe('calendar', () => {
  it('round-trips ISO dates', () => {
    for (const iso of ['1970-01-01', '2000-02-29', '2020-06-30', '1900-12-31', '1820-05-05', '2200-01-01'])
      expect(isoOf(dayOf(iso))).toBe(iso);
    expect(dayOf('1970-01-02')).toBe(1);
  });

  it('finds birthdays, leap days turning on 1 March', () => {
    expect(isoOf(birthdayAt(dayOf('1955-03-10'), 65))).toBe('2020-03-10');
    expect(isoOf(birthdayAt(dayOf('1956-02-29'), 65))).toBe('2021-03-01');
    expect(isoOf(latestBirthForAge(dayOf('2020-06-30'), 65))).toBe('1955-06-30');
  });

  it('counts whole months', () => {
    expect(monthsBetween(dayOf('2019-12-15'), dayOf('2020-06-14'))).toBe(5);
    expect(monthsBetween(dayOf('2019-12-15'), dayOf('2020-06-15'))).toBe(6);
    expect(monthsBetween(dayOf('2020-06-15'), dayOf('2020-06-01'))).toBe(0);
  });
});
